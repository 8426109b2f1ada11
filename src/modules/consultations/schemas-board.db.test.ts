import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { ZCaseloadResponse, ZFiguresResponse, ZSimilarResponse, ZTeamsResponse } from './schemas-board';
import { type ConsultationWorld, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

/** Parsing strips unknown keys at every level: equal after parsing means exact (no extra, none missing). */
function expectExact(schema: { parse: (v: unknown) => unknown }, body: unknown) {
  expect(schema.parse(body)).toEqual(body);
}

describe('board responses match their exact schemas', () => {
  it('teams, caseload, figures and similar', async () => {
    const narrative =
      '人工呼吸器の子の保育所入所について看護師のいる園を探したい。入所調整の進め方を知りたい。';
    const a = await intake(w.users.fujisawa.client, { narrative, nextActionOn: '2025-01-01' });
    const b = await intake(w.users.fujisawa.client, { narrative: `${narrative}（別件）` });
    await w.users.fujisawa.client.post(`/api/consultations/${b.id}/close`, {
      version: b.version,
      outcome: 'resolved',
    });
    const c = w.users.fujisawa.client;
    const teams = await c.get('/api/consultations/teams');
    expect(teams.status).toBe(200);
    expectExact(ZTeamsResponse, teams.body);
    const caseload = await w.users.centreAdmin.client.get('/api/consultations/caseload');
    expect(caseload.status).toBe(200);
    expect(caseload.body.people.length).toBeGreaterThan(0);
    expectExact(ZCaseloadResponse, caseload.body);
    const figures = await w.users.centreAdmin.client.get('/api/consultations/figures');
    expect(figures.status).toBe(200);
    expectExact(ZFiguresResponse, figures.body);
    const similar = await c.get(`/api/consultations/${a.id}/similar`);
    expect(similar.status).toBe(200);
    expect(similar.body.items.map((i: { id: string }) => i.id)).toContain(b.id);
    expectExact(ZSimilarResponse, similar.body);
  });
});

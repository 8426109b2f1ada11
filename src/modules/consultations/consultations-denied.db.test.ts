/**
 * The denied story: users of another municipality, region or prefecture ask for every endpoint of a case by id
 * and get 404 — at every step of its life (intake, back-up, hand-off, close) — and lists never hold it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/app';
import { createTestApp, type TestApp } from '../../test/app';
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

/** Every endpoint by id answers 404 to the client, and no list holds the case. */
async function expectDenied(client: TestClient, id: string, handoffId: string | null) {
  const fake = handoffId ?? '00000000-0000-4000-8000-000000000000';
  const calls: [string, string, unknown?][] = [
    ['GET', `/api/consultations/${id}`],
    ['GET', `/api/consultations/${id}/similar`],
    ['PATCH', `/api/consultations/${id}`, { version: 1, urgency: 'urgent' }],
    ['POST', `/api/consultations/${id}/actions`, { kind: 'note', note: 'x' }],
    ['POST', `/api/consultations/${id}/close`, { version: 1, outcome: 'resolved' }],
    ['POST', `/api/consultations/${id}/handoffs`, { kind: 'handoff', to: { tier: 'centre' } }],
    ['POST', `/api/consultations/${id}/handoffs/${fake}/accept`, {}],
    ['POST', `/api/consultations/${id}/handoffs/${fake}/decline`, { reason: 'x' }],
    ['POST', `/api/consultations/${id}/handoffs/${fake}/withdraw`, {}],
  ];
  for (const [method, path, body] of calls) {
    const res = await client.request(method, path, body);
    expect(res.status, `${method} ${path}`).toBe(404);
  }
  for (const view of ['all', 'mine', 'team', 'overdue', 'handoffs-inbox']) {
    const list = await client.get(`/api/consultations?view=${view}&status=any`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  }
}

describe('consultations denied', () => {
  it('another municipality, another region and another prefecture get 404 on every step', async () => {
    const outsiders = [
      w.users.chigasaki.client,
      w.users.hiratsuka.client,
      w.users.coordB.client,
      w.users.kumamoto.client,
      w.users.centre43.client,
    ];
    const c = await intake(w.users.fujisawa.client, { nextActionOn: '2020-01-01' });
    for (const o of outsiders) await expectDenied(o, c.id, null);

    // Step 2: back-up by region A — still hidden from the others (region B included).
    const b = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'backup',
      to: { tier: 'region', regionId: w.regionA.id },
    });
    await w.users.coordA.client.post(
      `/api/consultations/${c.id}/handoffs/${b.body.handoffs[0].id}/accept`,
      {},
    );
    for (const o of outsiders) await expectDenied(o, c.id, b.body.handoffs[0].id);

    // Step 3: hand-off to the centre, accepted.
    const h = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'centre' },
    });
    const hid = h.body.handoffs.find((x: { kind: string }) => x.kind === 'handoff').id;
    for (const o of outsiders) await expectDenied(o, c.id, hid);
    await w.users.centre.client.post(`/api/consultations/${c.id}/handoffs/${hid}/accept`, {});
    for (const o of [...outsiders, w.users.fujisawa.client]) await expectDenied(o, c.id, hid);

    // Step 4: closed.
    const page = await w.users.centre.client.get(`/api/consultations/${c.id}`);
    await w.users.centre.client.post(`/api/consultations/${c.id}/close`, {
      version: page.body.version,
      outcome: 'resolved',
    });
    for (const o of outsiders) await expectDenied(o, c.id, hid);
    // About 300 requests: generous on a busy machine.
  }, 300_000);

  it('a malformed id is simply not found', async () => {
    expect((await w.users.fujisawa.client.get('/api/consultations/not-a-uuid')).status).toBe(404);
  });

  it('whole-prefecture readers see it; the auditor reads but changes nothing; providers see nothing', async () => {
    const c = await intake(w.users.fujisawa.client);
    expect((await w.users.centreAdmin.client.get(`/api/consultations/${c.id}`)).status).toBe(200);
    const a = await w.users.auditor.client.get(`/api/consultations/${c.id}`);
    expect(a.status).toBe(200);
    expect(a.body.allowedActions).toEqual([]);
    expect(
      (await w.users.auditor.client.post(`/api/consultations/${c.id}/actions`, { kind: 'note', note: 'x' }))
        .status,
    ).toBe(403);
    // The centre sees it but is not its team: it reads only.
    const ce = await w.users.centre.client.get(`/api/consultations/${c.id}`);
    expect(ce.body.allowedActions).toEqual([]);
    // Branch staff of region A are not the municipality's team: out of scope until asked.
    expect((await w.users.branch.client.get(`/api/consultations/${c.id}`)).status).toBe(404);
  });
});

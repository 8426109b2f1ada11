/**
 * The denied story of engagements: another municipality's staff, a region's coordinator or a branch's staff
 * asking for an engagement or municipality outside their area get 404 (like an unknown id), and their lists
 * never hold another area's rows; another prefecture's administrator gets 404; provider staff, learners and the
 * system administrator are refused the area (403) before any id is read; auditors read but change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import {
  ATSUGI,
  CHIGASAKI,
  type EngagementWorld,
  engagementBody,
  engagementWorld,
  FUJISAWA,
} from './testing';

let t: TestApp;
let w: EngagementWorld;
let fujisawaId: string;
let atsugiId: string;
const unknown = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-12-01T01:00:00Z');
  w = await engagementWorld(t);
  const a = await w.c.centre_admin.post(
    '/api/engagements',
    engagementBody('four_division', FUJISAWA, '2026-07-01'),
  );
  const b = await w.c.centre_admin.post('/api/engagements', engagementBody('support', ATSUGI, '2026-08-01'));
  fujisawaId = a.body.id;
  atsugiId = b.body.id;
}, 60_000);
afterAll(() => t.close());

const put = (client: TestClient, id: string) =>
  client.put(`/api/engagements/${id}`, {
    ...engagementBody('support', ATSUGI, '2026-08-01'),
    kind: undefined,
    version: 1,
  });

async function expectNotFound(client: TestClient, id: string) {
  for (const res of [
    await client.get(`/api/engagements/${id}`),
    await put(client, id),
    await client.put(`/api/engagements/${id}/good-example`, { version: 1, goodExample: true }),
  ]) {
    expect([res.status, res.body.error?.code]).toEqual([404, 'not_found']);
  }
}

describe('engagements denied', () => {
  it('another municipality’s staff get 404 for 藤沢市’s records and page, and see only their own', async () => {
    const c = w.c.chigasaki_staff;
    await expectNotFound(c, fujisawaId);
    await expectNotFound(c, unknown);
    expect((await c.get(`/api/engagements/municipalities/${FUJISAWA}`)).status).toBe(404);
    expect((await c.get(`/api/engagements/municipalities/${CHIGASAKI}`)).status).toBe(200);
    const cadence = { version: 0, active: true, minMonths: 3, maxMonths: 4, ownerUserId: null };
    expect((await c.put(`/api/engagements/cadences/${FUJISAWA}`, cadence)).status).toBe(404);
    expect((await c.get('/api/engagements')).body.items).toEqual([]);
    const cycle = await c.get('/api/engagements/four-division');
    expect(cycle.body.items.map((i: { municipalityCode: string }) => i.municipalityCode)).toEqual([
      CHIGASAKI,
    ]);
    const options = await c.get('/api/engagements/options');
    expect(options.body.municipalities).toEqual([{ code: CHIGASAKI, name: '茅ヶ崎市' }]);
  });

  it('a region’s coordinator and a branch’s staff reach only their regions', async () => {
    await expectNotFound(w.c.regional_coordinator, fujisawaId);
    expect((await w.c.regional_coordinator.get(`/api/engagements/${atsugiId}`)).status).toBe(200);
    await expectNotFound(w.c.branch_staff, atsugiId);
    expect((await w.c.branch_staff.get(`/api/engagements/${fujisawaId}`)).status).toBe(200);
    const listed = await w.c.branch_staff.get('/api/engagements');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([fujisawaId]);
    const tab = await w.c.branch_staff.get(
      '/api/engagements/cross-tab?nendo=2026&row=municipality&col=outcome',
    );
    expect(tab.body.total).toBe(0);
    expect((await w.c.regional_coordinator.get(`/api/engagements/municipalities/${FUJISAWA}`)).status).toBe(
      404,
    );
  });

  it('another prefecture’s administrator gets 404 for every record and municipality of 14', async () => {
    await expectNotFound(w.c.kumamoto_admin, fujisawaId);
    expect((await w.c.kumamoto_admin.get(`/api/engagements/municipalities/${FUJISAWA}`)).status).toBe(404);
    const rec = await w.c.kumamoto_admin.post(
      '/api/engagements',
      engagementBody('support', FUJISAWA, '2026-08-01'),
    );
    expect(rec.status).toBe(404);
  });

  it('provider staff, learners and the system administrator are refused the area, real ids or not', async () => {
    for (const c of [w.c.provider_staff, w.c.learner, w.c.system_admin]) {
      for (const path of [
        '/api/engagements',
        '/api/engagements/options',
        '/api/engagements/four-division',
        '/api/engagements/cross-tab',
        `/api/engagements/${fujisawaId}`,
        `/api/engagements/${unknown}`,
        `/api/engagements/municipalities/${FUJISAWA}`,
      ]) {
        const res = await c.get(path);
        expect([res.status, res.body.error?.code], path).toEqual([403, 'forbidden']);
      }
      expect((await put(c, fujisawaId)).status).toBe(403);
      expect((await put(c, unknown)).status).toBe(403);
    }
  });

  it('auditors read everything of the prefecture and change nothing', async () => {
    const a = w.c.auditor;
    expect((await a.get(`/api/engagements/${fujisawaId}`)).body.canEdit).toBe(false);
    expect((await a.get('/api/engagements')).body.canRecord).toBe(false);
    for (const res of [
      await put(a, fujisawaId),
      await put(a, unknown),
      await a.post('/api/engagements', engagementBody('support', FUJISAWA, '2026-08-01')),
      await a.put(`/api/engagements/cadences/${FUJISAWA}`, {
        version: 0,
        active: true,
        minMonths: 3,
        maxMonths: 4,
        ownerUserId: null,
      }),
    ]) {
      expect([res.status, res.body.error?.code]).toEqual([403, 'forbidden']);
    }
  });
});

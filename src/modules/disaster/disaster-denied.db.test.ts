/**
 * The denied story of disaster readiness: 茅ヶ崎市's staff get not-found for 藤沢市's list, its children's profiles,
 * sheets and plans, as for unknown ids; a child without the disaster-planning consent is counted, never named, and
 * its plan answers not-found; auditors read and change nothing (403); providers and learners get 403 for the lists
 * before anything is read; another prefecture's centre gets not-found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childConsents, childDevices } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
const c: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

const plan = { planStatus: 'agreed', version: 0 };
const profile = { internalBatteryHours: 5, version: 0 };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  const org = await makeOrganisation(db, '14', { municipalityCode: FUJISAWA });
  const yes = await makeChild(db, '14', FUJISAWA, { organisationId: org.id });
  const no = await makeChild(db, '14', FUJISAWA);
  await db.insert(childDevices).values([
    { childId: yes.id, kind: 'ventilator', needsMains: true, batteryHours: 4 },
    { childId: no.id, kind: 'ventilator', needsMains: true, batteryHours: 4 },
  ]);
  await db.insert(childConsents).values({
    childId: yes.id,
    purpose: 'disaster_planning',
    granted: true,
    decidedOn: '2026-04-01',
    method: 'paper',
  });
  Object.assign(ids, { yes: yes.id, no: no.id });
  const sign = async (role: Parameters<typeof signedInUser>[1], opts: Parameters<typeof signedInUser>[2]) =>
    (await signedInUser(t, role, opts)).client;
  c.fujisawa = await sign('municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA });
  c.chigasaki = await sign('municipal_staff', { prefectureCode: '14', municipalityCode: CHIGASAKI });
  c.auditor = await sign('auditor', { prefectureCode: '14' });
  c.provider = await sign('provider_staff', { prefectureCode: '14', organisationId: org.id });
  c.learner = await sign('learner', { prefectureCode: '14' });
  c.kumamoto = await sign('centre_staff', { prefectureCode: '43' });
}, 60_000);
afterAll(() => t.close());

const childPaths = (id: string) => [`/api/disaster/children/${id}`, `/api/disaster/children/${id}/sheet`];

describe('disaster readiness, denied', () => {
  it("answers 茅ヶ崎市's staff not-found on 藤沢市, as for unknown ids", async () => {
    expect((await c.chigasaki!.get(`/api/disaster/list?municipality=${FUJISAWA}`)).status).toBe(404);
    expect((await c.chigasaki!.get(`/api/disaster/list/export?municipality=${FUJISAWA}`)).status).toBe(404);
    for (const id of [ids.yes!, UNKNOWN, 'not-an-id']) {
      for (const path of childPaths(id)) expect((await c.chigasaki!.get(path)).status, path).toBe(404);
      expect((await c.chigasaki!.put(`/api/disaster/list/${id}/plan`, plan)).status).toBe(404);
      expect((await c.chigasaki!.put(`/api/disaster/children/${id}`, profile)).status).toBe(404);
    }
    const own = await c.chigasaki!.get('/api/disaster/list');
    expect(own.status).toBe(200);
    expect(own.body.rows).toEqual([]);
    const cov = await c.chigasaki!.get('/api/disaster/coverage');
    expect(cov.body.municipalities.map((m: { code: string }) => m.code)).toEqual([]);
  });

  it('counts a child without the disaster-planning consent, never names it', async () => {
    const list = await c.fujisawa!.get('/api/disaster/list');
    expect(list.body.rows.map((r: { id: string }) => r.id)).toEqual([ids.yes]);
    expect(list.body.counts.electricityDependentWithheld).toBe(1);
    expect((await c.fujisawa!.put(`/api/disaster/list/${ids.no}/plan`, plan)).status).toBe(404);
    const cov = await c.fujisawa!.get('/api/disaster/coverage');
    expect(cov.body.municipalities[0]).toMatchObject({
      code: FUJISAWA,
      electricityDependent: 2,
      consented: 1,
    });
  });

  it('lets auditors read and change nothing', async () => {
    expect((await c.auditor!.get(`/api/disaster/list?municipality=${FUJISAWA}`)).status).toBe(200);
    expect((await c.auditor!.get('/api/disaster/coverage')).status).toBe(200);
    for (const path of childPaths(ids.yes!)) expect((await c.auditor!.get(path)).status).toBe(200);
    expect((await c.auditor!.put(`/api/disaster/list/${ids.yes}/plan`, plan)).status).toBe(403);
    expect((await c.auditor!.put(`/api/disaster/children/${ids.yes}`, profile)).status).toBe(403);
    expect(
      (await c.auditor!.put(`/api/disaster/children/${ids.yes}/sheet`, { sheet: {}, version: 0 })).status,
    ).toBe(403);
  });

  it('refuses providers and learners the lists, and another prefecture everything', async () => {
    for (const who of ['provider', 'learner']) {
      for (const path of [
        '/api/disaster/list',
        '/api/disaster/coverage',
        `/api/disaster/list?municipality=${FUJISAWA}`,
      ]) {
        expect((await c[who]!.get(path)).status, `${who} ${path}`).toBe(403);
      }
    }
    expect((await c.learner!.get(`/api/disaster/children/${ids.yes}`)).status).toBe(403);
    expect((await c.kumamoto!.get(`/api/disaster/list?municipality=${FUJISAWA}`)).status).toBe(404);
    for (const path of childPaths(ids.yes!)) expect((await c.kumamoto!.get(path)).status).toBe(404);
  });
});

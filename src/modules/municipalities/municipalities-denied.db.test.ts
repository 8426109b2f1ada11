/**
 * The denied story of the municipality pages: 茅ヶ崎市's staff ask for 藤沢市's page, figures, history and
 * changes and get not-found, as for an unknown code; a regional coordinator gets not-found outside the region;
 * another prefecture's staff not-found; providers and learners 403 before any code is read; auditors read but
 * do not change (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');
const ODAWARA = code('小田原市');

let t: TestApp;
const c: Record<string, TestClient> = {};

const maturity = {
  status: 'placed',
  options: [],
  source: 'hearing',
  asOf: '2026-05-20',
  version: 0,
};
const contact = { sectionName: '障がい福祉課', source: 'hearing', asOf: '2026-05-20', version: 0 };

const reads = (m: string) => [
  `/api/municipalities/${m}`,
  `/api/municipalities/${m}/figures`,
  `/api/municipalities/${m}/history`,
];
const writes = (client: TestClient, m: string) => [
  client.put(`/api/municipalities/${m}/maturity/coordinator`, maturity),
  client.put(`/api/municipalities/${m}/contacts/education`, contact),
];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const east = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  await makeRegion(db, '14', '県西', [ODAWARA]);
  const org = await makeOrganisation(db, '14', { municipalityCode: FUJISAWA });
  c.chigasaki = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: CHIGASAKI })
  ).client;
  c.coordinator = (
    await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id })
  ).client;
  c.kumamoto = (await signedInUser(t, 'centre_staff', { prefectureCode: '43' })).client;
  c.provider = (
    await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })
  ).client;
  c.learner = (await signedInUser(t, 'learner', { prefectureCode: '14' })).client;
  c.auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

describe('municipality pages, denied', () => {
  it('answers 茅ヶ崎市 staff not-found on 藤沢市, as for an unknown code, reading and writing', async () => {
    for (const path of [...reads(FUJISAWA), ...reads('149999'), ...reads('not-a-code')]) {
      const res = await c.chigasaki!.get(path);
      expect(res.status, path).toBe(404);
    }
    for (const res of await Promise.all([
      ...writes(c.chigasaki!, FUJISAWA),
      ...writes(c.chigasaki!, '149999'),
    ])) {
      expect(res.status).toBe(404);
    }
    // Its own page it reads.
    expect((await c.chigasaki!.get(`/api/municipalities/${CHIGASAKI}`)).status).toBe(200);
  });

  it('answers a regional coordinator not-found outside the region and another prefecture not-found', async () => {
    for (const path of reads(ODAWARA)) expect((await c.coordinator!.get(path)).status, path).toBe(404);
    for (const res of await Promise.all(writes(c.coordinator!, ODAWARA))) expect(res.status).toBe(404);
    for (const path of reads(FUJISAWA)) expect((await c.kumamoto!.get(path)).status, path).toBe(404);
    for (const res of await Promise.all(writes(c.kumamoto!, FUJISAWA))) expect(res.status).toBe(404);
    expect(
      (await c.kumamoto!.get('/api/municipalities')).body.rows.some((r: { code: string }) =>
        r.code.startsWith('14'),
      ),
    ).toBe(false);
  });

  it('refuses providers and learners every endpoint, real code or not', async () => {
    for (const who of ['provider', 'learner']) {
      for (const path of ['/api/municipalities', ...reads(FUJISAWA), ...reads('149999')]) {
        expect((await c[who]!.get(path)).status, `${who} ${path}`).toBe(403);
      }
      for (const res of await Promise.all(writes(c[who]!, FUJISAWA))) expect(res.status).toBe(403);
    }
  });

  it('lets auditors read every page and change none', async () => {
    for (const path of reads(FUJISAWA)) expect((await c.auditor!.get(path)).status, path).toBe(200);
    for (const res of await Promise.all(writes(c.auditor!, FUJISAWA))) expect(res.status).toBe(403);
    const page = await c.auditor!.get(`/api/municipalities/${FUJISAWA}`);
    expect(page.body.canEdit).toBe(false);
  });
});

/**
 * The census figure of a municipality's page: the children another source places in the municipality that none
 * of its own lists holds, from the newest published run — for the census's readers only (the centre with a
 * whole-prefecture scope); a municipality's own staff and a regional coordinator see no census figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { CHIGASAKI, FUJISAWA, makeCensusList, SOURCES } from '../../test/census-factory';
import { makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

let t: TestApp;
let centre: TestClient;
let fujisawa: TestClient;
let coordinator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  const east = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  centre = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  fujisawa = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA }))
    .client;
  coordinator = (await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id }))
    .client;
  // 藤沢市's nurses know 伊藤 蓮; the board of education also knows 加藤 大翔, living in 藤沢市.
  await makeCensusList(db, {
    prefectureCode: '14',
    nendo: 2025,
    source: SOURCES.fujisawa,
    rows: [
      {
        name: '伊藤 蓮',
        kana: 'イトウ レン',
        birthDate: '2019-03-04',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
    ],
  });
  await makeCensusList(db, {
    prefectureCode: '14',
    nendo: 2025,
    source: SOURCES.board,
    rows: [
      {
        name: '伊藤 蓮',
        kana: 'イトウ レン',
        birthDate: '2019-03-04',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
      {
        name: '加藤 大翔',
        kana: 'カトウ ヒロト',
        birthDate: '2012-10-10',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
    ],
  });
  const run = await centre.post('/api/census/runs', { nendo: 2025 });
  expect(run.status).toBe(202);
  await t.deps.jobs.drain();
  const published = await centre.post(`/api/census/runs/${run.body.id}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
}, 120_000);
afterAll(() => t.close());

describe('census figure on the municipality page', () => {
  it('shows the centre the children missing from the municipality’s own lists in the newest published run', async () => {
    const res = await centre.get(`/api/municipalities/${FUJISAWA}/figures`);
    expect(res.status).toBe(200);
    expect(res.body.census).toEqual({ nendo: 2025, missing: 1, conflicts: 0 });
    const none = await centre.get(`/api/municipalities/${CHIGASAKI}/figures`);
    expect(none.body.census).toEqual({ nendo: 2025, missing: 0, conflicts: 0 });
  });

  it('shows no census figure to the municipality’s staff or a regional coordinator', async () => {
    for (const client of [fujisawa, coordinator]) {
      const res = await client.get(`/api/municipalities/${FUJISAWA}/figures`);
      expect(res.status).toBe(200);
      expect(res.body.census).toBeNull();
    }
  });
});

/**
 * The benchmark's design, held by a test: the prefecture view, the page and its figures run a fixed number of
 * statements whatever the number of municipalities, history entries or children (no query per row), on both
 * engines. Counted at the driver, as access/statements-per-request.db.test.ts does.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalities, municipalPageHistory, users } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { spyOnDriver } from '../../test/driver-spy';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { resolveActor } from '../access/resolve-actor';
import { maturityCounts } from './summary';

const FUJISAWA = findMunicipalityByName('14', '藤沢市')!.code;
const CHIGASAKI = findMunicipalityByName('14', '茅ヶ崎市')!.code;

let t: TestApp;
let centre: { client: TestClient; id: string };
let coordinator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  const east = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  for (let i = 0; i < 3; i++) await makeChild(db, '14', FUJISAWA, { birthDate: `201${i}-05-01` });
  const c = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
  centre = { client: c.client, id: c.user.id };
  coordinator = (await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id }))
    .client;
  // Every municipality of the prefecture with three entries per item over two 年度.
  const codes = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.prefectureCode, '14'));
  const rows = codes.flatMap(({ code }) =>
    ['coordinator', 'council', 'core_centre', 'census_method', 'welfare_plan'].flatMap((item, k) =>
      ['2025-06-01', '2025-12-01', '2026-05-01'].map((asOf, v) => ({
        prefectureCode: '14',
        municipalityCode: code,
        subject: 'maturity' as const,
        item,
        status: ['placed', 'established', 'established', 'systematic', 'with_targets'][k]!,
        source: 'survey' as const,
        asOf,
        version: v + 1,
        changedBy: centre.id,
        changedByRole: 'centre_staff',
      })),
    ),
  );
  await db.insert(municipalPageHistory).values(rows);
}, 60_000);
afterAll(() => t.close());

/** Statements of the first read of `path` (nothing kept yet) and of the same read again. */
async function statementsOf(client: TestClient, path: string) {
  const spy = spyOnDriver(t.db);
  try {
    const res = await client.get(path);
    expect(res.status, path).toBe(200);
    const n = spy.query.mock.calls.length;
    spy.query.mockClear();
    const again = await client.get(path);
    expect(again.status, path).toBe(200);
    return { n, again: spy.query.mock.calls.length, body: res.body, bodyAgain: again.body };
  } finally {
    spy.restore();
  }
}

describe('statements of the municipality pages', () => {
  it('reads the prefecture view in the same few statements for 33 municipalities as for 2', async () => {
    const all = await statementsOf(centre.client, '/api/municipalities');
    const region = await statementsOf(coordinator, '/api/municipalities');
    expect(all.body.rows.length).toBeGreaterThan(30);
    expect(region.body.rows.length).toBe(2);
    expect(all.body.rows[0].years[1].inPlace).toBe(5);
    // Session, the newest history entry, municipalities, one per 年度, the audit entry.
    expect(all.n).toBeLessThanOrEqual(6);
    expect(all.n).toBe(region.n);
    // Read again with nothing recorded since: the view is kept (session, newest entry, audit).
    expect(all.again).toBeLessThanOrEqual(3);
    expect(all.bodyAgain).toEqual(all.body);
  });

  it('shows a maturity change in the prefecture view at once, though the view is kept', async () => {
    const before = await centre.client.get('/api/municipalities?nendo=2026');
    const row = before.body.rows.find((r: { code: string }) => r.code === CHIGASAKI);
    expect(row.years[1].items.coordinator).toBe('placed');
    const item = await centre.client.get(`/api/municipalities/${CHIGASAKI}`);
    const current = item.body.maturity.find((m: { item: string }) => m.item === 'coordinator').current;
    expect(current).toBeNull();
    const put = await centre.client.put(`/api/municipalities/${CHIGASAKI}/maturity/coordinator`, {
      status: 'considering',
      options: [],
      note: null,
      source: 'hearing',
      sourceNote: null,
      asOf: '2026-05-30',
      version: 0,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const after = await centre.client.get('/api/municipalities?nendo=2026');
    const changed = after.body.rows.find((r: { code: string }) => r.code === CHIGASAKI);
    expect(changed.years[1].items.coordinator).toBe('considering');
  });

  it('gives the yearly report the same counts as the prefecture view', async () => {
    const actor = await resolveActor(
      t.db.systemDb,
      (await t.db.systemDb.select().from(users).where(eq(users.id, centre.id)))[0]!,
    );
    const counts = await maturityCounts(t.db.systemDb, actor, 2026);
    const view = await centre.client.get('/api/municipalities?nendo=2026');
    expect(counts.municipalities).toBe(view.body.rows.length);
    expect(counts.byItem).toEqual(view.body.totals[1].byItem);
    expect(counts.byBand).toEqual(view.body.totals[1].byBand);
  });

  it('reads a page and its figures in a fixed number of statements', async () => {
    const page = await statementsOf(centre.client, `/api/municipalities/${FUJISAWA}`);
    const other = await statementsOf(centre.client, `/api/municipalities/${CHIGASAKI}`);
    expect(page.n).toBe(other.n);
    // Session, municipality, items, contacts, one per 年度, the engagements module's summary, the audit entry.
    expect(page.n).toBeLessThanOrEqual(14);
    const figures = await statementsOf(centre.client, `/api/municipalities/${FUJISAWA}/figures`);
    const none = await statementsOf(centre.client, `/api/municipalities/${CHIGASAKI}/figures`);
    expect(figures.body.children.total).toBe(3);
    expect(figures.n).toBe(none.n);
    expect(figures.n).toBeLessThanOrEqual(12);
    // Kept for a minute per scope: read again, only the session, the municipality and the audit entry.
    expect(figures.again).toBeLessThanOrEqual(3);
    expect(figures.bodyAgain.asOf).toBe(figures.body.asOf);
    t.clock.current = new Date(t.clock.current.getTime() + 61_000);
    const later = await centre.client.get(`/api/municipalities/${FUJISAWA}/figures`);
    expect(later.body.asOf).not.toBe(figures.body.asOf);
    expect(later.body.children.total).toBe(3);
  });
});

/**
 * The page per municipality: the prefecture view by area, a page with its summary, maturity items and contacts
 * recorded under optimistic locking with their history (who, in which role, from which source) and audit, the
 * 年度 side by side, bad input refused with nothing changed, and the figures within the reader's scope.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, childCareItems, municipalities, municipalMaturity } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { openWorkbook } from '../../test/xlsx';
import { intake } from '../consultations/testing';
import { createOrganizationVia, createServiceVia } from '../resources/testing';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');
const ODAWARA = code('小田原市');

let t: TestApp;
let centre: TestClient;
let coordinator: TestClient;
let fujisawa: TestClient;
let auditor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z'); // 令和8年度
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  const east = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  await makeRegion(db, '14', '県西', [ODAWARA]);
  const seen = await makeChild(db, '14', FUJISAWA, { birthDate: '2020-06-01' });
  await db.insert(childCareItems).values({ childId: seen.id, code: 'tube_feeding_gastric' });
  await makeChild(db, '14', FUJISAWA, { birthDate: '2012-06-01', consent: false });
  await makeChild(db, '14', CHIGASAKI, { birthDate: '2018-06-01' });
  centre = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  coordinator = (await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id }))
    .client;
  fujisawa = (
    await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: FUJISAWA,
      division: 'disability_welfare',
    })
  ).client;
  auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

const maturity = (body: Record<string, unknown>) => ({
  status: 'placed',
  options: ['national_subsidy'],
  source: 'hearing',
  sourceNote: '令和8年5月のヒアリング',
  asOf: '2026-05-20',
  version: 0,
  ...body,
});

describe('prefecture view', () => {
  it('lists every municipality of the prefecture for the centre, its regions for a coordinator, its own for a municipality', async () => {
    const all = await centre.get('/api/municipalities');
    expect(all.status).toBe(200);
    const [row] = await t.db.systemDb
      .select({ n: sql<number>`count(*)::int` })
      .from(municipalities)
      .where(eq(municipalities.prefectureCode, '14'));
    expect(all.body.rows).toHaveLength(row!.n);
    expect(all.body.nendos).toEqual([2025, 2026]);
    const region = await coordinator.get('/api/municipalities');
    expect(region.body.rows.map((r: { code: string }) => r.code).sort()).toEqual(
      [FUJISAWA, CHIGASAKI].sort(),
    );
    const own = await fujisawa.get('/api/municipalities');
    expect(own.body.rows.map((r: { code: string }) => r.code)).toEqual([FUJISAWA]);
    expect(own.body.rows[0].years[1].band).toBe('unknown');
  });
});

describe('maturity items', () => {
  it('records an item by the municipality itself, as theirs, with its source, history and audit', async () => {
    const res = await fujisawa.put(`/api/municipalities/${FUJISAWA}/maturity/coordinator`, maturity({}));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ item: 'coordinator', status: 'placed', version: 1, source: 'hearing' });
    expect(res.body.updatedBy.role).toBe('municipal_staff');
    const history = await centre.get(
      `/api/municipalities/${FUJISAWA}/history?subject=maturity&item=coordinator`,
    );
    expect(history.body.entries).toHaveLength(1);
    expect(history.body.entries[0]).toMatchObject({
      status: 'placed',
      options: ['national_subsidy'],
      sourceNote: '令和8年5月のヒアリング',
      changedBy: { role: 'municipal_staff' },
    });
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'municipal_maturity'), eq(auditLog.action, 'update')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.entityIds).toEqual([FUJISAWA]);
  });

  it('refuses a stale version with the value as it is now, and changes nothing', async () => {
    const res = await centre.put(
      `/api/municipalities/${FUJISAWA}/maturity/coordinator`,
      maturity({ status: 'considering', version: 0 }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.detail.current.status).toBe('placed');
    const [row] = await t.db.systemDb
      .select()
      .from(municipalMaturity)
      .where(
        and(eq(municipalMaturity.municipalityCode, FUJISAWA), eq(municipalMaturity.item, 'coordinator')),
      );
    expect(row?.status).toBe('placed');
  });

  it('refuses a status of another item, an option of another item and a future day with ja/en messages', async () => {
    const wrongStatus = await centre.put(
      `/api/municipalities/${FUJISAWA}/maturity/council`,
      maturity({ status: 'placed', options: [] }),
    );
    expect(wrongStatus.status).toBe(400);
    expect(wrongStatus.body.error.issues[0]).toMatchObject({ path: 'status', ja: expect.any(String) });
    const wrongOption = await centre.put(
      `/api/municipalities/${FUJISAWA}/maturity/council`,
      maturity({ status: 'established', options: ['national_subsidy'] }),
    );
    expect(wrongOption.status).toBe(400);
    const future = await centre.put(
      `/api/municipalities/${FUJISAWA}/maturity/council`,
      maturity({ status: 'established', options: [], asOf: '2026-07-01' }),
    );
    expect(future.status).toBe(400);
    expect(future.body.error.issues[0].path).toBe('asOf');
    const unknown = await centre.put(`/api/municipalities/${FUJISAWA}/maturity/budget`, maturity({}));
    expect(unknown.status).toBe(404);
    const page = await centre.get(`/api/municipalities/${FUJISAWA}`);
    expect(page.body.maturity.find((m: { item: string }) => m.item === 'council').current).toBeNull();
  });

  it('sets 年度 side by side: last year as it stood then, this year as it stands now', async () => {
    const last = await centre.put(
      `/api/municipalities/${CHIGASAKI}/maturity/council`,
      maturity({ status: 'preparing', options: [], asOf: '2025-09-01' }),
    );
    expect(last.status).toBe(200);
    const now = await centre.put(
      `/api/municipalities/${CHIGASAKI}/maturity/council`,
      maturity({ status: 'established', options: ['education_attends'], asOf: '2026-04-15', version: 1 }),
    );
    expect(now.status).toBe(200);
    const view = await coordinator.get('/api/municipalities?nendo=2026');
    const row = view.body.rows.find((r: { code: string }) => r.code === CHIGASAKI);
    expect(row.years.map((y: { items: Record<string, string | null> }) => y.items.council)).toEqual([
      'preparing',
      'established',
    ]);
    const thisYear = view.body.totals.find((x: { nendo: number }) => x.nendo === 2026);
    const coordinatorCounts = thisYear.byItem.find((x: { item: string }) => x.item === 'coordinator').counts;
    expect(coordinatorCounts).toMatchObject({ placed: 1, considering: 0, unrecorded: 1 });
    const page = await coordinator.get(`/api/municipalities/${CHIGASAKI}?nendo=2026`);
    expect(page.status).toBe(200);
    expect(page.body.summary.current).toMatchObject({ inPlace: 1, recorded: 1, band: 'early' });
    expect(page.body.summary.previous).toMatchObject({ inPlace: 0, underWay: 1 });
  });

  it('exports the prefecture view as .xlsx: the area’s municipalities, both 年度, totals, in the reader’s language', async () => {
    const download = (path: string) =>
      t.app.request(path, { headers: { cookie: coordinator.cookie!, 'x-forwarded-for': coordinator.ip } });
    const res = await download('/api/municipalities/export?nendo=2026');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="municipalities-2026.xlsx"');
    const wb = await openWorkbook(res);
    const ws = wb.getWorksheet('市町村別')!;
    expect(String(ws.getCell('A1').value)).toContain('令和7年度 / 令和8年度');
    const names = [6, 7].map((r) => ws.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(['茅ヶ崎市', '藤沢市'].sort());
    expect(ws.rowCount).toBe(7); // the coordinator's region only
    const chigasaki = [6, 7].map((r) => ws.getRow(r)).find((r) => r.getCell(2).value === '茅ヶ崎市')!;
    // Council is the second item: 令和7年度 at column 5, 令和8年度 after the first year's 7 columns.
    expect(chigasaki.getCell(5).value).toBe('準備中');
    expect(chigasaki.getCell(12).value).toBe('設置済み');
    expect(typeof chigasaki.getCell(16).value).toBe('number');
    const totals = wb.getWorksheet('集計')!;
    const council = totals
      .getRows(4, totals.rowCount - 3)!
      .find((r) => r.getCell(1).value === '協議の場' && r.getCell(2).value === '設置済み');
    const view = await coordinator.get('/api/municipalities?nendo=2026');
    const counts = (n: number) =>
      view.body.totals[n].byItem.find((x: { item: string }) => x.item === 'council').counts.established;
    expect([council?.getCell(3).value, council?.getCell(4).value]).toEqual([counts(0), counts(1)]);
    expect(counts(1)).toBeGreaterThan(0);
    const en = await openWorkbook(await download('/api/municipalities/export?nendo=2026&lang=en'));
    expect(en.getWorksheet('By municipality')).toBeDefined();
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'municipal_overview'), eq(auditLog.action, 'export')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.detail).toMatchObject({ nendo: 2026, municipalities: 2, lang: 'en' });
  });
});

describe('four-division contacts', () => {
  it('records a division’s contact with versions and keeps the old one in the history', async () => {
    const body = {
      sectionName: '教育委員会 特別支援教育課',
      personName: '湘南 花子',
      phone: '0466-00-0000',
      email: 'tokushi@example.jp',
      source: 'municipal_report',
      asOf: '2026-05-01',
      version: 0,
    };
    const first = await fujisawa.put(`/api/municipalities/${FUJISAWA}/contacts/education`, body);
    expect(first.status).toBe(200);
    const second = await centre.put(`/api/municipalities/${FUJISAWA}/contacts/education`, {
      ...body,
      personName: '藤沢 次郎',
      version: 1,
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ personName: '藤沢 次郎', version: 2 });
    const stale = await fujisawa.put(`/api/municipalities/${FUJISAWA}/contacts/education`, body);
    expect(stale.status).toBe(409);
    const bad = await centre.put(`/api/municipalities/${FUJISAWA}/contacts/education`, {
      ...body,
      sectionName: '',
      version: 2,
    });
    expect(bad.status).toBe(400);
    const history = await auditor.get(`/api/municipalities/${FUJISAWA}/history?subject=contact`);
    expect(
      history.body.entries.map((e: { contact: { personName: string } }) => e.contact.personName),
    ).toEqual(['藤沢 次郎', '湘南 花子']);
    const page = await fujisawa.get(`/api/municipalities/${FUJISAWA}`);
    const education = page.body.contacts.find((c: { division: string }) => c.division === 'education');
    expect(education.current.sectionName).toBe('教育委員会 特別支援教育課');
  });
});

describe('figures within the reader’s scope', () => {
  it('counts the children the reader sees, and only a number for those withheld from the municipality', async () => {
    const forCentre = await centre.get(`/api/municipalities/${FUJISAWA}/figures`);
    expect(forCentre.status).toBe(200);
    expect(forCentre.body.children).toMatchObject({ total: 2, withheld: 0 });
    expect(forCentre.body.children.byCareItem).toEqual([{ key: 'tube_feeding_gastric', count: 1 }]);
    expect(forCentre.body.gaps.items[0]).toMatchObject({
      careItem: 'tube_feeding_gastric',
      demand: 1,
      services: 0,
    });
    // Supply counts the services the gaps rule counts: a day service accepting the care, not a hospital.
    const org = await createOrganizationVia(centre);
    const care = [{ code: 'tube_feeding_gastric', acceptance: 'accepted' }];
    await createServiceVia(centre, org, { name: '藤沢こども病院', type: 'hospital', careItems: care });
    await createServiceVia(centre, org, {
      name: 'ひまわり児童発達支援',
      type: 'child_development_support',
      careItems: care,
      minAge: 0,
      maxAge: 6,
    });
    // Each server keeps a scope's figures for a minute (figures-cache.ts): read them a minute later.
    const nextMinute = () => {
      t.clock.current = new Date(t.clock.current.getTime() + 61_000);
    };
    nextMinute();
    const supplied = await centre.get(`/api/municipalities/${FUJISAWA}/figures`);
    expect(supplied.body.gaps.items[0]).toMatchObject({ careItem: 'tube_feeding_gastric', services: 1 });
    // Consultations about the municipality this 年度, and the share it took first (KU-7).
    expect(forCentre.body.consultations.years[1]).toMatchObject({ nendo: 2026, total: 0, share: null });
    await intake(fujisawa);
    await intake(centre);
    nextMinute();
    const after = await centre.get(`/api/municipalities/${FUJISAWA}/figures`);
    expect(after.body.consultations.years[1]).toMatchObject({ total: 2, municipalFirst: 1, share: 0.5 });
    const forCity = await fujisawa.get(`/api/municipalities/${FUJISAWA}/figures`);
    // The city's staff count the consultations their team sees: their own.
    expect(forCity.body.consultations.years[1]).toMatchObject({ total: 1, municipalFirst: 1 });
    expect(forCity.body.children).toMatchObject({ total: 1, withheld: 1 });
    expect(forCity.body.census).toBeNull();
    expect(forCity.body.coordinators).toEqual({ trained: 0, active: 0 });
  });
});

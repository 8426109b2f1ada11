/**
 * The yearly activity report over seeded records of one 年度: the prefecture's figures for the centre, a
 * branch's for its staff and for the HQ naming it, a region's for its coordinator; the .xlsx read back; the
 * denied story (municipal and provider staff and learners 403, another branch's report 404); read and export
 * audited.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  councilBodies,
  councilMeetings,
  engagements,
  regionalIssues,
  resourceOrganizations,
  resourceServices,
} from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { spyOnDriver } from '../../test/driver-spy';
import { makeCentre, makeChild, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import type { ActivityReportOut } from './schemas';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');
const ODAWARA = code('小田原市');
const URL = '/api/activity-report?fiscalYear=2025';

let t: TestApp;
const c: Record<string, TestClient> = {};
let westBranchId = '';
let eastBranchId = '';
let adminId = '';

type Section = ActivityReportOut['sections'][number];
const section = (r: ActivityReportOut, key: Section['key']) => r.sections.find((s) => s.key === key)!;
const figure = (r: ActivityReportOut, key: Section['key'], f: string) =>
  section(r, key).figures.find((x) => x.key === f)?.value;
const tableCount = (r: ActivityReportOut, key: Section['key'], table: string, row: string) =>
  section(r, key)
    .tables.find((x) => x.key === table)
    ?.rows.find((x) => x.key === row)?.count;

async function report(client: TestClient, query = ''): Promise<ActivityReportOut> {
  const res = await client.get(`${URL}${query}`);
  expect(res.status).toBe(200);
  return res.body as ActivityReportOut;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  const east = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  const west = await makeRegion(db, '14', '県西', [ODAWARA]);
  const hq = await makeCentre(db, '14', { kind: 'hq', name: '本部' });
  eastBranchId = (
    await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, name: '湘南支部', regionIds: [east.id] })
  ).id;
  westBranchId = (
    await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, name: '県西支部', regionIds: [west.id] })
  ).id;
  const admin = await signedInUser(t, 'centre_admin', { prefectureCode: '14' });
  c.admin = admin.client;
  adminId = admin.user.id;
  c.branch = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: eastBranchId })).client;
  c.coordinator = (
    await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id })
  ).client;
  c.auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
  c.hqStaff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: hq.id })).client;
  c.municipal = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA })
  ).client;
  const org = await makeOrganisation(db, '14', { municipalityCode: FUJISAWA });
  c.provider = (
    await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })
  ).client;
  c.learner = (await signedInUser(t, 'learner', { prefectureCode: '14' })).client;

  // Registry: registered by the 年度's end (two), and one registered after it.
  await makeChild(db, '14', FUJISAWA, {
    birthDate: '2012-05-01',
    createdAt: new Date('2025-06-01T00:00:00Z'),
  });
  await makeChild(db, '14', ODAWARA, {
    birthDate: '2024-05-01',
    createdAt: new Date('2025-09-01T00:00:00Z'),
  });
  await makeChild(db, '14', FUJISAWA, {
    birthDate: '2015-05-01',
    createdAt: new Date('2026-05-01T00:00:00Z'),
    consent: false, // no earlier consent: registered when the record was made (registry-date.db.test.ts)
  });
  // Engagements: two hearings in 藤沢市, one four-division meeting in 小田原市, one planned, one of last 年度.
  const eng = (
    municipalityCode: string,
    kind: 'hearing' | 'four_division',
    occurredOn: string,
    status: 'held' | 'planned' = 'held',
  ) => ({
    prefectureCode: '14',
    municipalityCode,
    kind,
    status,
    occurredOn,
    subject: 'ヒアリング',
    recordedBy: admin.user.id,
    updatedBy: admin.user.id,
  });
  await db
    .insert(engagements)
    .values([
      eng(FUJISAWA, 'hearing', '2025-07-01'),
      eng(FUJISAWA, 'hearing', '2026-02-01'),
      eng(ODAWARA, 'four_division', '2025-09-01'),
      eng(ODAWARA, 'four_division', '2026-03-20', 'planned'),
      eng(FUJISAWA, 'hearing', '2025-03-31'),
    ]);
  // Councils: the prefectural council and the east region's council each met once in the 年度.
  const [pc] = await db
    .insert(councilBodies)
    .values({ prefectureCode: '14', kind: 'prefectural_council', name: '検討会議' })
    .returning();
  const [rc] = await db
    .insert(councilBodies)
    .values({
      prefectureCode: '14',
      kind: 'regional_council',
      name: '湘南東部協議会',
      ownerRegionId: east.id,
    })
    .returning();
  const meeting = (bodyId: string, day: string, status: 'held' | 'planned' = 'held') => ({
    bodyId,
    prefectureCode: '14',
    title: '会議',
    startsAt: new Date(`${day}T01:00:00Z`),
    endsAt: new Date(`${day}T03:00:00Z`),
    status,
  });
  await db
    .insert(councilMeetings)
    .values([meeting(pc!.id, '2025-10-01'), meeting(rc!.id, '2025-11-01'), meeting(rc!.id, '2026-04-10')]);
  // A regional issue raised in the east region.
  await db.insert(regionalIssues).values({
    prefectureCode: '14',
    nendo: 2025,
    serial: 1,
    title: '短期入所が足りない',
    description: '医療型短期入所の空きがない',
    regionId: east.id,
    raisedBy: admin.user.id,
    raisedOn: '2025-08-01',
  });
  // Directory: one service confirmed in the 年度 (藤沢市), one never confirmed (小田原市).
  const [ro] = await db
    .insert(resourceOrganizations)
    .values({ prefectureCode: '14', name: '法人' })
    .returning();
  await db.insert(resourceServices).values([
    {
      prefectureCode: '14',
      organizationId: ro!.id,
      name: 'A',
      type: 'home_nursing',
      municipalityCode: FUJISAWA,
      lastConfirmedAt: new Date('2025-12-01T00:00:00Z'),
    },
    {
      prefectureCode: '14',
      organizationId: ro!.id,
      name: 'B',
      type: 'home_nursing',
      municipalityCode: ODAWARA,
    },
  ]);
}, 60_000);
afterAll(() => t.close());

describe('the yearly activity report', () => {
  it("gives the centre the prefecture's figures of the 年度, each section from its module", async () => {
    const r = await report(c.admin!);
    expect(r.label).toEqual({ wareki: '令和7年度', seireki: '2025年度', en: 'FY2025' });
    expect(r.area.kind).toBe('prefecture');
    expect(figure(r, 'registry', 'registryTotal')).toBe(2);
    expect(tableCount(r, 'registry', 'byLifeStage', 'junior_high')).toBe(1);
    expect(tableCount(r, 'registry', 'byLifeStage', 'infant')).toBe(1);
    expect(tableCount(r, 'engagements', 'engagementsByKind', 'hearing')).toBe(2);
    expect(tableCount(r, 'engagements', 'engagementsByKind', 'four_division')).toBe(1);
    expect(figure(r, 'engagements', 'municipalities')).toBe(2);
    expect(figure(r, 'councils', 'heldTotal')).toBe(2);
    expect(tableCount(r, 'councils', 'heldByTier', 'prefecture')).toBe(1);
    expect(tableCount(r, 'councils', 'heldByTier', 'region')).toBe(1);
    expect(figure(r, 'issues', 'raised')).toBe(1);
    expect(figure(r, 'directory', 'listed')).toBe(2);
    expect(figure(r, 'directory', 'confirmed')).toBe(1);
    expect(figure(r, 'directory', 'stale')).toBe(1);
    expect(figure(r, 'consultations', 'received')).toBe(0);
    expect(figure(r, 'trainings', 'sessions')).toBe(0);
    // The census is readable, nothing published for the 年度.
    expect(section(r, 'census').available).toBe(true);
    expect(section(r, 'census').figures.map((f) => f.key)).toEqual(['censusNotPublished']);
    for (const s of r.sections) expect(s.title.ja && s.title.en && s.note.ja && s.note.en).toBeTruthy();
  });

  it("gives a branch's staff their branch, and the HQ a branch it names", async () => {
    const mine = await report(c.branch!);
    expect(mine.area).toMatchObject({ kind: 'branch', id: eastBranchId, name: '湘南支部' });
    expect(figure(mine, 'registry', 'registryTotal')).toBe(1);
    expect(tableCount(mine, 'engagements', 'engagementsByKind', 'hearing')).toBe(2);
    expect(tableCount(mine, 'engagements', 'engagementsByKind', 'four_division')).toBe(0);
    expect(figure(mine, 'issues', 'raised')).toBe(1);
    expect(figure(mine, 'directory', 'listed')).toBe(1);
    expect(tableCount(mine, 'councils', 'heldByTier', 'region')).toBe(1);
    // The census is not a branch's: the section says so instead of zeros.
    expect(section(mine, 'census')).toMatchObject({ available: false, figures: [], tables: [] });
    expect(await report(c.branch!, `&centreId=${eastBranchId}`)).toMatchObject({
      area: { id: eastBranchId },
    });

    const west = await report(c.admin!, `&centreId=${westBranchId}`);
    expect(west.area).toMatchObject({ kind: 'branch', name: '県西支部' });
    expect(figure(west, 'registry', 'registryTotal')).toBe(1);
    expect(tableCount(west, 'engagements', 'engagementsByKind', 'hearing')).toBe(0);
    expect(tableCount(west, 'engagements', 'engagementsByKind', 'four_division')).toBe(1);
    expect(figure(west, 'issues', 'raised')).toBe(0);
    expect(figure(west, 'directory', 'listed')).toBe(1);
    expect(figure(west, 'directory', 'stale')).toBe(1);

    // Centre staff limited to the HQ's own regions (here none) read their centre's report, not a branch's.
    const hqOwn = await report(c.hqStaff!);
    expect(hqOwn.area).toMatchObject({ kind: 'branch', name: '本部' });
    expect(figure(hqOwn, 'registry', 'registryTotal')).toBe(0);
    expect((await c.hqStaff!.get(`${URL}&centreId=${westBranchId}`)).status).toBe(404);

    const auditorWest = await report(c.auditor!, `&centreId=${westBranchId}`);
    expect(figure(auditorWest, 'registry', 'registryTotal')).toBe(1);
  });

  it("gives a regional coordinator the region's report", async () => {
    const r = await report(c.coordinator!);
    expect(r.area).toMatchObject({ kind: 'region', name: '湘南東部' });
    expect(figure(r, 'registry', 'registryTotal')).toBe(1);
    expect(tableCount(r, 'engagements', 'engagementsByKind', 'hearing')).toBe(2);
    expect(section(r, 'census').available).toBe(false);
  });

  it('writes the .xlsx of the report and audits the read and the export', async () => {
    const file = (lang: string) =>
      t.app.request(`${URL}&format=xlsx&lang=${lang}`, {
        headers: { cookie: c.admin!.cookie ?? '', 'x-forwarded-for': c.admin!.ip },
      });
    const res = await file('ja');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('令和7年度（2025年度）事業実績報告');
    const rows = new Map<string, unknown>();
    ws.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('登録児童数')).toBe(2);
    expect(rows.get('掲載中のサービス')).toBe(2);
    expect(rows.get('開催した会議')).toBe(2);
    expect(wb.worksheets.map((w) => w.name)).toContain('市町村支援');
    const en = await file('en');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load((await en.arrayBuffer()) as ArrayBuffer);
    expect(String(wbEn.worksheets[0]!.getRow(1).getCell(1).value)).toContain('Yearly activity report FY2025');

    const entries = await t.db.systemDb
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'activity_report')));
    const actions = entries.map((e) => e.action);
    expect(actions).toContain('read');
    expect(actions).toContain('export');
  });
});

describe('the yearly activity report, denied', () => {
  it('refuses municipal and provider staff and learners (403)', async () => {
    for (const who of ['municipal', 'provider', 'learner']) {
      expect((await c[who]!.get(URL)).status, who).toBe(403);
    }
  });

  it("answers not-found for another branch's report, an unknown centre, and a coordinator naming a centre", async () => {
    expect((await c.branch!.get(`${URL}&centreId=${westBranchId}`)).status).toBe(404);
    expect((await c.admin!.get(`${URL}&centreId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await c.coordinator!.get(`${URL}&centreId=${eastBranchId}`)).status).toBe(404);
  });

  it('refuses a missing or impossible 年度 with a message', async () => {
    const res = await c.admin!.get('/api/activity-report?fiscalYear=abc');
    expect(res.status).toBe(400);
    expect((await c.admin!.get('/api/activity-report')).status).toBe(400);
  });
});

describe('the yearly activity report, statements', () => {
  async function statements() {
    await c.admin!.get(URL);
    const spy = spyOnDriver(t.db);
    try {
      const res = await c.admin!.get(URL);
      expect(res.status).toBe(200);
      return { n: spy.count(), body: res.body as ActivityReportOut };
    } finally {
      spy.restore();
    }
  }

  it('runs the same statements whatever the number of records (no query per row)', async () => {
    const before = await statements();
    const db = t.db.systemDb;
    for (let i = 0; i < 12; i++)
      await makeChild(db, '14', i % 2 ? CHIGASAKI : ODAWARA, {
        birthDate: `201${i % 10}-06-01`,
        createdAt: new Date('2025-10-01T00:00:00Z'),
      });
    await db.insert(engagements).values(
      Array.from({ length: 15 }, (_, i) => ({
        prefectureCode: '14',
        municipalityCode: [FUJISAWA, CHIGASAKI, ODAWARA][i % 3]!,
        kind: 'support' as const,
        occurredOn: '2025-11-01',
        subject: '支援',
        recordedBy: adminId,
        updatedBy: adminId,
      })),
    );
    const after = await statements();
    expect(figure(after.body, 'registry', 'registryTotal')).toBe(14);
    expect(tableCount(after.body, 'engagements', 'engagementsByKind', 'support')).toBe(15);
    expect(after.n).toBe(before.n);
  });
});

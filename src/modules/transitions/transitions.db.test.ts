/**
 * GET /api/transitions: hand-computed fixtures for 令和9年度 (2027) — the 学齢 boundary (born 2020-04-01 vs
 * 2020-04-02), 年少, 中学部, 高等部, leaving school, 18th and 20th birthdays, 29 February — over the user's scope.
 */
import { and, desc, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, childAffiliations } from '../../db/schema';
import type { ChildStatus } from '../../db/schema/registry';
import { DATE_FORMAT, WAREKI_FORMAT } from '../../server/xlsx';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { expectDateColumn, expectNumberColumn, openWorkbook } from '../../test/xlsx';

let t: TestApp;
let staff: { client: TestClient; id: string };
let municipal: TestClient;
let admin: TestClient;
let regionId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z'); // 令和8年度: the default is 令和9年度 (2027)
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  regionId = (await makeRegion(db, '14', '湘南東部', ['142051'])).id;
  const kid = async (
    key: string,
    muni: string,
    birthDate: string,
    opts: { status?: ChildStatus; consent?: boolean } = {},
  ) => {
    const c = await makeChild(db, muni.slice(0, 2), muni, { birthDate, givenKana: key, ...opts });
    ids[key] = c.id;
  };
  await kid('entered2026', '142051', '2020-04-01'); // reached 6 on 2026-03-31: entered in April 2026
  await kid('entry', '142051', '2020-04-02'); // reaches 6 on 2026-04-01: enters in April 2027
  await kid('nursery', '142051', '2023-04-02');
  await kid('nurseryLeap', '142051', '2024-02-29');
  await kid('junior', '142051', '2014-04-02');
  await kid('high', '142051', '2011-06-15');
  await kid('leaving', '142051', '2009-04-02'); // leaves in March 2028 and reaches 18 on 2027-04-01
  await kid('twenty', '142051', '2008-02-29'); // reaches 20 on 2028-02-28
  await kid('notTwenty', '142051', '2007-04-01'); // reached 20 on 2027-03-31 (年度 2026)
  await kid('adultServices', '142051', '2020-05-05', { status: 'adult_services' });
  await kid('withheld', '142051', '2020-07-07', { consent: false });
  await kid('chigasaki', '142077', '2020-06-01');
  await kid('kumamoto', '431001', '2020-06-01');
  const school = await makeOrganisation(db, '14', {
    kind: 'school',
    name: '藤沢養護学校',
    municipalityCode: '142051',
  });
  const day = await makeOrganisation(db, '14', { name: 'デイサービス藤沢', municipalityCode: '142051' });
  await db.insert(childAffiliations).values([
    { childId: ids.junior!, organisationId: day.id, kind: 'day_service', startedOn: '2024-04-01' },
    {
      childId: ids.junior!,
      organisationId: school.id,
      kind: 'school',
      startedOn: '2021-04-01',
      detail: '小学部6年',
    },
    {
      childId: ids.junior!,
      organisationId: day.id,
      kind: 'short_stay',
      startedOn: '2020-04-01',
      endedOn: '2021-03-31',
    },
  ]);
  const s = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
  staff = { client: s.client, id: s.user.id };
  municipal = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }))
    .client;
  admin = (await signedInUser(t, 'system_admin', { prefectureCode: null })).client;
}, 60_000);
afterAll(() => t.close());

type Group = { kind: string; count: number; items: { id: string; givenKana: string }[] };
const keysOf = (g: Group) => g.items.map((i) => i.givenKana).sort();
const groupsOf = (body: { groups: Group[] }) =>
  Object.fromEntries(body.groups.map((g) => [g.kind, keysOf(g)]));

describe('transitions', () => {
  it('lists next 年度’s transitions by the 学齢 and age rules, over the user’s scope', async () => {
    const res = await staff.client.get('/api/transitions');
    expect(res.status).toBe(200);
    expect(res.body.nendo).toBe(2027);
    expect(groupsOf(res.body)).toEqual({
      nursery_entry: ['nursery', 'nurseryLeap'],
      elementary_entry: ['chigasaki', 'entry', 'withheld'],
      special_school_junior_entry: ['junior'],
      special_school_high_entry: ['high'],
      school_leaving: ['leaving'],
      turning_18: ['leaving'],
      turning_20: ['twenty'],
    });
    const elementary = res.body.groups.find((g: Group) => g.kind === 'elementary_entry');
    expect(elementary).toMatchObject({ count: 3, birthFrom: '2020-04-02', birthTo: '2021-04-01' });
    expect(elementary.rule.ja).toContain('4月1日');
    expect(res.body.byMunicipality).toEqual([
      {
        code: '142051',
        name: '藤沢市',
        counts: {
          nursery_entry: 2,
          elementary_entry: 2,
          special_school_junior_entry: 1,
          special_school_high_entry: 1,
          school_leaving: 1,
          turning_18: 1,
          turning_20: 1,
        },
      },
      expect.objectContaining({ code: '142077', counts: expect.objectContaining({ elementary_entry: 1 }) }),
    ]);
  });

  it('gives each child its area and current affiliation, school first', async () => {
    const res = await staff.client.get('/api/transitions?kind=special_school_junior_entry');
    expect(res.body.groups).toHaveLength(1);
    expect(res.body.groups[0].items[0]).toMatchObject({
      id: ids.junior,
      birthDate: '2014-04-02',
      municipalityCode: '142051',
      municipalityName: '藤沢市',
      regionName: '湘南東部',
      affiliation: '藤沢養護学校（小学部6年）',
      affiliationKind: 'school',
    });
  });

  it('reads the 年度 in 西暦 or 和暦 and refuses what is not one', async () => {
    const wareki = await staff.client.get(`/api/transitions?nendo=${encodeURIComponent('令和9年度')}`);
    expect(wareki.body.nendo).toBe(2027);
    const y2026 = await staff.client.get('/api/transitions?nendo=2026&kind=elementary_entry');
    expect(keysOf(y2026.body.groups[0])).toEqual(['entered2026']);
    const y2026b = await staff.client.get('/api/transitions?nendo=2026&kind=turning_20');
    expect(keysOf(y2026b.body.groups[0])).toEqual(['notTwenty']);
    expect((await staff.client.get('/api/transitions?nendo=平成40年度')).status).toBe(400);
    expect((await staff.client.get('/api/transitions?kind=retirement')).status).toBe(400);
  });

  it('narrows to a municipality or a region', async () => {
    const m = await staff.client.get('/api/transitions?municipality=142077');
    expect(groupsOf(m.body).elementary_entry).toEqual(['chigasaki']);
    const r = await staff.client.get(`/api/transitions?region=${regionId}&kind=elementary_entry`);
    expect(keysOf(r.body.groups[0])).toEqual(['entry', 'withheld']);
  });

  it('shows municipal staff only their consented children, and a system administrator none', async () => {
    const res = await municipal.get('/api/transitions?kind=elementary_entry');
    expect(keysOf(res.body.groups[0])).toEqual(['entry']);
    expect((await municipal.get('/api/transitions?municipality=142077')).body.byMunicipality).toEqual([]);
    const none = await admin.get('/api/transitions');
    expect(none.status).toBe(200);
    expect(none.body.groups.every((g: Group) => g.count === 0)).toBe(true);
  });

  it('records each read as a search of child_transitions', async () => {
    await staff.client.get('/api/transitions?kind=turning_20');
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, staff.id), eq(auditLog.entityType, 'child_transitions')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      action: 'search',
      entityIds: [ids.twenty],
      detail: { nendo: 2027, filters: { kind: 'turning_20' }, counts: { turning_20: 1 } },
    });
  });

  it('exports the lists as xlsx with date cells and numeric counts, audited as an export', async () => {
    const res = await t.app.request('/api/transitions?format=xlsx', {
      headers: { cookie: staff.client.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="transitions-2027.xlsx"');
    const wb = await openWorkbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['令和9年度の移行予定', '市町村別', '区分の決め方']);
    const [list, sum, rules] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(list.getRow(1).getCell(1).value).toBe('区分');
    expect(list.rowCount).toBe(1 + 10); // 9 children, one of them in two groups
    const born = expectDateColumn(list, 4, DATE_FORMAT);
    expect(born).toContain('2008-02-29');
    expect(expectDateColumn(list, 5, WAREKI_FORMAT)).toEqual(born);
    // Where each row's follow-up stands: none set yet in this file's world.
    expect([10, 11, 12].map((col) => list.getRow(1).getCell(col).value)).toEqual([
      '対応状況',
      '担当者',
      '対応の更新日',
    ]);
    for (let r = 2; r <= list.rowCount; r++) expect(list.getRow(r).getCell(10).value).toBe('未着手');
    for (let col = 3; col <= sum.columnCount; col++) expectNumberColumn(sum, col);
    const from = expectDateColumn(rules, 2, DATE_FORMAT);
    const to = expectDateColumn(rules, 3, DATE_FORMAT);
    const json = await staff.client.get('/api/transitions');
    const ranges = (json.body.groups as { birthFrom: string; birthTo: string }[]).map((g) => [
      g.birthFrom,
      g.birthTo,
    ]);
    expect(from.map((f, i) => [f, to[i]])).toEqual(ranges);
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, staff.id), eq(auditLog.action, 'export')));
    expect(entry).toMatchObject({ entityType: 'child_transitions', detail: { nendo: 2027, format: 'xlsx' } });
    expect(entry!.entityIds).toHaveLength(9);
  });
});

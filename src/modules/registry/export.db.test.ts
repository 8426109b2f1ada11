/** GET /api/children/export: every visible row matching the filters as .xlsx, scoped, consented and audited. */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbOrTx } from '../../db/client';
import { auditLog, childCareItems, childDevices } from '../../db/schema';
import { DATE_FORMAT, WAREKI_FORMAT } from '../../server/xlsx';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { expectDateColumn, expectNumberColumn, openWorkbook } from '../../test/xlsx';
import { CHILD_EXPORT_HEADERS } from './export';

// A cap of 5 rows stands in for the real 100,000 so the refusal can be tested without 100,001 children.
vi.mock('./export', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./export')>()),
  EXPORT_MAX_CHILDREN: 5,
}));

let t: TestApp;
let staff: { client: TestClient; id: string };
let municipal: { client: TestClient; id: string };
let admin: TestClient;
const ids: Record<string, string> = {};

async function kid(
  db: DbOrTx,
  key: string,
  muni: string,
  names: [string, string, string, string],
  birthDate: string,
  consent = true,
) {
  const [familyName, givenName, familyKana, givenKana] = names;
  const n = { familyName, givenName, familyKana, givenKana };
  const child = await makeChild(db, muni.slice(0, 2), muni, { ...n, birthDate, careScore: 18, consent });
  ids[key] = child.id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
  await kid(db, 'ken', '142051', ['髙橋', '健', 'タカハシ', 'ケン'], '2019-04-05');
  await kid(db, 'hanako', '142051', ['山田', '花子', 'ヤマダ', 'ハナコ'], '2024-01-10');
  await kid(db, 'noConsent', '142051', ['鈴木', '一郎', 'スズキ', 'イチロウ'], '2015-08-20', false);
  await kid(db, 'c1', '142077', ['青木', '一', 'アオキ', 'ハジメ'], '2012-05-05');
  await kid(db, 'c2', '142077', ['青木', '二葉', 'アオキ', 'フタバ'], '2013-05-05');
  await kid(db, 'c3', '142077', ['青木', '三太', 'アオキ', 'サンタ'], '2014-05-05');
  await kid(db, 'kumamoto', '431001', ['高橋', '三郎', 'タカハシ', 'サブロウ'], '2016-01-01');
  // 健: two care items (stored out of the table's order) and two devices; 一郎 (no consent) has a ventilator too.
  await db.insert(childCareItems).values([
    { childId: ids.ken!, code: 'suction', watch: 'mid' },
    { childId: ids.ken!, code: 'tracheostomy', watch: 'high' },
  ]);
  await db
    .insert(childDevices)
    .values({ childId: ids.ken!, kind: 'ventilator', name: 'トリロジー', needsMains: true, batteryHours: 8 });
  await db
    .insert(childDevices)
    .values({ childId: ids.ken!, kind: 'suction_unit', needsMains: true, batteryHours: 1.5 });
  await db.insert(childCareItems).values({ childId: ids.noConsent!, code: 'ventilator', watch: 'high' });
  await db.insert(childDevices).values({ childId: ids.noConsent!, kind: 'ventilator', batteryHours: 4 });
  // Expected in September (no age yet) and not yet scored: blank number cells.
  const expected = { familyName: '森', givenName: '未来', familyKana: 'モリ', givenKana: 'ミライ' };
  ids.expected = (
    await makeChild(db, '14', '142077', { ...expected, birthDate: '2026-09-01', careScore: null })
  ).id;
  const s = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
  staff = { client: s.client, id: s.user.id };
  const m = await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
  municipal = { client: m.client, id: m.user.id };
  admin = (await signedInUser(t, 'system_admin', { prefectureCode: null })).client;
}, 60_000);
afterAll(() => t.close());

async function exportsOf(userId: string) {
  return t.db.systemDb
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, userId), eq(auditLog.action, 'export')));
}

async function download(client: TestClient, query: string) {
  const res = await t.app.request(`/api/children/export?${query}`, { headers: { cookie: client.cookie! } });
  return res;
}

async function sheetOf(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('children export', () => {
  it('writes every matching row with Japanese headings and a 和暦 column, audited before the body', async () => {
    const res = await download(staff.client, 'municipality=142051&format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="children-20260601.xlsx"');
    // The entry exists before a byte of the body has been read.
    const [entry] = await exportsOf(staff.id);
    expect(entry).toMatchObject({
      entityType: 'child',
      detail: { filters: { municipality: '142051' }, count: 3, format: 'xlsx', lang: 'ja' },
    });
    const rows = await sheetOf(res);
    expect(rows[0]).toEqual([...CHILD_EXPORT_HEADERS.ja]);
    expect(rows).toHaveLength(4);
    const exported = rows.slice(1).map((r) => r[12]);
    expect(new Set(entry!.entityIds)).toEqual(new Set(exported));
    const ken = rows.find((r) => r[12] === ids.ken)!;
    expect(ken.slice(0, 12)).toEqual([
      '髙橋　健',
      'タカハシ　ケン',
      new Date('2019-04-05T00:00:00Z'),
      new Date('2019-04-05T00:00:00Z'),
      7,
      '男',
      '142051',
      '藤沢市',
      '湘南東部',
      '在宅',
      18,
      '小学生',
    ]);
    // Care items in the official table's order, each device with its name and battery life, the shortest life.
    expect(ken.slice(13)).toEqual([
      '気管切開の管理、吸引（口鼻腔・気管内吸引）',
      '人工呼吸器（トリロジー） 8時間、吸引器 1.5時間',
      1.5,
    ]);
    const hanako = rows.find((r) => r[12] === ids.hanako)!;
    expect(hanako.slice(13)).toEqual([]);
  });

  it('writes birth dates as date cells in 西暦 and 和暦 formats, ages and scores as numbers or blank', async () => {
    const wb = await openWorkbook(await download(staff.client, 'municipality=142077&sort=birthDate'));
    const ws = wb.worksheets[0]!;
    const born = expectDateColumn(ws, 3, DATE_FORMAT);
    expect(born).toEqual(['2012-05-05', '2013-05-05', '2014-05-05', '2026-09-01']);
    expect(expectDateColumn(ws, 4, WAREKI_FORMAT)).toEqual(born);
    expect(expectNumberColumn(ws, 5, { blanks: true })).toEqual([14, 13, 12, null]);
    expect(expectNumberColumn(ws, 11, { blanks: true })).toEqual([18, 18, 18, null]);
  });

  it('uses English headings and labels with lang=en, and the list’s filters and order', async () => {
    const res = await download(staff.client, `q=${encodeURIComponent('アオキ')}&sort=birthDate&lang=en`);
    const rows = await sheetOf(res);
    expect(rows[0]).toEqual([...CHILD_EXPORT_HEADERS.en]);
    expect(rows.slice(1).map((r) => r[12])).toEqual([ids.c1, ids.c2, ids.c3]);
    expect(rows[1]!.slice(0, 2)).toEqual(['青木 一', 'アオキ ハジメ']);
    expect(rows[1]![5]).toBe('Male');
    expect(rows[1]![9]).toBe('At home');
    const ken = (await sheetOf(await download(staff.client, 'municipality=142051&lang=en'))).find(
      (r) => r[12] === ids.ken,
    )!;
    expect(ken.slice(13)).toEqual([
      'tracheostomy management, suctioning (oral, nasal, tracheal)',
      'Ventilator (トリロジー) 8 h, Suction unit 1.5 h',
      1.5,
    ]);
  });

  it('gives municipal staff only their consented children', async () => {
    const rows = await sheetOf(await download(municipal.client, ''));
    expect(
      rows
        .slice(1)
        .map((r) => r[12])
        .sort(),
    ).toEqual([ids.ken, ids.hanako].sort());
    // The care items and devices of a child withheld for want of consent appear nowhere in the file.
    expect(rows.flat()).not.toContain('人工呼吸器 4時間');
    expect(rows.find((r) => r[12] === ids.ken)!.slice(13)).toEqual([
      '気管切開の管理、吸引（口鼻腔・気管内吸引）',
      '人工呼吸器（トリロジー） 8時間、吸引器 1.5時間',
      1.5,
    ]);
    const [entry] = await exportsOf(municipal.id);
    expect([...entry!.entityIds].sort()).toEqual([ids.ken, ids.hanako].sort());
  });

  it('gives a role without personal data an empty list', async () => {
    const res = await download(admin, '');
    expect(res.status).toBe(200);
    expect(await sheetOf(res)).toHaveLength(1);
  });

  it('refuses more rows than the cap, asking to narrow the filter, without recording an export', async () => {
    const before = (await exportsOf(staff.id)).length;
    const res = await staff.client.get('/api/children/export');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'export_too_large', detail: { limit: 5 } });
    expect((await exportsOf(staff.id)).length).toBe(before);
  });

  it('validates the filters like the list', async () => {
    expect((await staff.client.get('/api/children/export?birthDate=nope')).status).toBe(400);
    expect((await staff.client.get('/api/children/export?format=pdf')).status).toBe(400);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, children } from '../../db/schema';
import { DATE_FORMAT, WAREKI_FORMAT } from '../../server/xlsx';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { CHIGASAKI, FUJISAWA, fujisawaYear, makeCensusList, SOURCES } from '../../test/census-factory';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { expectDateColumn, expectNumberColumn, openWorkbook } from '../../test/xlsx';
import { CONFLICT_SHEET, MISSING_SHEET } from './discrepancy-xlsx';
import { parseList } from './read/parse';

/**
 * Results of a 年度 through the API on both engines: counts by municipality, region, age band, care item,
 * school type and sources; the change from the previous 年度's published run (continuing, moved, new, aged
 * out, deceased, not found); each municipality's discrepancies and its workbook.
 */
let t: TestApp;
let staff: TestClient;
let run2025: string;
let run2024: string;
let regionId: string;
let aokiId: string;

async function linked(nendo: number) {
  const res = await staff.post('/api/census/runs', { nendo });
  expect(res.status).toBe(202);
  await t.deps.jobs.drain();
  return res.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  regionId = (await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI])).id;
  staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  const watanabe = await makeChild(db, '14', FUJISAWA, {
    familyName: '渡辺',
    givenName: '陽子',
    familyKana: 'ワタナベ',
    givenKana: 'ヨウコ',
    birthDate: '2016-02-02',
    sex: 'female',
  });
  // 2024: 伊藤 蓮 (stays), 中村 翼 (moves to 茅ヶ崎市), 加藤 健 (18 by April 2025), 渡辺 陽子 (dies), 松本 空 (not found).
  await makeCensusList(db, {
    prefectureCode: '14',
    nendo: 2024,
    source: SOURCES.fujisawa,
    rows: [
      {
        name: '伊藤 蓮',
        kana: 'イトウ レン',
        birthDate: '2019-03-04',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
      {
        name: '中村 翼',
        kana: 'ナカムラ ツバサ',
        birthDate: '2014-08-08',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
      {
        name: '加藤 健',
        kana: 'カトウ ケン',
        birthDate: '2007-01-15',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
      {
        name: '渡辺 陽子',
        kana: 'ワタナベ ヨウコ',
        birthDate: '2016-02-02',
        sex: 'female',
        municipalityCode: FUJISAWA,
      },
      {
        name: '松本 空',
        kana: 'マツモト ソラ',
        birthDate: '2015-05-05',
        sex: 'male',
        municipalityCode: FUJISAWA,
      },
    ],
  });
  run2024 = await linked(2024);
  const published = await staff.post(`/api/census/runs/${run2024}/publish`);
  expect(published.status).toBe(200);
  await db
    .update(children)
    .set({ status: 'deceased', statusSince: '2025-08-01' })
    .where(eq(children.id, watanabe.id));
  await fujisawaYear(db, 2025);
  // Registered since last year and on no list: 青木 海 (shared with 藤沢市), 石井 光 (consent not given).
  aokiId = (
    await makeChild(db, '14', FUJISAWA, {
      familyName: '青木',
      givenName: '海',
      familyKana: 'アオキ',
      givenKana: 'カイ',
      birthDate: '2021-01-01',
    })
  ).id;
  await makeChild(db, '14', FUJISAWA, {
    familyName: '石井',
    givenName: '光',
    familyKana: 'イシイ',
    givenKana: 'ヒカル',
    birthDate: '2021-02-02',
    consent: false,
  });
  await makeCensusList(db, {
    prefectureCode: '14',
    nendo: 2025,
    source: SOURCES.chigasaki,
    rows: [
      {
        name: '中村 翼',
        kana: 'ナカムラ ツバサ',
        birthDate: '2014-08-08',
        sex: 'male',
        municipalityCode: CHIGASAKI,
      },
    ],
  });
  run2025 = await linked(2025);
});

afterAll(async () => {
  await t?.close();
});

const counts = (list: { key: string; count: number }[]) =>
  Object.fromEntries(list.map((c) => [c.key, c.count]));

describe('census results', () => {
  it('counts the 年度’s children', async () => {
    const res = await staff.get(`/api/census/runs/${run2025}/results`);
    expect(res.status).toBe(200);
    const r = res.body;
    // 悠人, 悠真, 美咲, 結衣, 蓮, 大翔, さくら, 咲良 (pending review), 翼 and the registry's 青木 海 and 石井 光;
    // the deceased 渡辺 陽子 only explains.
    expect(r).toMatchObject({ runId: run2025, nendo: 2025, children: 11, records: 14 });
    expect(counts(r.byMunicipality)).toEqual({ [FUJISAWA]: 10, [CHIGASAKI]: 1 });
    expect(r.byMunicipality[0]).toMatchObject({ key: FUJISAWA, label: '藤沢市' });
    expect(counts(r.byRegion)).toEqual({ [regionId]: 11 });
    // 伊藤 蓮's two dates tie (2019-03-04 / 2019-04-03): the newer list's, the board's, makes him 5 on 1 April.
    expect(counts(r.byAgeBand)).toEqual({ '3-5': 4, '6-11': 7 });
    expect(counts(r.byCareItem)).toEqual({ tracheostomy: 1, ventilator: 1 });
    expect(counts(r.bySchoolType)).toEqual({
      special_support: 2,
      elementary: 1,
      junior_high: 1,
      preschool: 1,
      unknown: 6,
    });
    expect(counts(r.bySources)).toEqual({
      'education_board+maternal_child_health': 5,
      education_board: 2,
      maternal_child_health: 2,
      registry: 2,
    });
  });

  it('gives the change from the previous 年度’s published run', async () => {
    const res = await staff.get(`/api/census/runs/${run2025}/results`);
    expect(res.body.change).toEqual({
      previousRunId: run2024,
      previousNendo: 2024,
      continuing: 1,
      moved: 1,
      new: 9,
      agedOut: 1,
      deceased: 1,
      notFound: 1,
    });
    expect((await staff.get(`/api/census/runs/${run2024}/results`)).body.change).toBeNull();
  });

  it('sums up each municipality’s discrepancies', async () => {
    const res = await staff.get(`/api/census/runs/${run2025}/discrepancies`);
    expect(res.status).toBe(200);
    expect(res.body.municipalities).toEqual([
      { code: FUJISAWA, name: '藤沢市', missing: 3, conflicts: 1 },
      { code: CHIGASAKI, name: '茅ヶ崎市', missing: 0, conflicts: 0 },
    ]);
  });

  it('lists a municipality’s missing children and conflicts, audited', async () => {
    const res = await staff.get(`/api/census/runs/${run2025}/discrepancies/${FUJISAWA}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ municipalityCode: FUJISAWA, municipalityName: '藤沢市' });
    const missing = res.body.items.filter((i: { kind: string }) => i.kind === 'missing');
    // 石井 光's guardian has not agreed to sharing with the municipality: never listed for it.
    expect(missing.map((i: { others: { name: string }[] }) => i.others[0]!.name).sort()).toEqual([
      '加藤 大翔',
      '小林 咲良',
      '青木 海',
    ]);
    const conflict = res.body.items.find((i: { kind: string }) => i.kind === 'birth_date');
    expect(conflict.own).toMatchObject({
      name: '伊藤 蓮',
      birthDate: '2019-03-04',
      sourceName: '藤沢市 母子保健',
    });
    expect(conflict.others).toEqual([
      expect.objectContaining({ birthDate: '2019-04-03', sourceType: 'education_board' }),
    ]);
    const audit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'census_run'));
    expect(audit.some((a) => a.action === 'read' && a.detail.municipalityCode === FUJISAWA)).toBe(true);
    const childAudit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'child'));
    expect(childAudit).toEqual([
      expect.objectContaining({
        action: 'read',
        entityIds: [aokiId],
        detail: expect.objectContaining({ purpose: 'census_discrepancies' }),
      }),
    ]);
    expect((await staff.get(`/api/census/runs/${run2025}/discrepancies/431001`)).status).toBe(404);
    expect((await staff.get(`/api/census/runs/${run2025}/discrepancies/abc`)).status).toBe(404);
  });

  it('downloads the workbook: missing children and conflicts, birth dates as date cells in 西暦 and 和暦, audited as an export', async () => {
    const res = await t.app.request(`/api/census/runs/${run2025}/discrepancies/${FUJISAWA}/xlsx`, {
      headers: { cookie: staff.cookie!, 'x-forwarded-for': staff.ip },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="census-discrepancies-2025-142051.xlsx"');
    expect(disposition).toMatch(/filename\*=UTF-8''[A-Za-z0-9%_.-]+\.xlsx$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toContain('藤沢市');
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = await openWorkbook(bytes);
    const missing = wb.getWorksheet(MISSING_SHEET)!;
    const conflicts = wb.getWorksheet(CONFLICT_SHEET)!;
    expect(missing.getRow(1).getCell(2).value).toBe('氏名');
    const rows = [2, 3, 4].map((i) => missing.getRow(i));
    expect(rows.map((r) => r.getCell(2).value).sort()).toEqual(['加藤 大翔', '小林 咲良', '青木 海']);
    expect(missing.rowCount).toBe(4);
    const katou = rows.find((r) => r.getCell(2).value === '加藤 大翔')!;
    const born = expectDateColumn(missing, 4, DATE_FORMAT);
    expect(expectDateColumn(missing, 5, WAREKI_FORMAT)).toEqual(born);
    expect(born[rows.indexOf(katou)]).toBe('2015-01-15');
    expectNumberColumn(missing, 1);
    // Round trip: the census reader takes the workbook's date cells as the same days.
    const reread = await parseList('相違一覧.xlsx', bytes, { prefectureCode: '14' });
    expect(reread.issues).toEqual([]);
    expect(reread.records.map((r) => [r.name, r.birthDate])).toEqual(
      rows.map((r, i) => [r.getCell(2).value, born[i]]),
    );
    expect(String(katou.getCell(11).value)).toContain('県教育委員会');
    expect(conflicts.rowCount).toBe(2);
    const row = conflicts.getRow(2);
    expect(row.getCell(1).value).toBe('生年月日');
    expect(row.getCell(4).value).toBe('伊藤 蓮');
    expect(expectDateColumn(conflicts, 5, DATE_FORMAT)).toEqual(['2019-03-04']);
    expect(expectDateColumn(conflicts, 6, WAREKI_FORMAT)).toEqual(['2019-03-04']);
    expect(expectDateColumn(conflicts, 11, DATE_FORMAT)).toEqual(['2019-04-03']);
    expect(expectDateColumn(conflicts, 12, WAREKI_FORMAT)).toEqual(['2019-04-03']);
    expectNumberColumn(conflicts, 2);
    expectNumberColumn(conflicts, 3);
    const audit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.action, 'export'));
    expect(audit).toEqual([
      expect.objectContaining({ entityType: 'census_run', entityIds: [run2025] }),
      expect.objectContaining({ entityType: 'child', entityIds: [aokiId] }),
    ]);
  });
});

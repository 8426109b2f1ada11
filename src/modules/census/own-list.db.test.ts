import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, censusImports, censusRecords } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { csvFile, uploadForm, xlsxFile } from '../../test/census-files';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { COMMON_SHEET_COLUMNS, COMMON_SHEET_NAME } from './sheets-xlsx';

/**
 * Issue 12 item 8 through the API on both engines: importing the good rows of a file with a bad date (and the
 * rejected rows with their reasons as .xlsx), idempotently; the common sheet read back without mapping with its
 * 訪問教育 and 夜間ケア; and a municipality's staff uploading their own list — rows of other municipalities
 * rejected — while another municipality's staff find none of it (the denied story).
 */
let t: TestApp;
let admin: TestClient;
let fujisawa: TestClient;
let chigasaki: TestClient;
const NENDO = 2025;

const HEADER = ['児童氏名', 'ふりがな', '生年月日', '性別', '市町村'];
const ROWS = [
  ['髙橋 一郎', 'たかはし いちろう', 'H31.4.5', '男', '藤沢市'],
  ['﨑田 花子', 'さきた はなこ', '令和元年5月10日', '女', '藤沢市'],
  ['鈴木 次郎', 'すずき じろう', '2021/13/01', '男', '藤沢市'],
  ['山田 太郎', 'やまだ たろう', '2020/01/02', '男', '茅ヶ崎市'],
];

async function source(name: string, municipalityCode: string | null) {
  const res = await admin.post('/api/census/sources', {
    name,
    sourceType: 'disability_welfare',
    municipalityCode,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A binary answer (an .xlsx) of the client's session. */
async function binary(client: TestClient, path: string, form?: FormData) {
  const c = client as unknown as { cookie: string | null; csrf: string | null };
  const headers: Record<string, string> = { cookie: c.cookie ?? '' };
  if (form && c.csrf) headers['x-csrf-token'] = c.csrf;
  const res = await t.app.request(path, { method: form ? 'POST' : 'GET', headers, body: form });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

async function sheetRows(buf: Buffer, index = 0): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[index]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    );
  });
  return rows;
}

async function recordsOf(importId: string) {
  return t.db.systemDb
    .select()
    .from(censusRecords)
    .where(eq(censusRecords.importId, importId))
    .orderBy(asc(censusRecords.row));
}

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  fujisawa = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }))
    .client;
  chigasaki = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142077' }))
    .client;
});

afterAll(async () => {
  await t.close();
});

describe('import the good rows', () => {
  it('offers the good rows of a file with an unreadable date, gives the rejected ones as .xlsx, imports once', async () => {
    const sourceId = await source('県 障害福祉課', null);
    const buffer = await xlsxFile([HEADER, ...ROWS]);
    const form = () => uploadForm({ fileName: 'welfare.xlsx', buffer, sourceId, nendo: NENDO });
    const preview = await admin.postForm('/api/census/imports/preview', form());
    expect(preview.body).toMatchObject({
      rowCount: 4,
      canImport: false,
      canImportGoodRows: true,
      goodRowCount: 3,
      rejectedRowCount: 1,
    });
    // All or nothing unless asked: refused with the row's reason.
    const refused = await admin.postForm('/api/census/imports', form());
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('census_file_has_errors');

    const xlsx = await binary(admin, '/api/census/imports/rejected', form());
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const rows = await sheetRows(xlsx.body);
    expect(rows[0]!.slice(0, 3)).toEqual(['データ行', '取り込まない理由', '児童氏名']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('3');
    expect(rows[1]![1]).toContain('2021/13/01');
    expect(rows[1]![2]).toBe('鈴木 次郎');

    const good = form();
    good.append('goodRowsOnly', 'true');
    const created = await admin.postForm('/api/census/imports', good);
    expect(created.status).toBe(202);
    await t.deps.jobs.drain();
    const id = created.body.import.id as string;
    const detail = await admin.get(`/api/census/imports/${id}`);
    expect(detail.body).toMatchObject({ status: 'imported', rowCount: 3, rejectedCount: 1 });
    expect(detail.body.issues.filter((i: { severity: string }) => i.severity === 'error')).toHaveLength(1);
    expect((await recordsOf(id)).map((r) => r.name)).toEqual(['髙橋 一郎', '﨑田 花子', '山田 太郎']);

    // The same file again, either way, changes nothing.
    const again = form();
    again.append('goodRowsOnly', 'true');
    for (const f of [again, form()]) {
      const res = await admin.postForm('/api/census/imports', f);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: false, import: { id } });
    }
    expect(
      await t.db.systemDb.select().from(censusImports).where(eq(censusImports.sourceId, sourceId)),
    ).toHaveLength(1);
    expect(await recordsOf(id)).toHaveLength(3);
  });

  it('refuses a file in which no row is good', async () => {
    const sourceId = await source('県 保育課', null);
    const form = uploadForm({
      fileName: 'bad.csv',
      buffer: csvFile([HEADER, ['鈴木 次郎', '', '2021/13/01', '', '']], 'utf8'),
      sourceId,
      nendo: NENDO,
    });
    form.append('goodRowsOnly', 'true');
    const res = await admin.postForm('/api/census/imports', form);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('census_no_good_rows');
  });
});

describe('the common sheet', () => {
  it('downloads with a Japanese header, input lists and instructions, and is read back without mapping', async () => {
    const file = await binary(admin, `/api/census/template.xlsx?nendo=${NENDO}`);
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([COMMON_SHEET_NAME, '選択肢', '記入方法']);
    const ws = wb.getWorksheet(COMMON_SHEET_NAME)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COMMON_SHEET_COLUMNS.map((c) => c.header));
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list' });

    ws.addRow([
      '髙橋 一郎',
      'タカハシ イチロウ',
      'R1.5.10',
      '男',
      '藤沢市鵠沼1-1',
      '藤沢市',
      '県立藤沢支援学校',
      '小1',
      '人工呼吸器',
      '有',
      '無',
    ]);
    ws.addRow(['﨑田 花子', 'サキタ ハナコ', '2018/04/02', '女', '', '藤沢市', '', '', '', '', '有']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const sourceId = await source('藤沢市 障害福祉課（共通様式）', '142051');
    const form = () => uploadForm({ fileName: 'common.xlsx', buffer: filled, sourceId, nendo: NENDO });
    const preview = await admin.postForm('/api/census/imports/preview', form());
    expect(preview.body.canImport).toBe(true);
    expect(preview.body.columns.every((c: { field: string | null }) => c.field !== null)).toBe(true);
    expect(preview.body.rows).toMatchObject([
      { homeVisitEducation: true, nightCare: false, careItems: ['ventilator'] },
      { homeVisitEducation: null, nightCare: true },
    ]);
    const created = await admin.postForm('/api/census/imports', form());
    await t.deps.jobs.drain();
    const records = await recordsOf(created.body.import.id);
    expect(records.map((r) => [r.homeVisitEducation, r.nightCare])).toEqual([
      [true, false],
      [null, true],
    ]);
  });
});

describe("a municipality's own list", () => {
  it('municipal staff upload their own list: rows of another municipality are rejected with the reason', async () => {
    const sourceId = await source('藤沢市 母子保健', '142051');
    await source('茅ヶ崎市以外の提供元', null);
    const sources = await fujisawa.get('/api/census/sources');
    expect(sources.body.items.map((s: { id: string }) => s.id)).toContain(sourceId);
    expect(new Set(sources.body.items.map((s: { municipalityCode: string }) => s.municipalityCode))).toEqual(
      new Set(['142051']),
    );

    const buffer = csvFile([HEADER, ROWS[0]!, ROWS[1]!, ROWS[3]!], 'utf8-bom');
    const form = () => uploadForm({ fileName: 'fujisawa.csv', buffer, sourceId, nendo: NENDO });
    const preview = await fujisawa.postForm('/api/census/imports/preview', form());
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ encoding: 'utf8-bom', goodRowCount: 2, rejectedRowCount: 1 });
    const reason = preview.body.issues.find((i: { severity: string }) => i.severity === 'error');
    expect(reason).toMatchObject({ row: 3 });
    expect(reason.ja).toContain('茅ヶ崎市');
    expect(reason.en).toContain('only children of');

    const good = form();
    good.append('goodRowsOnly', 'true');
    const created = await fujisawa.postForm('/api/census/imports', good);
    expect(created.status).toBe(202);
    const id = created.body.import.id as string;
    const jobId = created.body.import.job.id as string;
    expect((await fujisawa.get(`/api/census/jobs/${jobId}`)).status).toBe(200);
    await t.deps.jobs.drain();
    expect((await fujisawa.get(`/api/census/imports/${id}`)).body).toMatchObject({
      rowCount: 2,
      rejectedCount: 1,
    });
    expect((await recordsOf(id)).map((r) => r.municipalityCode)).toEqual(['142051', '142051']);
    const mine = await fujisawa.get(`/api/census/imports?nendo=${NENDO}`);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(id);
    // The prefecture-wide list of the first story is not theirs.
    expect(mine.body.items.map((i: { fileName: string }) => i.fileName)).not.toContain('welfare.xlsx');
    // The centre sees it among all lists.
    const all = await admin.get(`/api/census/imports?nendo=${NENDO}`);
    expect(all.body.items.map((i: { id: string }) => i.id)).toContain(id);

    // Denied: another municipality's staff find none of it, and may not upload to it.
    expect((await chigasaki.get('/api/census/sources')).body.items).toEqual([]);
    expect((await chigasaki.get(`/api/census/imports?nendo=${NENDO}`)).body.items).toEqual([]);
    for (const path of [`/api/census/imports/${id}`, `/api/census/jobs/${jobId}`]) {
      expect([path, (await chigasaki.get(path)).status]).toEqual([path, 404]);
    }
    for (const path of [
      '/api/census/imports/preview',
      '/api/census/imports',
      '/api/census/imports/rejected',
    ]) {
      const res = await chigasaki.postForm(path, form());
      expect([path, res.status]).toEqual([path, 404]);
    }
    // Municipal staff never create or change sources.
    expect((await fujisawa.post('/api/census/sources', { name: 'x', sourceType: 'other' })).status).toBe(404);

    const audits = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'census_import'));
    expect(audits.some((a) => a.entityIds[0] === id && a.action === 'create')).toBe(true);
  });
});

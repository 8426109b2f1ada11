import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, censusSources } from '../../db/schema';
import type { TestApp, TestClient } from '../../test/app';
import { csvFile, uploadForm, xlsxFile } from '../../test/census-files';
import { GOOD_ROWS, HEADER, importHelpers, importsWorld, NENDO } from './imports-testing';

/**
 * Census sources and the reading of their files through the API on both engines: recognising columns in .xlsx
 * and CSV (UTF-8 with BOM, CP932 with 髙/﨑 and 和暦), the preview's row issues, hand mappings saved per source,
 * the upload form in the OpenAPI document. The imports themselves: imports.db.test.ts.
 */
let t: TestApp;
let admin: TestClient;
let adminId: string;
const { sourceOf, importsOf } = importHelpers(() => ({ t, admin, adminId }));

beforeAll(async () => {
  ({ t, admin, adminId } = await importsWorld());
});

afterAll(async () => {
  await t.close();
});

describe('census sources', () => {
  it('creates, lists and refuses a second source of the same name', async () => {
    const src = await sourceOf('藤沢市 母子保健');
    expect(src).toMatchObject({
      name: '藤沢市 母子保健',
      sourceType: 'maternal_child_health',
      municipalityCode: '142051',
      municipalityName: '藤沢市',
      mapping: {},
      version: 1,
    });
    const list = await admin.get('/api/census/sources');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(src.id);
    const again = await admin.post('/api/census/sources', { name: '藤沢市 母子保健', sourceType: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate');
  });

  it('refuses a municipality of another prefecture', async () => {
    const res = await admin.post('/api/census/sources', {
      name: '熊本市',
      sourceType: 'other',
      municipalityCode: '431001',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_municipality_code');
  });

  it('saves a mapping under optimistic locking: a stale version answers 409 with the current source', async () => {
    const src = await sourceOf('教育委員会', 'education_board');
    const saved = await admin.put(`/api/census/sources/${src.id}`, {
      mapping: { 対象児: 'name', 備考: null },
      version: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ mapping: { 対象児: 'name', 備考: null }, version: 2 });
    const stale = await admin.put(`/api/census/sources/${src.id}`, { mapping: {}, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.detail.current).toMatchObject({ id: src.id, version: 2 });
    const bad = await admin.put(`/api/census/sources/${src.id}`, {
      mapping: { 対象児: 'shoeSize' },
      version: 2,
    });
    expect(bad.status).toBe(400);
  });
});

describe('preview', () => {
  it('recognises the columns of an .xlsx, normalises rows and classifies row issues, storing nothing', async () => {
    const src = await sourceOf('preview xlsx');
    const buffer = await xlsxFile([
      ['令和7年度 医療的ケア児一覧'],
      HEADER,
      ...GOOD_ROWS,
      ['', '', 'R2.2.30', '', '', '', ''],
      ['鈴木 次郎', '', '2021/13/01', '男', '', '', ''],
    ]);
    const res = await admin.postForm(
      '/api/census/imports/preview',
      uploadForm({ fileName: 'fujisawa.xlsx', buffer, sourceId: src.id, nendo: NENDO }),
    );
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({ fileName: 'fujisawa.xlsx', encoding: null, rowCount: 5, duplicateOf: null });
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.columns).toEqual([
      {
        header: '児童氏名',
        key: '児童氏名',
        field: 'name',
        samples: ['髙橋　一郎', '﨑田 花子', '山田 太郎'],
      },
      { header: 'ふりがな', key: 'ふりがな', field: 'kana', samples: expect.any(Array) },
      {
        header: '生年月日',
        key: '生年月日',
        field: 'birthDate',
        samples: ['H31.4.5', '令和元年5月10日', '2020/01/02'],
      },
      { header: '性別', key: '性別', field: 'sex', samples: ['男', '女', '不明'] },
      { header: '市町村', key: '市町村', field: 'municipality', samples: ['藤沢市', '142051', '茅ヶ崎市'] },
      { header: '医療的ケア', key: '医療的ケア', field: 'careItems', samples: expect.any(Array) },
      { header: '備考', key: '備考', field: null, samples: ['転入'] },
    ]);
    expect(p.rows[0]).toEqual({
      row: 1,
      name: '髙橋 一郎',
      kana: 'タカハシ イチロウ',
      birthDate: '2019-04-05',
      sex: 'male',
      address: null,
      municipalityCode: '142051',
      municipalityName: '藤沢市',
      school: null,
      grade: null,
      careItems: ['ventilator', 'tracheostomy', 'suction'],
      homeVisitEducation: null,
      nightCare: null,
    });
    expect(p.rows[1]).toMatchObject({ name: '﨑田 花子', kana: 'サキタ ハナコ', birthDate: '2019-05-10' });
    expect(p.rows[2]).toMatchObject({ sex: null, municipalityCode: '142077', careItems: [] });
    expect(
      p.issues.map((i: { row: number; severity: string; column: string | null }) => [
        i.row,
        i.column,
        i.severity,
      ]),
    ).toEqual([
      [3, '性別', 'warning'],
      [4, null, 'error'],
      [4, '生年月日', 'error'],
      [5, '生年月日', 'error'],
    ]);
    for (const i of p.issues) {
      expect(i.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(i.en).toMatch(/[a-z]/);
    }
    expect(p).toMatchObject({ errorCount: 3, warningCount: 1, canImport: false });
    expect(await importsOf(src.id)).toEqual([]);
    // The preview showed personal data: audited as a read of the file, with the source.
    const [audit] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'census_file'), eq(auditLog.actorUserId, adminId)));
    expect(audit).toMatchObject({
      action: 'read',
      entityIds: [src.id],
      detail: { purpose: 'preview', fileName: 'fujisawa.xlsx', sha256: p.sha256, rows: 5 },
    });
  });

  it('reads a UTF-8 CSV with BOM and a CP932 CSV with 髙/﨑 and 和暦 dates', async () => {
    const src = await sourceOf('preview csv');
    const rows = [
      ['氏名', 'フリガナ', '生年月日', '性別', '住所'],
      ['髙﨑 陽斗', 'ﾀｶｻｷ ﾊﾙﾄ', 'R2.5.10', '1', '神奈川県藤沢市鵠沼海岸１－２－３'],
      ['内山 﨑子', 'うちやま さきこ', '平成30年12月1日', '2', '茅ヶ崎市本町1-1'],
    ];
    for (const [encoding, fileName] of [
      ['utf8-bom', 'kyouiku.csv'],
      ['cp932', 'fukushi.csv'],
    ] as const) {
      const res = await admin.postForm(
        '/api/census/imports/preview',
        uploadForm({ fileName, buffer: csvFile(rows, encoding), sourceId: src.id, nendo: NENDO }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ encoding, rowCount: 2, issues: [], canImport: true });
      expect(res.body.columns.map((c: { field: string }) => c.field)).toEqual([
        'name',
        'kana',
        'birthDate',
        'sex',
        'address',
      ]);
      expect(res.body.rows).toMatchObject([
        {
          name: '髙﨑 陽斗',
          kana: 'タカサキ ハルト',
          birthDate: '2020-05-10',
          sex: 'male',
          municipalityCode: '142051',
        },
        {
          name: '内山 﨑子',
          kana: 'ウチヤマ サキコ',
          birthDate: '2018-12-01',
          sex: 'female',
          municipalityCode: '142077',
        },
      ]);
      expect(res.body.rows[0].name.codePointAt(0)).toBe(0x9ad9);
    }
  });

  it('refuses a file of another type and a file without a name column as whole-file errors', async () => {
    const src = await sourceOf('preview bad');
    const pdf = await admin.postForm(
      '/api/census/imports/preview',
      uploadForm({ fileName: 'list.pdf', buffer: Buffer.from('%PDF-1.4'), sourceId: src.id, nendo: NENDO }),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.body).toMatchObject({
      canImport: false,
      errorCount: 1,
      issues: [{ row: 0, severity: 'error' }],
    });
    const noName = await admin.postForm(
      '/api/census/imports/preview',
      uploadForm({
        fileName: 'x.csv',
        buffer: csvFile(
          [
            ['保護者氏名', '住所'],
            ['山田', '藤沢市'],
          ],
          'utf8',
        ),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    expect(noName.body.issues).toEqual([expect.objectContaining({ row: 0, severity: 'error' })]);
  });

  it('answers validation_failed for a mapping that is not JSON of known fields', async () => {
    const src = await sourceOf('preview mapping');
    const form = uploadForm({
      fileName: 'x.csv',
      buffer: csvFile([['氏名'], ['A']], 'utf8'),
      sourceId: src.id,
      nendo: NENDO,
    });
    form.set('mapping', '{not json');
    const res = await admin.postForm('/api/census/imports/preview', form);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'mapping' }] });
  });
});

describe('hand mapping', () => {
  it('maps unknown headers by hand, saves the mapping on the source and reuses it for the next file', async () => {
    const src = await sourceOf('hand mapped');
    const rows = [
      ['対象児', '誕生', '区分', 'メモ'],
      ['山田 太郎', '2019/04/05', '男', 'x'],
    ];
    const preview = (mapping?: Record<string, string | null>) =>
      admin.postForm(
        '/api/census/imports/preview',
        uploadForm({
          fileName: 'x.csv',
          buffer: csvFile(rows, 'utf8'),
          sourceId: src.id,
          nendo: NENDO,
          mapping,
        }),
      );
    expect((await preview()).body.canImport).toBe(false);
    const mapping = { 対象児: 'name', 誕生: 'birthDate', 区分: 'sex', メモ: null };
    const mapped = await preview(mapping);
    expect(mapped.body).toMatchObject({
      canImport: true,
      rows: [{ name: '山田 太郎', birthDate: '2019-04-05', sex: 'male' }],
    });
    expect(mapped.body.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'name',
      'birthDate',
      'sex',
      null,
    ]);

    const created = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'x.csv',
        buffer: csvFile(rows, 'utf8'),
        sourceId: src.id,
        nendo: NENDO,
        mapping,
        saveMapping: true,
      }),
    );
    expect(created.status).toBe(202);
    const [stored] = await t.db.systemDb.select().from(censusSources).where(eq(censusSources.id, src.id));
    expect(stored!.mapping).toEqual(mapping);
    expect(stored!.version).toBe(2);
    const [imp] = await importsOf(src.id);
    expect(imp!.mapping).toEqual(mapping);

    // Next year's file of the same source: the saved mapping applies without being sent again.
    const next = await admin.postForm(
      '/api/census/imports/preview',
      uploadForm({
        fileName: 'y.csv',
        buffer: csvFile([rows[0]!, ['佐藤 花子', '2020/02/02', '女', '']], 'utf8'),
        sourceId: src.id,
        nendo: NENDO + 1,
      }),
    );
    expect(next.body).toMatchObject({ canImport: true, rows: [{ name: '佐藤 花子', sex: 'female' }] });
    // The request's mapping overrides the saved one, key by key.
    const override = await preview({ 区分: null });
    expect(override.body.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'name',
      'birthDate',
      null,
      null,
    ]);
    await t.deps.jobs.drain();
  });
});

describe('OpenAPI document', () => {
  it('describes the uploads as multipart forms with a binary file', async () => {
    const res = await admin.get('/api/openapi.json');
    expect(res.status).toBe(200);
    for (const path of ['/api/census/imports/preview', '/api/census/imports']) {
      const content = res.body.paths[path].post.requestBody.content;
      expect(Object.keys(content)).toEqual(['multipart/form-data']);
    }
    const form = res.body.components.schemas.CensusUploadForm;
    expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(form.required).toEqual(expect.arrayContaining(['file', 'sourceId', 'nendo']));
  });
});

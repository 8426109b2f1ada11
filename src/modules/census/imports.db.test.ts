import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  censusFileParts,
  censusImports,
  censusRecords,
  censusSources,
  jobs,
} from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { censusFilesFromGenerated, csvFile, uploadForm, xlsxFile } from '../../test/census-files';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * Census sources and imports through the API on both engines: recognising columns in .xlsx and CSV (UTF-8
 * with BOM, CP932 with 髙/﨑 and 和暦), the preview's row issues, hand mappings saved per source, refusing
 * files with blocking errors, the background job writing all records or none, re-uploads, superseding.
 */
let t: TestApp;
let admin: TestClient;
let adminId: string;
const NENDO = 2025;

const HEADER = ['児童氏名', 'ふりがな', '生年月日', '性別', '市町村', '医療的ケア', '備考'];
const GOOD_ROWS = [
  ['髙橋　一郎', 'たかはし いちろう', 'H31.4.5', '男', '藤沢市', '人工呼吸器、気管切開・吸引', ''],
  ['﨑田 花子', 'ｻｷﾀ ﾊﾅｺ', '令和元年5月10日', '女', '142051', '胃ろう', '転入'],
  ['山田 太郎', 'ヤマダ タロウ', '2020/01/02', '不明', '茅ヶ崎市', 'なし', ''],
];

async function sourceOf(name: string, sourceType = 'maternal_child_health') {
  const res = await admin.post('/api/census/sources', { name, sourceType, municipalityCode: '142051' });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; mapping: Record<string, string | null> };
}

async function importsOf(sourceId: string) {
  return t.db.systemDb
    .select()
    .from(censusImports)
    .where(eq(censusImports.sourceId, sourceId))
    .orderBy(asc(censusImports.createdAt));
}

async function recordCount(importId: string) {
  const [row] = await t.db.systemDb
    .select({ n: count() })
    .from(censusRecords)
    .where(eq(censusRecords.importId, importId));
  return row!.n;
}

async function jobCount() {
  const [row] = await t.db.systemDb.select({ n: count() }).from(jobs);
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  const signed = await signedInUser(t, 'centre_admin', { prefectureCode: '14' });
  admin = signed.client;
  adminId = signed.user.id;
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

describe('imports', () => {
  it('refuses a file with blocking errors with its issues, storing nothing', async () => {
    const src = await sourceOf('blocked');
    const jobsBefore = await jobCount();
    const res = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'bad.csv',
        buffer: csvFile(
          [
            ['氏名', '生年月日'],
            ['山田 太郎', '2019/02/30'],
            ['', ''],
          ],
          'utf8',
        ),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('census_file_has_errors');
    expect(res.body.error.issues).toEqual([
      {
        path: 'row.1.生年月日',
        message: expect.stringContaining('2019/02/30'),
        ja: '「生年月日」の「2019/02/30」を日付として読めません。',
        en: 'Column "生年月日": "2019/02/30" is not a readable date.',
      },
    ]);
    const unreadable = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'x.xlsx',
        buffer: Buffer.from('not a workbook'),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.code).toBe('census_file_unreadable');
    expect(unreadable.body.error.issues[0]).toMatchObject({
      path: 'file',
      ja: expect.any(String),
      en: expect.any(String),
    });
    const empty = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'e.csv',
        buffer: csvFile([['氏名', '生年月日']], 'utf8'),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('census_file_empty');
    const noName = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'n.csv',
        buffer: csvFile([['住所'], ['藤沢市']], 'utf8'),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    expect(noName.status).toBe(400);
    expect(noName.body.error.code).toBe('census_no_name_column');
    expect(await importsOf(src.id)).toEqual([]);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('queues an import with its job, writes all records on drain, and audits upload and reads', async () => {
    const src = await sourceOf('queued');
    const buffer = await xlsxFile([HEADER, ...GOOD_ROWS]);
    const res = await admin.postForm(
      '/api/census/imports',
      uploadForm({ fileName: 'fujisawa.xlsx', buffer, sourceId: src.id, nendo: NENDO }),
    );
    expect(res.status).toBe(202);
    expect(res.body.created).toBe(true);
    const imp = res.body.import;
    expect(imp).toMatchObject({
      nendo: NENDO,
      sourceId: src.id,
      sourceName: 'queued',
      sourceType: 'maternal_child_health',
      fileName: 'fujisawa.xlsx',
      status: 'queued',
      rowCount: null,
      supersededAt: null,
      job: { kind: 'census.import', status: 'queued', progress: 0, error: null },
    });
    expect(await recordCount(imp.id)).toBe(0);
    const queuedJob = await admin.get(`/api/census/jobs/${imp.job.id}`);
    expect(queuedJob.body).toMatchObject({ id: imp.job.id, status: 'queued' });

    await t.deps.jobs.drain();

    const job = await admin.get(`/api/census/jobs/${imp.job.id}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ status: 'succeeded', progress: 1, phase: 'writing', error: null });
    expect(job.body.finishedAt).not.toBeNull();
    const detail = await admin.get(`/api/census/imports/${imp.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: imp.id, status: 'imported', rowCount: 3, issueCount: 1 });
    expect(detail.body.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: '性別',
        severity: 'warning',
        ja: expect.stringContaining('不明'),
      }),
    ]);
    const records = await t.db.systemDb
      .select()
      .from(censusRecords)
      .where(eq(censusRecords.importId, imp.id))
      .orderBy(asc(censusRecords.row));
    expect(records.map((r) => [r.row, r.name, r.birthDate, r.sex, r.municipalityCode, r.careItems])).toEqual([
      [1, '髙橋 一郎', '2019-04-05', 'male', '142051', ['ventilator', 'tracheostomy', 'suction']],
      [2, '﨑田 花子', '2019-05-10', 'female', '142051', ['tube_feeding_gastric']],
      [3, '山田 太郎', '2020-01-02', null, '142077', []],
    ]);
    expect(records[0]).toMatchObject({ prefectureCode: '14', nendo: NENDO, kana: 'タカハシ イチロウ' });
    expect(records[1]!.raw).toMatchObject({ 児童氏名: '﨑田 花子', 備考: '転入' });

    const audits = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, adminId)));
    const about = audits.filter((a) => a.entityType === 'census_import' && a.entityIds[0] === imp.id);
    expect(about.map((a) => a.action).sort()).toEqual(['create', 'read']);
    expect(about.find((a) => a.action === 'create')).toMatchObject({
      prefectureCode: '14',
      detail: { event: 'uploaded', sourceId: src.id, nendo: NENDO, fileName: 'fujisawa.xlsx', rows: 3 },
    });

    const list = await admin.get(`/api/census/imports?nendo=${NENDO}`);
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: { id: string }) => i.id === imp.id)).toMatchObject({
      status: 'imported',
      job: { status: 'succeeded' },
    });
    expect(list.body.items[0]).not.toHaveProperty('issues');
    expect((await admin.get(`/api/census/imports?nendo=${NENDO - 1}`)).body.items).toEqual([]);
  });

  it('returns the existing import for the same file: created false, no new job, no new records', async () => {
    const src = await sourceOf('same file');
    const buffer = csvFile(
      [
        ['氏名', '生年月日'],
        ['山田 太郎', '2019/04/05'],
      ],
      'utf8-bom',
    );
    const form = () => uploadForm({ fileName: 'a.csv', buffer, sourceId: src.id, nendo: NENDO });
    const first = await admin.postForm('/api/census/imports', form());
    expect(first.status).toBe(202);
    await t.deps.jobs.drain();
    const jobsBefore = await jobCount();
    const again = await admin.postForm('/api/census/imports', form());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      created: false,
      import: { id: first.body.import.id, status: 'imported' },
    });
    expect(await jobCount()).toBe(jobsBefore);
    await t.deps.jobs.drain();
    expect(await recordCount(first.body.import.id)).toBe(1);
    expect(await importsOf(src.id)).toHaveLength(1);
    const preview = await admin.postForm('/api/census/imports/preview', form());
    expect(preview.body.duplicateOf).toBe(first.body.import.id);
    // The same bytes for another 年度 are another import.
    const otherYear = await admin.postForm(
      '/api/census/imports',
      uploadForm({ fileName: 'a.csv', buffer, sourceId: src.id, nendo: NENDO + 1 }),
    );
    expect(otherYear.status).toBe(202);
    expect(otherYear.body.import.id).not.toBe(first.body.import.id);
    await t.deps.jobs.drain();
  });

  it('a newer file of the same source and 年度 supersedes the older one', async () => {
    const src = await sourceOf('superseding');
    const rows = [
      ['氏名', '生年月日'],
      ['山田 太郎', '2019/04/05'],
    ];
    const older = await admin.postForm(
      '/api/census/imports',
      uploadForm({ fileName: 'v1.csv', buffer: csvFile(rows, 'utf8'), sourceId: src.id, nendo: NENDO }),
    );
    await t.deps.jobs.drain();
    const newer = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'v2.csv',
        buffer: csvFile([...rows, ['佐藤 花子', '2020/02/02']], 'utf8'),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    expect(newer.status).toBe(202);
    await t.deps.jobs.drain();
    const [a, b] = await importsOf(src.id);
    expect(a).toMatchObject({ id: older.body.import.id, status: 'imported' });
    expect(a!.supersededAt).not.toBeNull();
    expect(b).toMatchObject({
      id: newer.body.import.id,
      status: 'imported',
      rowCount: 2,
      supersededAt: null,
    });
    const list = await admin.get(`/api/census/imports?nendo=${NENDO}`);
    const mine = list.body.items.filter((i: { sourceId: string }) => i.sourceId === src.id);
    expect(
      mine.map((i: { id: string; supersededAt: string | null }) => [i.id, i.supersededAt !== null]),
    ).toEqual([
      [newer.body.import.id, false],
      [older.body.import.id, true],
    ]);
  });

  it('running the job again for an imported file does not duplicate its records', async () => {
    const src = await sourceOf('rerun');
    const res = await admin.postForm(
      '/api/census/imports',
      uploadForm({
        fileName: 'r.csv',
        buffer: csvFile([['氏名'], ['A'], ['B']], 'utf8'),
        sourceId: src.id,
        nendo: NENDO,
      }),
    );
    await t.deps.jobs.drain();
    await enqueueJob(t.db.systemDb, {
      kind: 'census.import',
      prefectureCode: '14',
      payload: { importId: res.body.import.id },
    });
    await t.deps.jobs.drain();
    expect(await recordCount(res.body.import.id)).toBe(2);
    const [imp] = await importsOf(src.id);
    expect(imp).toMatchObject({ status: 'imported', rowCount: 2, supersededAt: null });
  });

  it('writes a list of several thousand rows in batches, in one go', async () => {
    const src = await sourceOf('large');
    const rows = [['氏名', '生年月日']];
    for (let i = 0; i < 2500; i++)
      rows.push([`児童 ${i}`, `2019/04/${String((i % 28) + 1).padStart(2, '0')}`]);
    const res = await admin.postForm(
      '/api/census/imports',
      uploadForm({ fileName: 'large.csv', buffer: csvFile(rows, 'utf8'), sourceId: src.id, nendo: NENDO }),
    );
    expect(res.status).toBe(202);
    await t.deps.jobs.drain();
    expect(await recordCount(res.body.import.id)).toBe(2500);
    const job = await admin.get(`/api/census/jobs/${res.body.import.job.id}`);
    expect(job.body).toMatchObject({ status: 'succeeded', phase: 'writing', progress: 1 });
    const [last] = await t.db.systemDb
      .select({ row: censusRecords.row, name: censusRecords.name })
      .from(censusRecords)
      .where(and(eq(censusRecords.importId, res.body.import.id), eq(censusRecords.row, 2500)));
    expect(last).toEqual({ row: 2500, name: '児童 2499' });
  });

  it('a job that cannot read the stored bytes fails cleanly: no records, status failed, reason in ja and en', async () => {
    const src = await sourceOf('corrupted');
    const buffer = await xlsxFile([HEADER, ...GOOD_ROWS]);
    const form = () => uploadForm({ fileName: 'c.xlsx', buffer, sourceId: src.id, nendo: NENDO });
    const res = await admin.postForm('/api/census/imports', form());
    expect(res.status).toBe(202);
    const id = res.body.import.id;
    const [stored] = await t.db.systemDb
      .select({ fileId: censusImports.fileId })
      .from(censusImports)
      .where(eq(censusImports.id, id));
    await t.db.systemDb
      .update(censusFileParts)
      .set({ bytes: Buffer.from('PK\u0003\u0004 damaged on disk') })
      .where(eq(censusFileParts.fileId, stored!.fileId));
    await t.deps.jobs.drain();
    expect(await recordCount(id)).toBe(0);
    const detail = await admin.get(`/api/census/imports/${id}`);
    expect(detail.body).toMatchObject({ status: 'failed', rowCount: null, job: { status: 'failed' } });
    expect(detail.body.job.error).toMatchObject({
      code: 'census_file_unreadable',
      ja: expect.stringContaining('読み取れません'),
      en: expect.stringContaining('cannot be read'),
    });
    // Uploading the file again queues the failed import once more, with the bytes sent.
    const retry = await admin.postForm('/api/census/imports', form());
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ created: false, import: { id, status: 'queued' } });
    expect(retry.body.import.job.id).not.toBe(res.body.import.job.id);
    await t.deps.jobs.drain();
    expect(await recordCount(id)).toBe(3);
    expect((await admin.get(`/api/census/imports/${id}`)).body).toMatchObject({
      status: 'imported',
      rowCount: 3,
    });
  });

  it('imports the generated lists of three sources (.xlsx, UTF-8 BOM CSV, CP932 CSV with 和暦)', async () => {
    const files = await censusFilesFromGenerated(11, 40);
    expect(files.map((f) => f.fileName)).toEqual([
      'hokenshi_2025.xlsx',
      'kyouiku_2025.csv',
      'fukushi_2025.csv',
    ]);
    for (const f of files) {
      const src = await sourceOf(`generated ${f.fileName}`);
      const preview = await admin.postForm(
        '/api/census/imports/preview',
        uploadForm({ fileName: f.fileName, buffer: f.buffer, sourceId: src.id, nendo: NENDO }),
      );
      expect(preview.body).toMatchObject({ canImport: true, errorCount: 0, rowCount: f.records.length });
      const res = await admin.postForm(
        '/api/census/imports',
        uploadForm({ fileName: f.fileName, buffer: f.buffer, sourceId: src.id, nendo: NENDO }),
      );
      expect(res.status).toBe(202);
      await t.deps.jobs.drain();
      const rows = await t.db.systemDb
        .select()
        .from(censusRecords)
        .where(eq(censusRecords.importId, res.body.import.id))
        .orderBy(asc(censusRecords.row));
      expect(rows.map((r) => [r.row, r.name, r.birthDate, r.sex, r.municipalityCode])).toEqual(
        f.records.map((r) => [
          r.row,
          r.name!.replace(/\u3000/g, ' '),
          r.birthDate,
          r.sex,
          r.municipalityCode,
        ]),
      );
    }
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

import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, censusFileParts, censusImports, censusRecords } from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import type { TestApp, TestClient } from '../../test/app';
import { censusFilesFromGenerated, csvFile, uploadForm, xlsxFile } from '../../test/census-files';
import { GOOD_ROWS, HEADER, importHelpers, importsWorld, NENDO } from './imports-testing';

/**
 * Census imports through the API on both engines: refusing files with blocking errors, the background job
 * writing all records or none, re-uploads, superseding, large and damaged files, the generated lists of three
 * sources. Sources, the preview and hand mappings: imports-reading.db.test.ts.
 */
let t: TestApp;
let admin: TestClient;
let adminId: string;
const { sourceOf, importsOf, recordCount, jobCount } = importHelpers(() => ({ t, admin, adminId }));

beforeAll(async () => {
  ({ t, admin, adminId } = await importsWorld());
});

afterAll(async () => {
  await t.close();
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

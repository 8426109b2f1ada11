import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { censusImports, censusRecords, jobs } from '../../db/schema';
import { RETRY_BASE_MS } from '../../jobs/retry';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { csvFile, uploadForm } from '../../test/census-files';
import { testDbKind } from '../../test/db';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { importBatchFor } from './import-job';

/**
 * Census imports stage their records in batches (decision 0016), on both engines: a connection-type fault in
 * the middle leaves the import unpublished and the retry after the back-off writes every row exactly once; a
 * fault that will not pass fails the import at once and removes what was staged; a job run again after its
 * import was published leaves it alone.
 */
let t: TestApp;
let admin: TestClient;
const NENDO = 2025;
const IMPORT_BATCH = importBatchFor(testDbKind());
const ROWS = IMPORT_BATCH * 2 + 7;

function listFile(prefix: string): Buffer {
  const rows = [['氏名', '生年月日']];
  for (let i = 0; i < ROWS; i++)
    rows.push([`${prefix} ${i}`, `2019/04/${String((i % 28) + 1).padStart(2, '0')}`]);
  return csvFile(rows, 'utf8');
}

async function upload(name: string) {
  const src = await admin.post('/api/census/sources', { name, sourceType: 'other' });
  expect(src.status).toBe(201);
  const res = await admin.postForm(
    '/api/census/imports',
    uploadForm({ fileName: `${name}.csv`, buffer: listFile(name), sourceId: src.body.id, nendo: NENDO }),
  );
  expect(res.status).toBe(202);
  return { importId: res.body.import.id as string, jobId: res.body.import.job.id as string };
}

async function state(importId: string, jobId: string) {
  const [imp] = await t.db.systemDb.select().from(censusImports).where(eq(censusImports.id, importId));
  const [job] = await t.db.systemDb.select().from(jobs).where(eq(jobs.id, jobId));
  const [records] = await t.db.systemDb
    .select({ n: count() })
    .from(censusRecords)
    .where(eq(censusRecords.importId, importId));
  return { imp: imp!, job: job!, records: records!.n };
}

/** Makes inserts of census records fail with SQLSTATE `errcode` once the table holds `after` staged rows. */
async function failInsertsAfter(after: number, errcode: string) {
  await t.db.systemDb.execute(
    sql.raw(`create or replace function census_test_fault() returns trigger language plpgsql as $$
      begin
        if (select count(*) from census_records) >= ${after} then
          raise exception 'injected fault' using errcode = '${errcode}';
        end if;
        return new;
      end $$`),
  );
  await t.db.systemDb.execute(sql`create trigger census_test_fault before insert on census_records
    for each row execute function census_test_fault()`);
}

async function removeFault() {
  await t.db.systemDb.execute(sql`drop trigger if exists census_test_fault on census_records`);
}

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await removeFault();
  await t.db.systemDb.delete(censusRecords);
});

describe('census import staging', () => {
  it('a connection fault half-way leaves nothing visible; the retry writes every row once', async () => {
    const { importId, jobId } = await upload('flaky');
    // The connection "drops" after the first batch was staged (SQLSTATE 08006, connection failure).
    await failInsertsAfter(IMPORT_BATCH, '08006');
    await t.deps.jobs.drain();
    const waiting = await state(importId, jobId);
    expect(waiting.job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.imp.status).toBe('running');
    expect(waiting.imp.rowCount).toBeNull();
    expect(waiting.records).toBe(IMPORT_BATCH);
    const listed = await admin.get(`/api/census/imports?nendo=${NENDO}`);
    expect(listed.body.items.find((i: { id: string }) => i.id === importId).status).toBe('running');

    await removeFault();
    t.clock.advance(RETRY_BASE_MS);
    await t.deps.jobs.drain();
    const done = await state(importId, jobId);
    expect(done.job).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(done.imp).toMatchObject({ status: 'imported', rowCount: ROWS });
    expect(done.records).toBe(ROWS);
  });

  it('a fault that will not pass fails the import at once and removes the staged rows', async () => {
    const { importId, jobId } = await upload('broken');
    // A check violation (class 23): the data itself is refused, so no retry.
    await failInsertsAfter(IMPORT_BATCH, '23514');
    await t.deps.jobs.drain();
    const failed = await state(importId, jobId);
    expect(failed.job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.imp.status).toBe('failed');
    expect(failed.records).toBe(0);
  });

  it('a job run again after its import was published leaves the import and its rows alone', async () => {
    const { importId, jobId } = await upload('published');
    await t.deps.jobs.drain();
    expect((await state(importId, jobId)).imp.status).toBe('imported');
    // As when a worker died between publishing and recording its own success: the job runs again.
    await t.db.systemDb
      .update(jobs)
      .set({ status: 'queued', phase: null, progress: 0 })
      .where(eq(jobs.id, jobId));
    await t.deps.jobs.drain();
    const again = await state(importId, jobId);
    expect(again.job).toMatchObject({ status: 'succeeded', attempts: 2, result: { alreadyImported: true } });
    expect(again.imp).toMatchObject({ status: 'imported', rowCount: ROWS });
    expect(again.records).toBe(ROWS);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { censusFileParts, censusImports } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { csvFile, uploadForm } from '../../test/census-files';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { partBytesFor, readFileParts, writeFileParts } from './file-parts';

/**
 * Uploaded census lists are stored in parts (decision 0016), on both engines: the bytes come back exactly,
 * each part within its size; an import names its parts only once all are written, so a failed upload — a part
 * that cannot be written, or a transaction that fails after them — leaves no parts; a retried import replaces
 * its parts; parts of an upload that never finished are swept by the next upload after an hour.
 */
let t: TestApp;
let admin: TestClient;
const NENDO = 2025;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  await makePrefecture(t.db.systemDb, '13');
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  ROWS = Math.ceil((partBytesFor(t.db.kind) * 1.5) / 150);
});

afterEach(async () => {
  await t.db.systemDb.execute(sql`drop trigger if exists census_test_fault on census_file_parts`);
  await t.db.systemDb.execute(sql`drop trigger if exists census_test_fault on census_imports`);
});

afterAll(async () => {
  await t.close();
});

/** Rows of {@link largeList}: each carries 150 random bytes, so the compressed file needs two parts or more. */
let ROWS: number;

/** A CSV list large enough to be stored compressed in more than one part on this engine. */
function largeList(prefix: string): Buffer {
  const rows = [['氏名', '生年月日', '住所', '備考']];
  for (let i = 0; i < ROWS; i++)
    rows.push([
      `${prefix} ${i}`,
      `2019/04/${String((i % 28) + 1).padStart(2, '0')}`,
      `藤沢市本町${i}`,
      randomBytes(150).toString('base64'),
    ]);
  return csvFile(rows, 'utf8');
}

async function upload(name: string, buffer: Buffer) {
  const src = await admin.post('/api/census/sources', { name, sourceType: 'other' });
  expect(src.status).toBe(201);
  const form = () => uploadForm({ fileName: `${name}.csv`, buffer, sourceId: src.body.id, nendo: NENDO });
  return { res: await admin.postForm('/api/census/imports', form()), again: form };
}

async function partsOf(fileId: string) {
  return t.db.systemDb
    .select({ seq: censusFileParts.seq, length: sql<number>`length(${censusFileParts.bytes})::int` })
    .from(censusFileParts)
    .where(eq(censusFileParts.fileId, fileId))
    .orderBy(asc(censusFileParts.seq));
}

async function fileIdOf(importId: string): Promise<string> {
  const [row] = await t.db.systemDb
    .select({ fileId: censusImports.fileId })
    .from(censusImports)
    .where(eq(censusImports.id, importId));
  return row!.fileId;
}

/** Parts that no import names: an upload that failed must leave none. */
async function unnamedParts(): Promise<number> {
  const [row] = await t.db.systemDb
    .select({ n: count() })
    .from(censusFileParts)
    .where(
      sql`not exists (select 1 from ${censusImports} where ${censusImports.fileId} = ${censusFileParts.fileId})`,
    );
  return row!.n;
}

/** Makes writes to `table` fail (SQLSTATE XX000) when `when` holds for the new row. */
async function failWrites(table: 'census_file_parts' | 'census_imports', when: string) {
  await t.db.systemDb.execute(
    sql.raw(`create or replace function census_test_fault() returns trigger language plpgsql as $$
      begin
        if ${when} then raise exception 'injected fault' using errcode = 'XX000'; end if;
        return new;
      end $$`),
  );
  await t.db.systemDb.execute(
    sql.raw(`create trigger census_test_fault before insert or update on ${table}
      for each row execute function census_test_fault()`),
  );
}

describe('stored file parts', () => {
  it('gives back the bytes written, each part within its size, in order', async () => {
    const bytes = randomBytes(5_500);
    const file = await writeFileParts(t.db.systemDb, '14', bytes, 1_000);
    expect(file).toMatchObject({ parts: 6, bytes: 5_500 });
    const parts = await partsOf(file.fileId);
    expect(parts.map((p) => p.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parts.map((p) => p.length)).toEqual([1000, 1000, 1000, 1000, 1000, 500]);
    expect(await readFileParts(t.db.systemDb, '14', file.fileId)).toEqual(bytes);
    await t.db.systemDb.delete(censusFileParts).where(eq(censusFileParts.fileId, file.fileId));
  });

  it('reads as unreadable a file with a missing part, of another prefecture, or unknown', async () => {
    const file = await writeFileParts(t.db.systemDb, '14', randomBytes(3_000), 1_000);
    await expect(readFileParts(t.db.systemDb, '13', file.fileId)).rejects.toMatchObject({
      code: 'census_file_unreadable',
    });
    await expect(readFileParts(t.db.systemDb, '14', randomUUID())).rejects.toMatchObject({
      code: 'census_file_unreadable',
    });
    await t.db.systemDb.execute(
      sql`delete from census_file_parts where file_id = ${file.fileId} and seq = 1`,
    );
    await expect(readFileParts(t.db.systemDb, '14', file.fileId)).rejects.toMatchObject({
      code: 'census_file_unreadable',
    });
    await t.db.systemDb.delete(censusFileParts).where(eq(censusFileParts.fileId, file.fileId));
  });

  it('removes the parts already written when one cannot be written', async () => {
    await failWrites('census_file_parts', 'new.seq >= 2');
    await expect(writeFileParts(t.db.systemDb, '14', randomBytes(5_000), 1_000)).rejects.toThrow();
    expect(await unnamedParts()).toBe(0);
  });
});

describe('uploads stored in parts', () => {
  it('stores a large list in several parts that the job reads back whole', async () => {
    const buffer = largeList('分割');
    const { res } = await upload('parts', buffer);
    expect(res.status).toBe(202);
    const parts = await partsOf(await fileIdOf(res.body.import.id));
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(partBytesFor(t.db.kind));
    await t.deps.jobs.drain();
    const detail = await admin.get(`/api/census/imports/${res.body.import.id}`);
    expect(detail.body).toMatchObject({ status: 'imported', rowCount: ROWS });
  });

  it('leaves no parts when a part of the upload cannot be written, and no import', async () => {
    await failWrites('census_file_parts', 'new.seq >= 1');
    const { res } = await upload('part fails', largeList('失敗'));
    expect(res.status).toBe(500);
    expect(await unnamedParts()).toBe(0);
    const [imports] = await t.db.systemDb
      .select({ n: count() })
      .from(censusImports)
      .where(eq(censusImports.fileName, 'part fails.csv'));
    expect(imports!.n).toBe(0);
  });

  it('leaves no parts when the transaction naming them fails', async () => {
    await failWrites('census_imports', "new.file_name = 'tx fails.csv'");
    const { res } = await upload('tx fails', largeList('取消'));
    expect(res.status).toBe(500);
    expect(await unnamedParts()).toBe(0);
  });

  it('a retried import names new parts and the old ones are removed', async () => {
    const { res, again } = await upload('retried', largeList('再送'));
    expect(res.status).toBe(202);
    const id = res.body.import.id as string;
    const first = await fileIdOf(id);
    // The stored bytes damaged: the job fails; the same upload again queues the import with fresh parts.
    await t.db.systemDb
      .update(censusFileParts)
      .set({ bytes: sql`decode('1f8b00', 'hex')` })
      .where(eq(censusFileParts.fileId, first));
    await t.deps.jobs.drain();
    expect((await admin.get(`/api/census/imports/${id}`)).body).toMatchObject({ status: 'failed' });
    const retry = await admin.postForm('/api/census/imports', again());
    expect(retry.status).toBe(202);
    const second = await fileIdOf(id);
    expect(second).not.toBe(first);
    expect(await partsOf(first)).toEqual([]);
    await t.deps.jobs.drain();
    expect((await admin.get(`/api/census/imports/${id}`)).body).toMatchObject({
      status: 'imported',
      rowCount: ROWS,
    });
    expect(await unnamedParts()).toBe(0);
  });

  it("sweeps an unfinished upload's parts after an hour, at the next upload", async () => {
    const { res } = await upload('sweep', largeList('掃除'));
    expect(res.status).toBe(202);
    // An import's own parts are kept however old they are.
    const named = await fileIdOf(res.body.import.id);
    await t.db.systemDb
      .update(censusFileParts)
      .set({ createdAt: sql`now() - interval '1 day'` })
      .where(eq(censusFileParts.fileId, named));
    const old = await writeFileParts(t.db.systemDb, '14', randomBytes(2_000), 1_000);
    const fresh = await writeFileParts(t.db.systemDb, '14', randomBytes(2_000), 1_000);
    await t.db.systemDb
      .update(censusFileParts)
      .set({ createdAt: sql`now() - interval '61 minutes'` })
      .where(eq(censusFileParts.fileId, old.fileId));
    const next = await upload('sweep next', largeList('次'));
    expect(next.res.status).toBe(202);
    expect(await partsOf(old.fileId)).toEqual([]);
    expect(await partsOf(fresh.fileId)).toHaveLength(2);
    expect((await partsOf(named)).length).toBeGreaterThan(0);
    await t.db.systemDb.delete(censusFileParts).where(eq(censusFileParts.fileId, fresh.fileId));
  });
});

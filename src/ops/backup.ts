import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type DbOrTx, rowsOf, type Tx } from '../db/client';
import { sealAuditChain } from '../modules/audit/seal';
import { type VerifyResult, verifyAuditChain } from '../modules/audit/verify';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type BackupHeader,
  type BackupTrailer,
  latestMigration,
  type MigrationMark,
} from './backup-format';
import { type AppTable, applicationTables, REFERENCE_TABLES } from './tables';

export { BackupError } from './backup-format';

const READ_BATCH = 5000;
/**
 * Rows of a table holding stored bytes per read: a file part is up to 1 MB, 2 MB as `to_jsonb`'s hex, so a read
 * stays near 16 MB however large the files (a whole page of 5,000 parts would be 10 GB in one answer).
 */
const BYTES_READ_BATCH = 8;
const INSERT_BATCH = 1000;
/** A restore inserts at most this much JSON per statement (a few file parts, or up to INSERT_BATCH small rows). */
const INSERT_BATCH_CHARS = 16 * 1024 * 1024;
const ROW_LINE = /^\{"table":"([a-z_][a-z0-9_]*)","row":(\{.*\})\}$/;

export type BackupOptions = { now?: Date; batchSize?: number };

/**
 * A logical backup that works on PGlite and PostgreSQL alike: gzip of JSON lines — a header (format,
 * version, latest migration, time), then every application table's rows in foreign-key-safe order, then a
 * trailer with the row counts. Rows are PostgreSQL's own `to_jsonb` text, so every type (timestamps to the
 * microsecond, dates, arrays, jsonb, numerics, stored bytes) round-trips exactly through
 * `jsonb_populate_recordset` without JavaScript ever converting a value. Read in one repeatable-read snapshot:
 * a consistent copy even while the server runs (PostgreSQL).
 *
 * Written to `out` as it is read, a page of rows at a time, waiting while `out` is full: memory stays flat
 * whatever the database holds (tens of GB of files included; docs/operations.md gives the figures). `out` is
 * ended when the backup is complete and destroyed if it fails.
 */
export async function writeBackup(
  db: Database,
  out: Writable,
  opts: BackupOptions = {},
): Promise<{ counts: Record<string, number> }> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? READ_BATCH;
  // Pending audit entries are chained first, so the backup holds a fully sealed chain.
  await sealAuditChain(db.systemDb);
  const tables = applicationTables();
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  // A failed destination fails the next write instead of leaving it waiting.
  written.catch(() => {});
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), written]);
  };
  const counts: Record<string, number> = {};
  try {
    await db.systemDb.transaction(
      async (tx) => {
        const migrations = await latestMigration(tx);
        if (!migrations) throw new BackupError('not_migrated');
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          migrations,
          createdAt: now.toISOString(),
          database: db.kind,
          tables: tables.map((t) => t.name),
        };
        await write(JSON.stringify(header));
        for (const table of tables) {
          counts[table.name] = 0;
          const rows = table.holdsBytes ? Math.min(batchSize, BYTES_READ_BATCH) : batchSize;
          for await (const raw of readTable(tx, table, rows)) {
            await write(`{"table":"${table.name}","row":${raw}}`);
            counts[table.name]!++;
          }
        }
        const trailer: BackupTrailer = { end: true, counts };
        await write(JSON.stringify(trailer));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } catch (err) {
    gzip.destroy(err instanceof Error ? err : new Error(String(err)));
    await written.catch(() => {});
    throw err;
  }
  gzip.end();
  await written;
  return { counts };
}

/** The backup as one buffer: for tests and small databases (the command line streams it to its file). */
export async function backupDatabase(db: Database, opts: BackupOptions = {}): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeBackup(db, sink, opts);
  return Buffer.concat(chunks);
}

/** A table's rows as `to_jsonb` text, in primary-key order, paged by keyset (no OFFSET scans). */
async function* readTable(tx: Tx, table: AppTable, batchSize: number): AsyncGenerator<string> {
  const name = sql.identifier(table.name);
  if (table.primaryKey.length === 0) {
    const rows = rowsOf<{ r: string }>(
      await tx.execute(sql`select to_jsonb(_row)::text as r from ${name} _row`),
    );
    for (const row of rows) yield row.r;
    return;
  }
  const key = (alias: string) =>
    sql.join(
      table.primaryKey.map((c) => sql`${sql.raw(alias)}.${sql.identifier(c)}`),
      sql`, `,
    );
  let last: string | null = null;
  for (;;) {
    const after: SQL = last
      ? sql`where (${key('_row')}) > (select ${key('_p')} from jsonb_populate_record(null::${name}, ${last}::jsonb) _p)`
      : sql``;
    const rows = rowsOf<{ r: string }>(
      await tx.execute(
        sql`select to_jsonb(_row)::text as r from ${name} _row ${after} order by ${key('_row')} limit ${batchSize}`,
      ),
    );
    for (const row of rows) yield row.r;
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1]!.r;
  }
}

/** What a restore did. */
export type RestoreResult = {
  migrations: MigrationMark;
  createdAt: string;
  counts: Record<string, number>;
  /** The restored audit chain, verified inside the restore's transaction. */
  audit: VerifyResult;
};

/**
 * Restores a backup into a database migrated to the same migration and holding no application data.
 * Everything is inserted in one transaction (all or nothing); audit entries keep their ids and hashes
 * (OVERRIDING SYSTEM VALUE) and identity sequences continue after the highest restored id.
 */
export async function restoreDatabase(db: Database, backup: Buffer | Readable): Promise<RestoreResult> {
  // Read as it goes (the command line passes the file as a stream): memory follows a batch, not the file.
  const source = Buffer.isBuffer(backup) ? Readable.from([backup]) : backup;
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  const it = linesOf(source.pipe(gunzip));
  const header = parseHeader(await firstLine(it));
  const current = await latestMigration(db.systemDb);
  if (!current) throw new BackupError('not_migrated');
  if (current.hash !== header.migrations.hash) {
    throw new BackupError('migration_mismatch', { backup: header.migrations, target: current });
  }
  const tables = new Map(applicationTables().map((t) => [t.name, t]));
  const unknown = header.tables.filter((t) => !tables.has(t));
  if (unknown.length) throw new BackupError('bad_format', { unknownTables: unknown });

  return db.systemDb.transaction(async (tx) => {
    const nonEmpty = await tablesWithData(
      tx,
      [...tables.keys()].filter((t) => !REFERENCE_TABLES.has(t)),
    );
    if (nonEmpty.length) throw new BackupError('not_empty', { tables: nonEmpty });

    const counts: Record<string, number> = {};
    const batch = { table: '', rows: [] as string[], chars: 0 };
    const flush = async () => {
      if (!batch.rows.length) return;
      await insertRows(tx, batch.table, batch.rows);
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
      batch.rows = [];
      batch.chars = 0;
    };
    let trailer: BackupTrailer | null = null;
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      const line = next.value;
      if (!line) continue;
      if (trailer) throw new BackupError('bad_format', { reason: 'data after the trailer' });
      const m = ROW_LINE.exec(line);
      if (m) {
        const table = m[1]!;
        if (!tables.has(table)) throw new BackupError('bad_format', { unknownTables: [table] });
        if (batch.table !== table) {
          await flush();
          batch.table = table;
        }
        batch.rows.push(m[2]!);
        batch.chars += m[2]!.length;
        if (batch.rows.length >= INSERT_BATCH || batch.chars >= INSERT_BATCH_CHARS) await flush();
        continue;
      }
      trailer = parseTrailer(line);
    }
    await flush();
    if (!trailer) throw new BackupError('truncated');
    for (const [table, n] of Object.entries(trailer.counts)) {
      if ((counts[table] ?? 0) !== n)
        throw new BackupError('truncated', { table, expected: n, found: counts[table] ?? 0 });
    }
    for (const table of Object.keys(counts)) await resetSequences(tx, table);
    return {
      migrations: header.migrations,
      createdAt: header.createdAt,
      counts,
      audit: await verifyAuditChain(tx),
    };
  });
}

/**
 * The lines of a stream, read only as fast as they are used (readline's iterator reads ahead without limit, so a
 * restore slower than its file held the whole file in memory). Lines are cut as bytes and decoded whole.
 */
async function* linesOf(input: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      const line = Buffer.concat(pending).toString('utf8');
      pending = [];
      start = nl + 1;
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length) yield Buffer.concat(pending).toString('utf8');
}

async function firstLine(it: AsyncIterator<string>): Promise<string> {
  try {
    const first = await it.next();
    if (first.done) throw new BackupError('bad_format');
    return first.value;
  } catch (e) {
    if (e instanceof BackupError) throw e;
    // Not gzip, or not ours.
    throw new BackupError('bad_format', { reason: e instanceof Error ? e.message : String(e) });
  }
}

function parseHeader(line: string): BackupHeader {
  let h: Partial<BackupHeader>;
  try {
    h = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new BackupError('bad_format');
  }
  if (h.format !== BACKUP_FORMAT || !h.migrations?.hash || !Array.isArray(h.tables)) {
    throw new BackupError('bad_format');
  }
  if (h.version !== BACKUP_VERSION) throw new BackupError('bad_format', { version: h.version });
  return h as BackupHeader;
}

function parseTrailer(line: string): BackupTrailer {
  try {
    const t = JSON.parse(line) as Partial<BackupTrailer>;
    if (t.end === true && t.counts && typeof t.counts === 'object') return t as BackupTrailer;
  } catch {
    // fall through
  }
  throw new BackupError('bad_format', { reason: 'unexpected line' });
}

async function tablesWithData(db: DbOrTx, names: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const [row] = rowsOf<{ any: boolean }>(
      await db.execute(sql`select exists (select 1 from ${sql.identifier(name)}) as any`),
    );
    if (row?.any) found.push(name);
  }
  return found;
}

/** PostgreSQL rebuilds each row from its JSON with the table's own column types. */
async function insertRows(tx: Tx, table: string, rows: string[]): Promise<void> {
  const name = sql.identifier(table);
  const json = `[${rows.join(',')}]`;
  if (REFERENCE_TABLES.has(table)) {
    await tx.execute(
      sql`insert into ${name} select * from jsonb_populate_recordset(null::${name}, ${json}::jsonb) on conflict do nothing`,
    );
    return;
  }
  await tx.execute(
    sql`insert into ${name} overriding system value select * from jsonb_populate_recordset(null::${name}, ${json}::jsonb)`,
  );
}

/** Identity and serial columns continue after the highest restored value. */
async function resetSequences(tx: Tx, table: string): Promise<void> {
  const cols = rowsOf<{ column_name: string }>(
    await tx.execute(sql`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ${table}
        and (is_identity = 'YES' or column_default like 'nextval(%')`),
  );
  for (const { column_name: col } of cols) {
    await tx.execute(sql`
      select setval(pg_get_serial_sequence(${`"${table}"`}, ${col}),
        coalesce((select max(${sql.identifier(col)}) from ${sql.identifier(table)}), 0) + 1, false)`);
  }
}

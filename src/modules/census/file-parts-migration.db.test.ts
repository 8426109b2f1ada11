import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase, PGLITE_EXTENSIONS, rowsOf } from '../../db/client';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { testDbKind } from '../../test/db';
import { serverAdminUrl, serverDbUrl, testDbPrefix } from '../../test/db-names';
import { readFileParts } from './file-parts';

/**
 * Migration 0017 moves the files stored before it (census_imports.content) into parts of 256 KB named by their
 * import, on both engines: a database migrated up to 0016 with two stored files — one of 600,000 bytes, one
 * empty — reads back the same bytes after 0017.
 */
const kind = testDbKind();
let db: Database;
let dropDatabase: () => Promise<void> = async () => {};
const dir = mkdtempSync(join(tmpdir(), 'tsunagu-migration-0017-'));
const BEFORE = join(dir, 'before');

/** The migrations folder as it was before 0017 (journal entries below it only). */
function migrationsBefore0017(): string {
  cpSync(MIGRATIONS_FOLDER, BEFORE, { recursive: true });
  const journalFile = join(BEFORE, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 17);
  writeFileSync(journalFile, JSON.stringify(journal));
  return BEFORE;
}

async function migrateTo(folder: string) {
  if (db.kind === 'pglite')
    await migratePglite(db.systemDb as unknown as PgliteDatabase, { migrationsFolder: folder });
  else await migratePg(db.systemDb as unknown as NodePgDatabase, { migrationsFolder: folder });
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverAdminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    db = await openDatabase({ pglite });
    dropDatabase = () => pglite.close();
  } else {
    const name = `${testDbPrefix(inject('tsunaguRunId'))}m17_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    db = await openDatabase({ url: serverDbUrl(name), poolSize: 2 });
    dropDatabase = () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  }
  await migrateTo(migrationsBefore0017());
});

afterAll(async () => {
  await db.close();
  await dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0017', () => {
  it('moves stored files into parts of 256 KB that read back the same bytes', async () => {
    const big = randomBytes(600_000);
    const run = (text: string, params: unknown[] = []) =>
      db.kind === 'pglite' ? db.pglite!.query(text, params) : db.pool!.query(text, params);
    await run(`insert into prefectures (code, name, name_en) values ('14', '神奈川県', 'Kanagawa')`);
    await run(
      `insert into census_sources (id, prefecture_code, name, source_type)
       values ('00000000-0000-4000-8000-000000000001', '14', 'a', 'other')`,
    );
    const stored = [
      { id: '00000000-0000-4000-8000-0000000000a1', bytes: big },
      { id: '00000000-0000-4000-8000-0000000000a2', bytes: Buffer.alloc(0) },
    ];
    for (const [i, f] of stored.entries())
      await run(
        `insert into census_imports (id, prefecture_code, nendo, source_id, file_name, sha256, content)
         values ($1, '14', 2025, '00000000-0000-4000-8000-000000000001', $2, $3, decode($4, 'hex'))`,
        [f.id, `f${i}.csv`, String(i).repeat(64), f.bytes.toString('hex')],
      );

    await migrateTo(MIGRATIONS_FOLDER);

    const parts = rowsOf<{ file_id: string; seq: number; n: number }>(
      await db.systemDb.execute(
        sql`select file_id, seq, length(bytes)::int n from census_file_parts order by file_id, seq`,
      ),
    );
    expect(parts).toEqual([
      { file_id: stored[0]!.id, seq: 0, n: 262_144 },
      { file_id: stored[0]!.id, seq: 1, n: 262_144 },
      { file_id: stored[0]!.id, seq: 2, n: 600_000 - 2 * 262_144 },
      { file_id: stored[1]!.id, seq: 0, n: 0 },
    ]);
    expect(await readFileParts(db.systemDb, '14', stored[0]!.id)).toEqual(big);
    expect(await readFileParts(db.systemDb, '14', stored[1]!.id)).toEqual(Buffer.alloc(0));
    const columns = rowsOf<{ column_name: string }>(
      await db.systemDb.execute(
        sql`select column_name from information_schema.columns where table_name = 'census_imports'`,
      ),
    ).map((c) => c.column_name);
    expect(columns).toContain('file_id');
    expect(columns).not.toContain('content');
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, PGLITE_EXTENSIONS } from '../db/client';
import {
  pgliteSeededFile,
  pgliteTemplateFile,
  seededMetaFile,
  seededTemplateDb,
  serverAdminUrl,
  serverDbUrl,
  templateDb,
  testDbPrefix,
} from './db-names';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.TSUNAGU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh, migrated, empty database for one test file, on the kind the project runs (PGlite or server). */
export function createTestDatabase(): Promise<Database> {
  const runId = inject('tsunaguRunId');
  return testDbKind() === 'pglite'
    ? loadPglite(pgliteTemplateFile(runId))
    : copyServerDatabase(templateDb(runId));
}

/**
 * A fresh database already holding what `seed` writes, for test files that all start from the same data (the
 * browser journeys' demo prefecture). The first file of a run that asks for `key` seeds a database and keeps
 * it — on PGlite as a dumped data dir, on the server as a template database — with `seed`'s JSON answer
 * beside it; every later file of the run copies it instead of seeding again. `seed` must be deterministic
 * for a key (same data whichever file seeds), and its answer plain JSON.
 */
export async function createSeededTestDatabase<T>(
  key: string,
  seed: (db: Database) => Promise<T>,
): Promise<{ db: Database; seeded: T }> {
  if (!/^[a-z0-9_]+$/.test(key)) throw new Error(`seed key must be [a-z0-9_]: ${key}`);
  const runId = inject('tsunaguRunId');
  const kind = testDbKind();
  const meta = seededMetaFile(runId, kind, key);
  const ready = () => JSON.parse(readFileSync(meta, 'utf8')) as T;
  if (kind === 'pglite') {
    const dump = pgliteSeededFile(runId, key);
    if (existsSync(meta)) return { db: await loadPglite(dump), seeded: ready() };
    const db = await createTestDatabase();
    const seeded = await seed(db);
    if (!db.pglite) throw new Error('a PGlite test database has no PGlite instance');
    // Checkpointed, so no copy replays the seed's WAL; uncompressed, as the migrated template (global-setup.ts).
    await db.pglite.query('checkpoint');
    writeAtomically(dump, Buffer.from(await (await db.pglite.dumpDataDir('none')).arrayBuffer()));
    writeAtomically(meta, JSON.stringify(seeded));
    return { db, seeded };
  }
  const template = seededTemplateDb(runId, key);
  // Several workers may ask at once: one seeds under the lock, the others wait and copy.
  await withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      if (existsSync(meta)) return;
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${template} TEMPLATE ${templateDb(runId)}`);
      const db = await openDatabase({ url: serverDbUrl(template), poolSize: 5 });
      try {
        writeAtomically(meta, JSON.stringify(await seed(db)));
      } finally {
        await db.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return { db: await copyServerDatabase(template), seeded: ready() };
}

/** A PGlite instance over a dumped data dir (tar, gzip or not). */
async function loadPglite(dumpFile: string): Promise<Database> {
  const pglite = await PGlite.create({
    loadDataDir: new Blob([readFileSync(dumpFile)]),
    extensions: PGLITE_EXTENSIONS,
  });
  const db = await openDatabase({ pglite });
  return {
    ...db,
    close: async () => {
      await db.close();
      await pglite.close();
    },
  };
}

/** A new server database copied from `template` (no session may be connected to the template meanwhile). */
async function copyServerDatabase(template: string): Promise<Database> {
  const name = `${testDbPrefix(inject('tsunaguRunId'))}${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const db = await openDatabase({ url: serverDbUrl(name), poolSize: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverAdminUrl() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Readers see the whole file or none of it. */
function writeAtomically(file: string, data: Buffer | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, PGLITE_EXTENSIONS } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import {
  pgliteTemplateFile,
  serverAdminUrl,
  serverDbUrl,
  TEST_DIR,
  templateDb,
  testDbPrefix,
} from './db-names';

/**
 * Migrates once per run: on PGlite into a dumped data dir that each test file loads (≈1 s of CPU instead of
 * ≈6 s for initdb + migrate), on the server into a template database that each test file copies. Seeded sets
 * (`createSeededTestDatabase`) are made by the first file that needs them and removed with the rest here.
 */
export async function setupTestDatabases(project: TestProject, kind: 'pglite' | 'postgres') {
  const runId = randomBytes(4).toString('hex');
  project.provide('tsunaguRunId', runId);
  mkdirSync(TEST_DIR, { recursive: true });
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    const db = await openDatabase({ pglite });
    await migrateDatabase(db);
    await db.close();
    // Checkpointed, so no file replays the migrations' WAL; uncompressed (≈45 MB): loading it takes ≈0.4 s
    // less CPU per test file than the 5 MB gzip.
    await pglite.query('checkpoint');
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(pgliteTemplateFile(runId), Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    return () => removeRunFiles(runId);
  }
  const template = templateDb(runId);
  await withAdmin(async (admin) => {
    // pg_trgm cannot split Japanese text under ctype C: the suite's databases are UTF-8 with C.UTF-8.
    await admin.query(
      `CREATE DATABASE ${template} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
    );
  });
  const db = await openDatabase({ url: serverDbUrl(template) });
  await migrateDatabase(db);
  await db.close();
  return () =>
    withAdmin(async (admin) => {
      removeRunFiles(runId);
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [testDbPrefix(runId)],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    });
}

/** The run's files under TEST_DIR: PGlite dumps and seeded sets' answers. */
function removeRunFiles(runId: string) {
  if (!existsSync(TEST_DIR)) return;
  for (const f of readdirSync(TEST_DIR)) if (f.includes(runId)) rmSync(join(TEST_DIR, f), { force: true });
}

async function withAdmin(fn: (admin: pg.Client) => Promise<void>) {
  const admin = new pg.Client({ connectionString: serverAdminUrl() });
  await admin.connect();
  try {
    await fn(admin);
  } finally {
    await admin.end();
  }
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
 * Migrates once per run: on PGlite into a dumped data dir that each test file loads (≈0.6 s instead of
 * initdb + migrate), on the server into a template database that each test file copies.
 */
export async function setupTestDatabases(project: TestProject, kind: 'pglite' | 'postgres') {
  const runId = randomBytes(4).toString('hex');
  project.provide('tsunaguRunId', runId);
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: PGLITE_EXTENSIONS });
    const db = await openDatabase({ pglite });
    await migrateDatabase(db);
    await db.close();
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(TEST_DIR, { recursive: true });
    const file = pgliteTemplateFile(runId);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    return () => rmSync(file, { force: true });
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
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [testDbPrefix(runId)],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    });
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

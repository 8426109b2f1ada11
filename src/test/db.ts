import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, PGLITE_EXTENSIONS } from '../db/client';
import { pgliteTemplateFile, serverAdminUrl, serverDbUrl, templateDb, testDbPrefix } from './db-names';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.TSUNAGU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh, migrated, empty database for one test file, on the kind the project runs (PGlite or server). */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const dump = readFileSync(pgliteTemplateFile(inject('tsunaguRunId')));
    const pglite = await PGlite.create({
      loadDataDir: new Blob([dump]),
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
  const runId = inject('tsunaguRunId');
  const name = `${testDbPrefix(runId)}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb(runId)}`);
  } finally {
    await admin.end();
  }
  const db = await openDatabase({ url: serverDbUrl(name), poolSize: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: serverAdminUrl() });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

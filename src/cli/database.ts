import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Database, openDatabase } from '../db/client';
import { acquireEmbeddedLock, EmbeddedLockError } from '../ops/embedded-lock';
import type { Config } from '../server/config';
import { CliError } from './io';

/** The embedded database's directory, exactly as the server derives it (src/server/main.ts). */
export function embeddedDataDir(config: Config): string {
  return resolve(config.dataDir, 'pglite');
}

/**
 * Opens the configured database as the server does: PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded PGlite under DATA_DIR — then only while no other process holds it.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl, poolSize: 2 });
  let release: () => void;
  try {
    release = acquireEmbeddedLock(config.dataDir);
  } catch (e) {
    if (e instanceof EmbeddedLockError) throw new CliError(e.message);
    throw e;
  }
  try {
    const db = await openDatabase({ dataDir: embeddedDataDir(config) });
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * A throw-away copy of the embedded database, for reading while the server may be running: the live
 * directory is never opened by a second process (PGlite would corrupt it).
 */
export async function openEmbeddedSnapshot(config: Config): Promise<Database> {
  const source = embeddedDataDir(config);
  if (!existsSync(source)) {
    throw new CliError('埋め込みデータベースがまだありません。 / The embedded database does not exist yet.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-snapshot-'));
  const copy = join(dir, 'pglite');
  try {
    cpSync(source, copy, { recursive: true });
    const db = await openDatabase({ dataDir: copy });
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Runs `fn` with the configured database open, closing it afterwards whatever happens. */
export async function withDatabase<T>(
  open: (config: Config) => Promise<Database>,
  config: Config,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await open(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client';
import { loadReferenceData } from './reference-data';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies pending migrations (forward only) and refreshes the municipality reference table. */
export async function migrateDatabase(db: Database): Promise<void> {
  if (db.kind === 'pglite') {
    // One connection, one process: nothing to serialise against.
    await migratePglite(db.systemDb as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    await loadReferenceData(db.systemDb);
    return;
  }
  // Serialise concurrent app servers starting together against one PostgreSQL.
  const pool = db.pool!;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(7423001)');
    try {
      await migratePg(db.systemDb as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
      await loadReferenceData(db.systemDb);
    } finally {
      await client.query('select pg_advisory_unlock(7423001)');
    }
  } finally {
    client.release();
  }
}

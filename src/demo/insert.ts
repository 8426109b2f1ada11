import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for every demo table. */
export const BATCH_SIZE = 1000;

/** Inserts rows in batches of at most BATCH_SIZE, in order; returns how many were inserted. */
export async function insertInBatches<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
  batchSize = BATCH_SIZE,
): Promise<number> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db.insert(table).values(rows.slice(i, i + batchSize) as T['$inferInsert'][]);
  }
  return rows.length;
}

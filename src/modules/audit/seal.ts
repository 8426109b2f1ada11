import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { auditLog } from '../../db/schema';
import { chainHash, contentOf, GENESIS_HASH } from './chain';

/** Only one sealer at a time across all app servers (transaction-scoped advisory lock). */
export const SEAL_LOCK = 7423002;

/** The oldest unsealed entries in id order, read as {@link scanUnsealedInIdOrder} explains (in a transaction). */
export async function unsealedEntries(tx: DbOrTx, batchSize: number) {
  await scanUnsealedInIdOrder(tx);
  return unsealedQuery(tx, batchSize);
}

function unsealedQuery(tx: DbOrTx, batchSize: number) {
  return tx.select().from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id)).limit(batchSize);
}

/** The statement of {@link unsealedEntries}, for its plan. */
export const unsealedEntriesSql = (tx: DbOrTx, batchSize: number) => unsealedQuery(tx, batchSize).toSQL();

/**
 * Sealing updates every entry once, which leaves a dead entry behind in the partial index of unsealed rows
 * until the table is vacuumed — on a large audit log, rarely. A bitmap scan of that index visits every dead
 * entry at every sealing (65,000 of them, 30–45 ms a second, after five minutes of the load benchmark); an
 * ordinary index scan in id order marks the dead entries it passes, so the next sealing skips them (0.3 ms).
 * Set for the sealer's transaction only (decision 0015).
 */
async function scanUnsealedInIdOrder(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local enable_bitmapscan = off`);
}

/**
 * Chains committed, unsealed entries: each gets the next `seq`, the previous entry's hash and its own hash.
 * Entries are taken in id order among those committed, so the chain follows commit order. Returns how many
 * were sealed; 0 also when another sealer holds the lock.
 */
export async function sealAuditChain(db: DbOrTx, batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      const [lock] = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`),
      );
      if (!lock?.ok) return 0;
      const [last] = await tx
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .where(isNotNull(auditLog.seq))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      const rows = await unsealedEntries(tx, batchSize);
      if (rows.length === 0) return 0;
      let seq = last?.seq ?? 0;
      let prev = last?.hash ?? GENESIS_HASH;
      const values = rows.map((r) => {
        seq += 1;
        const hash = chainHash(prev, contentOf(r));
        const v = sql`(${r.id}::bigint, ${seq}::bigint, ${prev}::text, ${hash}::text)`;
        prev = hash;
        return v;
      });
      await tx.execute(sql`
        update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from (values ${sql.join(values, sql`, `)}) as v(id, seq, prev_hash, hash)
        where a.id = v.id`);
      return rows.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

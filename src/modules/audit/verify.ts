import { asc, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { chainHash, contentOf, GENESIS_HASH } from './chain';
import { sealAuditChain } from './seal';

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string; unsealed: number }
  | {
      ok: false;
      entries: number;
      brokenAtId: number;
      reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'seq_gap';
      unsealed: number;
    };

/**
 * Seals what is pending (unless told not to), then recomputes the whole chain in seq order and reports the
 * first entry that was altered, removed or inserted. `entries` counts the verified entries.
 */
export async function verifyAuditChain(
  db: DbOrTx,
  opts: { batchSize?: number; seal?: boolean } = {},
): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 5000;
  if (opts.seal !== false) await sealAuditChain(db);
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(isNull(auditLog.hash));
  const unsealed = pending?.n ?? 0;
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, entries, lastHash: prev, unsealed };
    for (const r of rows) {
      const brokenAtId = r.id;
      if (r.seq !== lastSeq + 1) return { ok: false, entries, brokenAtId, reason: 'seq_gap', unsealed };
      if (r.prevHash !== prev)
        return { ok: false, entries, brokenAtId, reason: 'prev_hash_mismatch', unsealed };
      if (r.hash !== chainHash(prev, contentOf(r))) {
        return { ok: false, entries, brokenAtId, reason: 'hash_mismatch', unsealed };
      }
      prev = r.hash;
      lastSeq = r.seq;
      entries++;
    }
  }
}

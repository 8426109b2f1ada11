import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { chainHash, GENESIS_HASH } from './chain';

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAtId: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/** Recomputes the whole chain in id order; reports the first entry that was altered, removed or inserted. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, entries, lastHash: prev };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, entries, brokenAtId: r.id, reason: 'prev_hash_mismatch' };
      const expected = chainHash(prev, {
        at: r.at,
        prefectureCode: r.prefectureCode,
        actorUserId: r.actorUserId,
        actorRole: r.actorRole,
        action: r.action,
        entityType: r.entityType,
        entityIds: r.entityIds,
        detail: r.detail,
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
      });
      if (r.hash !== expected) return { ok: false, entries, brokenAtId: r.id, reason: 'hash_mismatch' };
      prev = r.hash;
      lastId = r.id;
      entries++;
    }
  }
}

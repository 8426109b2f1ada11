import { desc, isNotNull, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { auditCheckpoints, auditLog } from '../../db/schema';
import { GENESIS_HASH } from './chain';
import {
  type ChainHead,
  type CheckpointMode,
  checkpointSignatureValid,
  checkpointWanted,
  type SignedCheckpoint,
  signCheckpoint,
} from './checkpoint';
import { SEAL_LOCK } from './seal';

/** The newest checkpoint written (by insertion order), or null when there is none. */
export async function newestCheckpoint(db: DbOrTx): Promise<SignedCheckpoint | null> {
  const [row] = await db
    .select({
      seq: auditCheckpoints.seq,
      hash: auditCheckpoints.hash,
      at: auditCheckpoints.at,
      signature: auditCheckpoints.signature,
    })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.id))
    .limit(1);
  return row ?? null;
}

/** The time of the oldest entry a checkpoint at `coveredSeq` does not cover (sealed after it, or unsealed). */
export async function oldestUncoveredAt(db: DbOrTx, coveredSeq: number): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | Date | null }>(
    await db.execute(sql`select least(
      (select min(at) from audit_log where seq > ${coveredSeq}),
      (select min(at) from audit_log where hash is null)) as at`),
  );
  return row?.at ? new Date(row.at) : null;
}

async function chainHead(db: DbOrTx): Promise<ChainHead> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.seq))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last?.seq && last.hash ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export type CheckpointOptions = {
  key: Buffer;
  now: Date;
  intervalMs: number;
  mode: CheckpointMode;
  /** Wait for another sealer's lock (verification) instead of leaving the turn to it (background). */
  wait?: boolean;
};

export type CheckpointOutcome = {
  written: SignedCheckpoint | null;
  newest: SignedCheckpoint | null;
  /** Nothing was written because the newest checkpoint is not signed with this key. */
  foreignKey?: true;
};

/**
 * Records the chain head as a signed checkpoint when `mode` asks for one. It runs under the sealing lock, so
 * the head cannot move meanwhile and two app servers never write the same checkpoint twice. Returns the
 * checkpoint written (the caller logs it once committed) and the newest one now stored; null when another
 * sealer held the lock and `wait` was not set. Nothing is written while the newest checkpoint does not verify
 * under `key`.
 */
export async function checkpointAuditChain(
  db: DbOrTx,
  opts: CheckpointOptions,
): Promise<CheckpointOutcome | null> {
  return db.transaction(async (tx) => {
    if (opts.wait) {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
    } else {
      const [lock] = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`),
      );
      if (!lock?.ok) return null;
    }
    const head = await chainHead(tx);
    const newest = await newestCheckpoint(tx);
    // A key that does not verify the newest checkpoint is another secret (or the checkpoint was forged): adding
    // checkpoints under it would bury the evidence and leave the deployment failing verification for good.
    if (newest && !checkpointSignatureValid(opts.key, newest))
      return { written: null, newest, foreignKey: true };
    if (!checkpointWanted(opts.mode, head, newest, opts.now, opts.intervalMs)) {
      return { written: null, newest };
    }
    const checkpoint: SignedCheckpoint = {
      ...head,
      at: opts.now,
      signature: signCheckpoint(opts.key, { ...head, at: opts.now }),
    };
    await tx.insert(auditCheckpoints).values(checkpoint);
    return { written: checkpoint, newest: checkpoint };
  });
}

import { and, asc, gt, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditCheckpoints, auditLog } from '../../db/schema';
import { chainHash, contentOf, GENESIS_HASH } from './chain';
import { checkpointsStale, judgeCheckpoint, type SignedCheckpoint } from './checkpoint';
import { checkpointAuditChain, newestCheckpoint, oldestUncoveredAt } from './checkpoint-store';
import { sealAuditChain } from './seal';

/**
 * The verdict, most serious first: `chain_broken` an entry was altered, removed or inserted (the chain does not
 * recompute); `checkpoint_signature_invalid` a checkpoint was not signed with this deployment's key (forged,
 * altered, or TSUNAGU_SECRET changed); `chain_rewritten` the chain's hash at a checkpoint's position differs
 * (entries up to it were rewritten, or removed and replaced); `tail_cut` the chain ends before a checkpoint's
 * position (the newest entries were deleted); `checkpoint_stale` entries went uncovered by any checkpoint for
 * more than two intervals (checkpoints stopped being written).
 */
export const VERIFY_OUTCOMES = [
  'intact',
  'chain_broken',
  'checkpoint_signature_invalid',
  'chain_rewritten',
  'tail_cut',
  'checkpoint_stale',
] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

/** A checkpoint as a verification names it: from the database, or given from the application log. */
export type CheckpointRef = { seq: number; hash: string; at: string; source: 'database' | 'log' };

export type VerifyResult = {
  ok: boolean;
  result: VerifyOutcome;
  /** Entries verified (before the break, for `chain_broken`). */
  entries: number;
  lastHash: string;
  unsealed: number;
  /** Checkpoints checked (0 when verifying the chain alone). */
  checkpoints: number;
  brokenAtId?: number;
  reason?: 'prev_hash_mismatch' | 'hash_mismatch' | 'seq_gap';
  /** The checkpoint a finding is about; when intact, the newest one. */
  checkpoint?: CheckpointRef;
  /** `checkpoint_stale`: when the oldest entry no checkpoint covered was written. */
  uncoveredSince?: string;
};

export type VerifyCheckpoints = {
  key: Buffer;
  now: Date;
  intervalMs: number;
  /** Receives the checkpoint this verification wrote, once committed (the application log, the CLI's output). */
  record?: (c: SignedCheckpoint) => void;
  /** Checkpoints copied from the application log, checked like the stored ones. */
  external?: readonly SignedCheckpoint[];
};

export type VerifyOptions = {
  batchSize?: number;
  /** Seal pending entries (and checkpoint the head) first; default true. */
  seal?: boolean;
  /** Without it only the chain is recomputed (as a restore does before the key may be checked). */
  checkpoints?: VerifyCheckpoints;
};

type Source = CheckpointRef['source'];
type Found = { c: SignedCheckpoint; source: Source };

function ref({ c, source }: Found): CheckpointRef {
  return { seq: c.seq, hash: c.hash, at: c.at.toISOString(), source };
}

/** Checkpoints, stored and given, whose position is in (from, to]; `to` null: no upper bound. */
async function* checkpointsBetween(
  db: DbOrTx,
  external: readonly SignedCheckpoint[],
  from: number,
  to: number | null,
  batchSize: number,
): AsyncGenerator<Found> {
  for (const c of external) if (c.seq > from && (to === null || c.seq <= to)) yield { c, source: 'log' };
  let lastId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditCheckpoints)
      .where(
        and(
          gt(auditCheckpoints.id, lastId),
          gt(auditCheckpoints.seq, from),
          to === null ? undefined : lte(auditCheckpoints.seq, to),
        ),
      )
      .orderBy(asc(auditCheckpoints.id))
      .limit(batchSize);
    for (const c of rows) yield { c, source: 'database' };
    if (rows.length < batchSize) return;
    lastId = rows[rows.length - 1]!.id;
  }
}

/** The first checkpoint of each kind of finding, and how many were checked. */
class CheckpointFindings {
  checked = 0;
  signature: Found | null = null;
  rewritten: Found | null = null;
  tail: Found | null = null;

  constructor(private readonly key: Buffer) {}

  judge(found: Found, hashAtSeq: string | undefined) {
    this.checked++;
    const finding = judgeCheckpoint(this.key, found.c, hashAtSeq);
    if (finding === 'signature') this.signature ??= found;
    if (finding === 'rewritten') this.rewritten ??= found;
    // The highest position the chain fails to reach says how much is missing.
    if (finding === 'tail' && (!this.tail || found.c.seq > this.tail.c.seq)) this.tail = found;
  }
}

/**
 * Seals what is pending and checkpoints the head (unless told not to), then recomputes the whole chain in seq
 * order and reports the first entry that was altered, removed or inserted. With `checkpoints`, every stored
 * (and given) checkpoint is then checked: its signature, and that the chain reaches its position with its
 * hash; and whether checkpoints have stopped (judged before this verification writes its own).
 */
export async function verifyAuditChain(db: DbOrTx, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 5000;
  const cp = opts.checkpoints;
  let uncoveredSince: Date | null = null;
  let stale = false;
  let newest: Found | null = null;
  if (cp) {
    const before = await newestCheckpoint(db);
    if (before) uncoveredSince = await oldestUncoveredAt(db, before.seq);
    stale = checkpointsStale(uncoveredSince, before !== null, cp.now, cp.intervalMs);
    if (before) newest = { c: before, source: 'database' };
  }
  if (opts.seal !== false) {
    await sealAuditChain(db);
    if (cp) {
      const r = await checkpointAuditChain(db, { ...cp, mode: 'always', wait: true });
      if (r?.written) {
        cp.record?.(r.written);
        newest = { c: r.written, source: 'database' };
      }
    }
  }
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(isNull(auditLog.hash));
  const unsealed = pending?.n ?? 0;
  const findings = cp ? new CheckpointFindings(cp.key) : null;
  const external = cp?.external ?? [];
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checkedUpTo = -1;
  let entries = 0;
  const base = { entries: 0, lastHash: prev, unsealed, checkpoints: 0 };
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) break;
    const hashes = new Map<number, string>([[0, GENESIS_HASH]]);
    for (const r of rows) {
      const brokenAtId = r.id;
      const broken = (reason: NonNullable<VerifyResult['reason']>): VerifyResult => ({
        ...base,
        ok: false,
        result: 'chain_broken',
        entries,
        lastHash: prev,
        brokenAtId,
        reason,
      });
      if (r.seq !== lastSeq + 1) return broken('seq_gap');
      if (r.prevHash !== prev) return broken('prev_hash_mismatch');
      if (r.hash !== chainHash(prev, contentOf(r))) return broken('hash_mismatch');
      prev = r.hash;
      lastSeq = r.seq;
      hashes.set(r.seq, r.hash);
      entries++;
    }
    if (findings) {
      for await (const f of checkpointsBetween(db, external, checkedUpTo, lastSeq, batchSize)) {
        findings.judge(f, hashes.get(f.c.seq));
      }
      checkedUpTo = lastSeq;
    }
  }
  const done = { ...base, entries, lastHash: prev };
  if (!findings) return { ...done, ok: true, result: 'intact' };
  // Checkpoints past the end of the chain (and, for an empty chain, those of the empty chain).
  for await (const f of checkpointsBetween(db, external, checkedUpTo, null, batchSize)) {
    findings.judge(f, f.c.seq === 0 ? GENESIS_HASH : undefined);
  }
  const counted = { ...done, checkpoints: findings.checked };
  const bad = (result: VerifyOutcome, f: Found): VerifyResult => ({
    ...counted,
    ok: false,
    result,
    checkpoint: ref(f),
  });
  if (findings.signature) return bad('checkpoint_signature_invalid', findings.signature);
  if (findings.rewritten) return bad('chain_rewritten', findings.rewritten);
  if (findings.tail) return bad('tail_cut', findings.tail);
  if (stale && uncoveredSince) {
    return {
      ...counted,
      ok: false,
      result: 'checkpoint_stale',
      uncoveredSince: uncoveredSince.toISOString(),
      ...(newest ? { checkpoint: ref(newest) } : {}),
    };
  }
  return { ...counted, ok: true, result: 'intact', ...(newest ? { checkpoint: ref(newest) } : {}) };
}

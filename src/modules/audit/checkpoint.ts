import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The head of the chain at one moment: the newest sealed entry's position and hash (0 and genesis: empty). */
export type ChainHead = { seq: number; hash: string };

/** A checkpoint as stored and logged: the head, when it was taken, and its HMAC signature (hex). */
export type SignedCheckpoint = ChainHead & { at: Date; signature: string };

/** The purpose label of the key and of every signed message, so neither can be reused for anything else. */
const PURPOSE = 'tsunagu audit checkpoint v1';

/** The log line's `event`, by which a log store (and `tsunagu audit verify --checkpoint`) finds checkpoints. */
export const CHECKPOINT_EVENT = 'audit_checkpoint';

/**
 * The signing key: HKDF-SHA-256 of TSUNAGU_SECRET with the purpose label. The database never holds it, so
 * someone who can rewrite the audit tables cannot sign a checkpoint for the rewritten chain.
 */
export function checkpointKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', PURPOSE, 32));
}

function message(c: ChainHead & { at: Date }): string {
  return `${PURPOSE}\n${c.seq}\n${c.hash}\n${c.at.toISOString()}`;
}

/** HMAC-SHA-256 over the purpose, sequence, hash and time (ISO, milliseconds). */
export function signCheckpoint(key: Buffer, c: ChainHead & { at: Date }): string {
  return createHmac('sha256', key).update(message(c)).digest('hex');
}

/** True when the signature was made with this key over exactly these fields (constant-time comparison). */
export function checkpointSignatureValid(key: Buffer, c: SignedCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const given = /^[0-9a-f]{64}$/.test(c.signature) ? Buffer.from(c.signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The fields of the checkpoint's application log line (one structured line, kept by the log store). */
export function checkpointLogFields(c: SignedCheckpoint) {
  return {
    event: CHECKPOINT_EVENT,
    seq: c.seq,
    hash: c.hash,
    at: c.at.toISOString(),
    signature: c.signature,
  };
}

/**
 * A checkpoint copied from the application log: the JSON line as the log store keeps it (pino's own fields
 * are ignored). Null when the text is not such a line.
 */
export function parseCheckpointLine(text: string): SignedCheckpoint | null {
  let v: unknown;
  try {
    v = JSON.parse(text.trim());
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const at = typeof o.at === 'string' ? new Date(o.at) : null;
  if (
    typeof o.seq !== 'number' ||
    !Number.isSafeInteger(o.seq) ||
    o.seq < 0 ||
    typeof o.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(o.hash) ||
    typeof o.signature !== 'string' ||
    !at ||
    Number.isNaN(at.getTime())
  ) {
    return null;
  }
  return { seq: o.seq, hash: o.hash, at, signature: o.signature };
}

/**
 * When the sealer writes a checkpoint. `always`: on verification. `moved`: whenever the head has moved since
 * the newest checkpoint (shutdown). `due`: the head has moved and the newest checkpoint is at least one
 * interval old (the background sealer), so a quiet deployment adds no rows.
 */
export type CheckpointMode = 'always' | 'moved' | 'due';

/** Whether to write a checkpoint of `head` now, given the newest one (null: none yet). */
export function checkpointWanted(
  mode: CheckpointMode,
  head: ChainHead,
  newest: (ChainHead & { at: Date }) | null,
  now: Date,
  intervalMs: number,
): boolean {
  if (mode === 'always') return true;
  const moved = newest ? newest.seq !== head.seq || newest.hash !== head.hash : head.seq > 0;
  if (mode === 'moved' || !moved) return moved;
  return !newest || now.getTime() - newest.at.getTime() >= intervalMs;
}

/**
 * Checkpoints have stopped: an entry that no checkpoint covers was written more than two intervals ago.
 * A stopped deployment writes no entries (and checkpoints its head on shutdown), so it is never stale; nor is
 * one that has no checkpoint yet (just upgraded).
 */
export function checkpointsStale(
  oldestUncoveredAt: Date | null,
  hasCheckpoint: boolean,
  now: Date,
  intervalMs: number,
): boolean {
  return (
    hasCheckpoint &&
    oldestUncoveredAt !== null &&
    now.getTime() - oldestUncoveredAt.getTime() > 2 * intervalMs
  );
}

/** What one checkpoint says about the chain. */
export type CheckpointFinding = 'ok' | 'signature' | 'rewritten' | 'tail';

/**
 * Judges a checkpoint against the chain: its signature first (an unsigned claim proves nothing), then whether
 * the chain reaches its position (`hashAtSeq` undefined: it ends before) with the same hash there.
 */
export function judgeCheckpoint(
  key: Buffer,
  c: SignedCheckpoint,
  hashAtSeq: string | undefined,
): CheckpointFinding {
  if (!checkpointSignatureValid(key, c)) return 'signature';
  if (hashAtSeq === undefined) return 'tail';
  return hashAtSeq === c.hash ? 'ok' : 'rewritten';
}

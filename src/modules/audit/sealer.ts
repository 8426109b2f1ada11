import type { DbOrTx } from '../../db/client';
import type { Logger } from '../../server/logger';
import { checkpointLogFields, type SignedCheckpoint } from './checkpoint';
import { type CheckpointOptions, checkpointAuditChain } from './checkpoint-store';
import { sealAuditChain } from './seal';

/** How often an idle server looks whether a checkpoint is due, at most (it is usually due later). */
const CHECK_AT_MOST_EVERY_MS = 30_000;

/**
 * Writes the checkpoint's application log line, the copy outside the database that a log store keeps
 * (docs/operations.md). Called only after the checkpoint has committed.
 */
export function logCheckpoint(log: Logger, c: SignedCheckpoint): void {
  log.info(checkpointLogFields(c), 'audit checkpoint');
}

/** Writes a checkpoint if `mode` asks for one and logs it once committed. */
export async function checkpointAndLog(db: DbOrTx, log: Logger, opts: CheckpointOptions) {
  const result = await checkpointAuditChain(db, opts);
  if (result?.written) logCheckpoint(log, result.written);
  if (result?.foreignKey) {
    log.error(
      { seq: result.newest?.seq },
      'audit checkpoint not written: the newest checkpoint is not signed with this TSUNAGU_SECRET (run tsunagu audit verify)',
    );
  }
  return result;
}

export type SealerOptions = {
  key: Buffer;
  /** The checkpoint interval (AUDIT_CHECKPOINT_MINUTES). */
  checkpointIntervalMs: number;
  now: () => Date;
  sealEveryMs?: number;
};

/**
 * Seals every second in the background and checkpoints the head once per interval when it has moved (each app
 * server runs one; the sealing lock keeps them from colliding). The first round runs at once, so a server
 * started after a long stop covers new entries without waiting. Stopping seals what is left and checkpoints
 * the head, so a stopped deployment leaves no entry uncovered.
 */
export function startAuditSealer(
  db: DbOrTx,
  log: Logger,
  opts: SealerOptions,
): (() => Promise<void>) & { firstRound: Promise<unknown> } {
  const { key, checkpointIntervalMs: intervalMs, now } = opts;
  let nextCheck = 0;
  const round = async () => {
    await sealAuditChain(db);
    const t = now().getTime();
    if (t < nextCheck) return;
    const result = await checkpointAndLog(db, log, { key, now: new Date(t), intervalMs, mode: 'due' });
    if (!result) return; // another server holds the lock: look again next round
    const due = result.newest ? result.newest.at.getTime() + intervalMs : 0;
    // Not due yet: wait until it is. Due but the head has not moved: look again shortly, so the next entry
    // is covered well within one interval.
    nextCheck = due > t ? due : t + Math.min(intervalMs, CHECK_AT_MOST_EVERY_MS);
  };
  const guarded = () =>
    round().catch((err) => log.error({ err }, 'audit sealing or checkpoint failed; will retry'));
  let running: Promise<unknown> = guarded();
  const firstRound = running;
  const timer = setInterval(() => {
    running = running.then(guarded);
  }, opts.sealEveryMs ?? 1000);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await running;
    await sealAuditChain(db);
    await checkpointAndLog(db, log, { key, now: now(), intervalMs, mode: 'moved', wait: true });
  };
  // The first round (and the checkpoint line it may log) settles here: the demo's start banner waits for it.
  return Object.assign(stop, { firstRound });
}

/**
 * Which failures of a job are worth another attempt, and when. Pure: the worker (queue.ts) applies it.
 *
 * A job fails for good at once only when trying again cannot help: an AppError the handler raised about its
 * input (a file that no longer reads, a run with nothing to link, a record that is gone — any 4xx code), or a
 * database error about the data or the statement itself (SQLSTATE classes 22 data exception, 23 integrity
 * violation, 42 syntax or access rule). Everything else — a lost connection, a server restarting, a deadlock or
 * serialisation failure, running out of resources, a 5xx AppError — is retried with back-off until the job
 * has used its attempts (decision 0016).
 */
import { AppError } from '../server/errors';

/** Attempts a job gets in all (first run, retries after errors and re-queues after a worker was lost). */
export const MAX_ATTEMPTS = 4;
/** Wait before the second attempt; each later one waits four times longer (5 s, 20 s, 80 s). */
export const RETRY_BASE_MS = 5_000;

/** SQLSTATE classes whose errors say the statement or the data is wrong, not that the server had a bad moment. */
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '23', '42']);

export type FailureKind = 'permanent' | 'transient';

/** Whether an error thrown by a job's handler may go away on its own. */
export function classifyJobError(e: unknown): FailureKind {
  if (e instanceof AppError) return e.status < 500 ? 'permanent' : 'transient';
  const code = sqlState(e);
  if (code && PERMANENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return 'permanent';
  return 'transient';
}

/** The SQLSTATE of a driver error (node-postgres and PGlite both put it in `code`), or of its cause. */
function sqlState(e: unknown): string | null {
  for (let x: unknown = e, depth = 0; x && typeof x === 'object' && depth < 3; depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    x = (x as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * What to do after attempt number `attempts` (1-based) failed with an error of `kind`: retry after a delay, or
 * fail for good.
 */
export function nextStep(
  kind: FailureKind,
  attempts: number,
): { retry: true; delayMs: number } | { retry: false } {
  if (kind === 'permanent' || attempts >= MAX_ATTEMPTS) return { retry: false };
  return { retry: true, delayMs: RETRY_BASE_MS * 4 ** (attempts - 1) };
}

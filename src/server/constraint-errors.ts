import { AppError } from './errors';

/** The PostgreSQL error code (SQLSTATE) of a failed statement, whichever driver or Drizzle wrapper raised it. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Runs a write (usually a whole transaction) and maps the constraint violations a race can still cause
 * after the service's own checks to stable codes: unique → 'duplicate' (or the code given), foreign key →
 * 'in_use'. Services check first so that the usual case gets a precise error; this is the backstop.
 */
export async function mapConstraintErrors<T>(
  run: () => Promise<T>,
  onUnique: 'duplicate' | 'conflict' = 'duplicate',
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = pgErrorCode(err);
    if (code === '23505') throw new AppError(onUnique, { cause: err });
    if (code === '23503') throw new AppError('in_use', { cause: err });
    throw err;
  }
}

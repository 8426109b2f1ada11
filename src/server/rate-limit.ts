import type { MiddlewareHandler } from 'hono';
import type { DbOrTx } from '../db/client';
import { hitRateLimit } from '../modules/accounts/throttle';
import type { AppEnv, Deps } from './context';
import { AppError } from './errors';
import { type BucketLimit, TokenBuckets } from './token-bucket';

/**
 * Rate limits of the public endpoints (decision 0015). Two kinds:
 *
 * - `perServerLimit`: a token bucket per client address in this server's memory. For reads and for anything
 *   that writes nothing lasting (search, listings, the care-score calculator, a provider link whose token is
 *   the authority). Refusal never touches the database. With N servers an address may get N times the limit,
 *   which is harmless for these endpoints.
 * - `sharedLimit`: the database-shared fixed window of accounts/throttle.ts, for public forms that write into
 *   a review queue (registrations, consultation requests), where abuse must be stopped across every server.
 *   Those routes put a per-server bucket of the same size in front, so an address already refused here is
 *   refused without a database round trip.
 */

/** The client address a limit is kept for (see client-ip.ts); requests whose address is unknown share one. */
function addressOf(c: { get(key: 'meta'): { ip: string | null } }): string {
  return c.get('meta').ip ?? 'unknown';
}

function refuse(retryAfterMs: number): AppError {
  return new AppError('rate_limited', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

/** Buckets on the app's clock (deps.now), so tests move time for them as for everything else. */
export function bucketsFor(deps: Deps, limit: BucketLimit): TokenBuckets {
  return new TokenBuckets({ ...limit, now: () => deps.now().getTime() });
}

/** Middleware: at most `limit` requests per client address and `windowMs` on this server; 429 with Retry-After. */
export function perServerLimit(deps: Deps, limit: BucketLimit): MiddlewareHandler<AppEnv> {
  const buckets = bucketsFor(deps, limit);
  return async (c, next) => {
    const taken = buckets.take(addressOf(c));
    if (!taken.ok) throw refuse(taken.retryAfterMs);
    await next();
  };
}

/**
 * Middleware for a public form that writes: per address and for the whole deployment, first in this server's
 * memory (free refusal), then in the database (shared by every server). `name` prefixes the database keys.
 */
export function sharedFormLimit(
  deps: Deps,
  name: string,
  limits: { perIp: BucketLimit; global: BucketLimit },
): MiddlewareHandler<AppEnv> {
  const perIp = bucketsFor(deps, limits.perIp);
  const global = bucketsFor(deps, limits.global);
  return async (c, next) => {
    const ip = addressOf(c);
    for (const [buckets, key] of [
      [perIp, ip],
      [global, 'global'],
    ] as const) {
      const taken = buckets.take(key);
      if (!taken.ok) throw refuse(taken.retryAfterMs);
    }
    const now = deps.now();
    await sharedLimit(deps.db.systemDb, `${name}:ip:${ip}`, limits.perIp, now);
    await sharedLimit(deps.db.systemDb, `${name}:global`, limits.global, now);
    await next();
  };
}

/**
 * The database-shared window; its refusal says to retry after one window (an upper bound: the window's start
 * is not read back).
 */
export async function sharedLimit(db: DbOrTx, key: string, limit: BucketLimit, now: Date): Promise<void> {
  try {
    await hitRateLimit(db, key, { ...limit, now });
  } catch (err) {
    if (err instanceof AppError && err.code === 'rate_limited') throw refuse(limit.windowMs);
    throw err;
  }
}

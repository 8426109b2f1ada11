import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client';
import { AppError } from '../../server/errors';

/**
 * Fixed-window counter kept in the database, so every app server behind the load balancer shares it.
 * Throws rate_limited once `limit` hits fall in the current window.
 */
export async function hitRateLimit(
  db: DbOrTx,
  key: string,
  opts: { limit: number; windowMs: number; now: Date },
): Promise<void> {
  const windowStart = new Date(opts.now.getTime() - opts.windowMs);
  const result = await db.execute(sql`
    insert into rate_limits (key, window_started_at, count) values (${key}, ${opts.now}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_started_at < ${windowStart} then 1 else rate_limits.count + 1 end,
      window_started_at = case when rate_limits.window_started_at < ${windowStart}
        then ${opts.now} else rate_limits.window_started_at end
    returning count`);
  const count = Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
  if (count > opts.limit) throw new AppError('rate_limited');
}

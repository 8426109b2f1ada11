/**
 * The background job `notifications.digest` (decision 0008, 0030): queued every hour per prefecture by the
 * schedule (src/jobs/schedule.ts); from 07:00 Japan time on a working day of the prefecture's calendar it writes
 * the digests not yet written today (digest.ts). Safe to run twice or at once on two servers: each user's digest
 * is claimed by its key (user, day) in the transaction that queues its mail.
 */
import type { JobHandler } from '../../jobs/queue';
import type { Deps } from '../../server/context';
import { runDigests } from './digest';

export const DIGEST_JOB_KIND = 'notifications.digest';
export const DIGEST_EVERY_MS = 60 * 60_000;

export function digestJobHandler(deps: Deps): JobHandler {
  return {
    run: async (ctx) => {
      const r = await runDigests(ctx.db, deps.config.mail, ctx.job.prefectureCode, ctx.now());
      if ('sent' in r && r.sent) ctx.log.info(r, 'daily digests queued');
      return r;
    },
  };
}

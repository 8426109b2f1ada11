/**
 * The clean-up of finished scheduled jobs (decision 0008, 0030): the schedules queue a job per prefecture every
 * period (the escalation of unanswered requests every hour, the digest every hour), each leaving its finished
 * row. Once a day per prefecture, `jobs.cleanup` deletes the finished rows of the scheduled kinds: succeeded ones
 * after {@link KEEP_SUCCEEDED_DAYS} days, failed ones — what someone may still need to read — after
 * {@link KEEP_FAILED_DAYS}. Jobs a person started (imports, linkage runs) are never deleted: their rows are the
 * history the screens show and other tables point at them. Safe to run twice.
 */
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import type { SystemDb } from '../db/client';
import { jobs } from '../db/schema';
import type { JobHandler } from './queue';
import type { Schedule } from './schedule';

export const CLEANUP_JOB_KIND = 'jobs.cleanup';
export const KEEP_SUCCEEDED_DAYS = 7;
export const KEEP_FAILED_DAYS = 90;
const DAY_MS = 86_400_000;

/** The clean-up's own schedule: once a day per prefecture. */
export const CLEANUP_SCHEDULE: Schedule = { kind: CLEANUP_JOB_KIND, everyMs: DAY_MS };

/** Deletes the prefecture's finished jobs of `kinds` past their keeping; returns how many. */
export async function cleanUpJobs(
  db: SystemDb,
  o: { prefectureCode: string; kinds: readonly string[]; now: Date },
): Promise<number> {
  if (o.kinds.length === 0) return 0;
  const before = (days: number) => new Date(o.now.getTime() - days * DAY_MS);
  const gone = await db
    .delete(jobs)
    .where(
      and(
        eq(jobs.prefectureCode, o.prefectureCode),
        inArray(jobs.kind, [...o.kinds]),
        or(
          and(eq(jobs.status, 'succeeded'), lt(jobs.finishedAt, before(KEEP_SUCCEEDED_DAYS))),
          and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, before(KEEP_FAILED_DAYS))),
        ),
      ),
    )
    .returning({ id: jobs.id });
  return gone.length;
}

/** The handler: the scheduled kinds (the clean-up's own included) are read when it runs. */
export function cleanupJobHandler(scheduledKinds: () => readonly string[]): JobHandler {
  return {
    run: async (ctx) => {
      const deleted = await cleanUpJobs(ctx.db, {
        prefectureCode: ctx.job.prefectureCode,
        kinds: scheduledKinds(),
        now: ctx.now(),
      });
      if (deleted) ctx.log.info({ deleted }, 'finished scheduled jobs cleaned up');
      return { deleted };
    },
  };
}

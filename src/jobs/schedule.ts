/**
 * Jobs that run on a schedule (decision 0008): every period, one job of each scheduled kind is queued per
 * prefecture — unless one of that kind is still queued or running, or was queued within the period — and the
 * worker runs it like any other. Any number of servers may check: two checking at the same moment may both queue
 * one, so a scheduled job must be safe to run twice (each handler says how it is).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type SystemDb } from '../db/client';
import { jobs, prefectures } from '../db/schema';
import type { Logger } from '../server/logger';
import type { JobWorker } from './queue';

export type Schedule = { kind: string; everyMs: number };

/** Queues the scheduled jobs that are due now; returns how many were queued. */
export async function queueScheduledJobs(
  db: SystemDb,
  schedules: readonly Schedule[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const s of schedules) {
    const since = new Date(now.getTime() - s.everyMs);
    const result = await db.execute(sql`
      insert into ${jobs} (kind, prefecture_code, created_at)
      select ${s.kind}, p.code, ${now.toISOString()}::timestamptz from ${prefectures} p
      where not exists (select 1 from ${jobs} j where j.kind = ${s.kind} and j.prefecture_code = p.code
        and (j.status in ('queued', 'running') or j.created_at > ${since.toISOString()}::timestamptz))
      returning id`);
    const rows = rowsOf<{ id: string }>(result);
    queued += rows.length;
  }
  return queued;
}

/** Checks the schedules every minute (and once at start); returns the function that stops checking. */
export function startSchedules(opts: {
  db: SystemDb;
  worker: JobWorker;
  schedules: readonly Schedule[];
  log: Logger;
  now: () => Date;
  checkEveryMs?: number;
}): () => void {
  if (opts.schedules.length === 0) return () => {};
  const check = async () => {
    try {
      if ((await queueScheduledJobs(opts.db, opts.schedules, opts.now())) > 0) opts.worker.kick();
    } catch (err) {
      opts.log.warn({ err }, 'scheduled jobs could not be queued');
    }
  };
  const timer = setInterval(() => void check(), opts.checkEveryMs ?? 60_000);
  timer.unref();
  void check();
  return () => clearInterval(timer);
}

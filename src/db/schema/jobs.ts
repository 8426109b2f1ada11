import {
  char,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { prefectures } from './network';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * Background jobs (census imports and linkage runs, later others). The row is the truth the screens read —
 * status, progress (0–1), phase and the reason of a failure in both languages — whichever runner executes it
 * (the jobs table is the queue on both engines; src/jobs/, decision 0008).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    /** The step now running, a key the screens translate (e.g. 'reading', 'linking', 'writing'). */
    phase: text('phase'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<{ code: string; ja: string; en: string }>(),
    attempts: smallint('attempts').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Heartbeat of the worker holding the job; a running job whose heartbeat stops is taken up again. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** A job queued again after a passing failure is not claimed before this time (back-off). */
    runAfter: timestamp('run_after', { withTimezone: true }),
    /** The worker holding a running job (src/jobs/presence.ts): when it is gone, the job is queued again. */
    workerKey: integer('worker_key'),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.createdAt),
    index('jobs_prefecture_kind_idx').on(t.prefectureCode, t.kind, t.createdAt),
  ],
);

/**
 * Background jobs. The `jobs` table is both the queue and the record the screens read (status, progress,
 * phase, the reason of a failure). Workers claim a queued job with `FOR UPDATE SKIP LOCKED`, so any number of
 * app servers share one queue on PostgreSQL, and the embedded database runs the very same code in its one
 * process (docs/decisions/0008-background-jobs.md). A job that fails for a passing reason (a lost connection)
 * is retried with back-off, one whose input is wrong fails at once (retry.ts); a job whose worker is gone (a
 * crashed server: presence.ts) is queued again at the next poll. Handlers stage their rows in short batches and
 * make them visible in one final transaction, so a job that dies half-way has shown nothing and simply runs
 * again (decision 0016).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { type Database, type DbOrTx, rowsOf, type SystemDb } from '../db/client';
import { jobs } from '../db/schema';
import { AppError } from '../server/errors';
import type { Logger } from '../server/logger';
import { createWorkerPresence } from './presence';
import { classifyJobError, MAX_ATTEMPTS, nextStep } from './retry';

export type JobRow = typeof jobs.$inferSelect;

/** What a handler receives. `progress` writes the job row at once (outside any transaction of the handler). */
export type JobContext = {
  db: SystemDb;
  job: JobRow;
  log: Logger;
  now: () => Date;
  /**
   * Records the phase and fraction done (0–1); cheap enough to call a few hundred times per job. Throws
   * {@link JobLostError} when the job is no longer this worker's (it was taken over): the handler stops.
   */
  progress: (phase: string, fraction: number) => Promise<void>;
  /**
   * Gives way between two batches so that requests waiting for the database (the embedded one is a single
   * connection) run before the next batch; `batchMs` is how long the batch took.
   */
  giveWay: (batchMs: number) => Promise<void>;
  /**
   * Inside the transaction that makes the job's work visible: locks the job row and throws
   * {@link JobLostError} unless this attempt still holds it, so a job taken over never publishes twice.
   */
  assertOwner: (tx: DbOrTx) => Promise<void>;
};

/** The job was taken over by another worker (this one was thought gone): this attempt must stop writing. */
export class JobLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer held by this worker`);
  }
}

export type JobHandler = {
  /** Does the work; the returned object is stored as the job's result. */
  run: (ctx: JobContext) => Promise<Record<string, unknown> | undefined>;
  /** Marks the handler's own rows as failed (e.g. an import's status), after the job failed. */
  fail?: (db: SystemDb, job: JobRow, error: { code: string; ja: string; en: string }) => Promise<void>;
};

export type NewJob = {
  kind: string;
  prefectureCode: string;
  payload?: Record<string, unknown>;
  createdBy?: string | null;
};

/** A running job with no known worker (claimed before worker keys) and no heartbeat for this long is queued again. */
export const STALE_AFTER_MS = 30_000;
/**
 * A running job whose worker is alive but has sent no heartbeat for this long is taken to be stuck and queued
 * again. Generous: linking a national list keeps the event loop (and so the heartbeat) busy for many seconds.
 */
export const HUNG_AFTER_MS = 5 * 60_000;
const HEARTBEAT_MS = 5_000;
const POLL_MS = 1_000;
/** The longest pause a job takes between batches to let requests through. */
const MAX_GIVE_WAY_MS = 50;

/** Inserts a queued job (in the caller's transaction, so the job exists only if the request's change commits). */
export async function enqueueJob(tx: DbOrTx, job: NewJob): Promise<string> {
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      prefectureCode: job.prefectureCode,
      payload: job.payload ?? {},
      createdBy: job.createdBy ?? null,
    })
    .returning({ id: jobs.id });
  return row!.id;
}

function errorBody(e: unknown): { code: string; ja: string; en: string } {
  if (e instanceof AppError) {
    const body = e.toBody().error;
    return { code: body.code, ja: body.ja, en: body.en };
  }
  return {
    code: 'internal',
    ja: '処理中にシステムエラーが発生しました。何も保存されていません。',
    en: 'An internal error stopped the job. Nothing was saved.',
  };
}

const ABANDONED = {
  code: 'job_abandoned',
  ja: '処理が中断されました（サーバーの停止など）。何も保存されていません。もう一度実行してください。',
  en: 'The job was interrupted (a server stopped). Nothing was saved. Run it again.',
};

export type JobWorker = {
  /** Starts polling (and takes up abandoned jobs). */
  start(): void;
  /** Wakes a started worker now (after a request committed a new job); does nothing before start(). */
  kick(): void;
  /** Stops claiming; waits for the job in hand to finish. */
  stop(): Promise<void>;
  /** Runs the jobs that are due until none is left (tests and the command line); jobs in back-off wait. */
  drain(): Promise<void>;
};

/** A worker running one job at a time in this process. */
export function createJobWorker(opts: {
  db: Database;
  log: Logger;
  now: () => Date;
  /** Read at the first run, so the handlers may close over the Deps that hold this worker. */
  handlers: () => Readonly<Record<string, JobHandler>>;
}): JobWorker {
  const { log, now } = opts;
  const db = opts.db.systemDb;
  const presence = createWorkerPresence(opts.db, log);
  let handlerTable: Readonly<Record<string, JobHandler>> | null = null;
  const handlersOf = () => {
    handlerTable ??= opts.handlers();
    return handlerTable;
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let again = false;

  /** Queues again the running jobs whose worker is gone (or silent too long); fails those out of attempts. */
  async function requeueAbandoned() {
    const at = now().getTime();
    const abandoned = or(
      presence.workerGone(),
      and(isNull(jobs.workerKey), lt(jobs.heartbeatAt, new Date(at - STALE_AFTER_MS))),
      lt(jobs.heartbeatAt, new Date(at - HUNG_AFTER_MS)),
    );
    const requeued = await db
      .update(jobs)
      .set({ status: 'queued', phase: null, progress: 0, workerKey: null, runAfter: null })
      .where(and(eq(jobs.status, 'running'), abandoned, lt(jobs.attempts, MAX_ATTEMPTS)))
      .returning({ id: jobs.id, kind: jobs.kind, attempts: jobs.attempts });
    for (const j of requeued)
      log.warn({ jobId: j.id, kind: j.kind, attempt: j.attempts }, 'job requeued: its worker is gone');
    const gaveUp = await db
      .update(jobs)
      .set({ status: 'failed', finishedAt: now(), workerKey: null, error: ABANDONED })
      .where(and(eq(jobs.status, 'running'), abandoned))
      .returning();
    for (const job of gaveUp) {
      log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job failed: its worker was lost');
      await handlersOf()[job.kind]?.fail?.(db, job, ABANDONED);
    }
  }

  async function claim(): Promise<JobRow | null> {
    const kinds = Object.keys(handlersOf());
    if (kinds.length === 0) return null;
    const at = now().toISOString();
    const rows = await db.execute(sql`
      update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1, run_after = null,
        worker_key = ${presence.key}, started_at = ${at}::timestamptz, heartbeat_at = ${at}::timestamptz
      where ${jobs.id} = (
        select id from ${jobs}
        where ${jobs.status} = 'queued' and (${jobs.runAfter} is null or ${jobs.runAfter} <= ${at}::timestamptz)
          and ${jobs.kind} in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
        order by ${jobs.createdAt}, ${jobs.id}
        for update skip locked
        limit 1)
      returning id`);
    const id = rowsOf<{ id: string }>(rows)[0]?.id;
    if (!id) return null;
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    return job ?? null;
  }

  async function runOne(job: JobRow) {
    const handler = handlersOf()[job.kind]!;
    const jobLog = log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    // Every write to the row is conditional on this attempt still holding the job.
    const mine = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));
    let lost = false;
    let lastBeat = Date.now();
    const progress = async (phase: string, fraction: number) => {
      if (lost) throw new JobLostError(job.id);
      const beat = Date.now() - lastBeat > HEARTBEAT_MS;
      if (beat) lastBeat = Date.now();
      const held = await db
        .update(jobs)
        .set({ phase, progress: Math.max(0, Math.min(1, fraction)), ...(beat ? { heartbeatAt: now() } : {}) })
        .where(mine)
        .returning({ id: jobs.id });
      if (held.length === 0) {
        lost = true;
        throw new JobLostError(job.id);
      }
    };
    const giveWay = async (batchMs: number) => {
      if (lost) throw new JobLostError(job.id);
      await sleep(Math.max(1, Math.min(MAX_GIVE_WAY_MS, Math.round(batchMs))));
    };
    const assertOwner = async (tx: DbOrTx) => {
      const [held] = await tx.select({ id: jobs.id }).from(jobs).where(mine).for('update');
      if (!held) {
        lost = true;
        throw new JobLostError(job.id);
      }
    };
    const beat = setInterval(() => {
      lastBeat = Date.now();
      db.update(jobs)
        .set({ heartbeatAt: now() })
        .where(mine)
        .returning({ id: jobs.id })
        .then((held) => {
          if (held.length === 0) lost = true;
        })
        .catch((err) => jobLog.warn({ err }, 'job heartbeat failed'));
    }, HEARTBEAT_MS);
    beat.unref();
    try {
      const result = await handler.run({ db, job, log: jobLog, now, progress, giveWay, assertOwner });
      const done = await db
        .update(jobs)
        .set({ status: 'succeeded', progress: 1, finishedAt: now(), result: result ?? null, workerKey: null })
        .where(mine)
        .returning({ id: jobs.id });
      if (done.length) jobLog.info('job succeeded');
      else jobLog.warn('job finished after another worker took it over; its result is left to that worker');
    } catch (e) {
      await failed(job, e, jobLog, mine);
    } finally {
      clearInterval(beat);
    }
  }

  /** After a handler threw: retry later, or fail for good and let the handler mark its own rows. */
  async function failed(job: JobRow, e: unknown, jobLog: Logger, mine: ReturnType<typeof and>) {
    if (e instanceof JobLostError) {
      jobLog.warn('job stopped: another worker took it over');
      return;
    }
    const error = errorBody(e);
    const kind = classifyJobError(e);
    const step = nextStep(kind, job.attempts);
    if (step.retry) {
      jobLog.warn({ err: e, code: error.code, retryInMs: step.delayMs }, 'job failed; will retry');
      await db
        .update(jobs)
        .set({
          status: 'queued',
          phase: null,
          progress: 0,
          workerKey: null,
          runAfter: new Date(now().getTime() + step.delayMs),
        })
        .where(mine);
      return;
    }
    if (kind === 'permanent' && e instanceof AppError) jobLog.info({ code: error.code }, 'job failed');
    else jobLog.error({ err: e, code: error.code }, 'job failed for good');
    const marked = await db
      .update(jobs)
      .set({ status: 'failed', finishedAt: now(), error, workerKey: null })
      .where(mine)
      .returning({ id: jobs.id });
    if (marked.length === 0) return;
    try {
      await handlersOf()[job.kind]?.fail?.(db, job, error);
    } catch (err) {
      jobLog.error({ err }, 'job failure hook failed');
    }
  }

  async function loop() {
    do {
      again = false;
      await presence.ensure();
      await requeueAbandoned();
      for (let job = await claim(); job && !stopped; job = await claim()) await runOne(job);
    } while (again && !stopped);
  }

  function pump(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop()
      .catch((err) => log.error({ err }, 'job worker loop failed'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    start() {
      stopped = false;
      if (timer) return;
      timer = setInterval(() => void pump(), POLL_MS);
      timer.unref();
      void pump();
    },
    kick() {
      if (timer && !stopped) void pump();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      await presence.release();
    },
    async drain() {
      stopped = false;
      do await pump();
      while (running);
      // A worker used only for draining (tests, the command line) holds no connection between drains.
      if (!timer) await presence.release();
    },
  };
}

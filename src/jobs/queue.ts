/**
 * Background jobs. The `jobs` table is both the queue and the record the screens read (status, progress,
 * phase, the reason of a failure). Workers claim a queued job with `FOR UPDATE SKIP LOCKED`, so any number of
 * app servers share one queue on PostgreSQL, and the embedded database runs the very same code in its one
 * process (docs/decisions/0008-background-jobs.md). A job whose worker stops sending heartbeats (a crashed or
 * stopped server) is queued again; handlers write their results in one transaction at the end, so a job that
 * dies half-way has written nothing and simply runs again.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf, type SystemDb } from '../db/client';
import { jobs } from '../db/schema';
import { AppError } from '../server/errors';
import type { Logger } from '../server/logger';

export type JobRow = typeof jobs.$inferSelect;

/** What a handler receives. `progress` writes the job row at once (outside any transaction of the handler). */
export type JobContext = {
  db: SystemDb;
  job: JobRow;
  log: Logger;
  now: () => Date;
  /** Records the phase and fraction done (0–1); cheap enough to call a few hundred times per job. */
  progress: (phase: string, fraction: number) => Promise<void>;
};

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

/** A job that has not sent a heartbeat for this long is considered abandoned and queued again. */
export const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 10_000;
const POLL_MS = 1_000;
/** A job that failed by crashing its worker this many times is failed for good. */
const MAX_ATTEMPTS = 3;

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

export type JobWorker = {
  /** Starts polling (and takes up abandoned jobs). */
  start(): void;
  /** Wakes a started worker now (after a request committed a new job); does nothing before start(). */
  kick(): void;
  /** Stops claiming; waits for the job in hand to finish. */
  stop(): Promise<void>;
  /** Runs queued jobs until none is left (tests and the command line). */
  drain(): Promise<void>;
};

/** A worker running one job at a time in this process. */
export function createJobWorker(opts: {
  db: SystemDb;
  log: Logger;
  now: () => Date;
  /** Read at the first run, so the handlers may close over the Deps that hold this worker. */
  handlers: () => Readonly<Record<string, JobHandler>>;
}): JobWorker {
  const { db, log, now } = opts;
  let handlerTable: Readonly<Record<string, JobHandler>> | null = null;
  const handlersOf = () => {
    handlerTable ??= opts.handlers();
    return handlerTable;
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let again = false;

  async function requeueAbandoned() {
    const before = new Date(now().getTime() - STALE_AFTER_MS);
    await db
      .update(jobs)
      .set({ status: 'queued', phase: null, progress: 0 })
      .where(and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, before), lt(jobs.attempts, MAX_ATTEMPTS)));
    const gaveUp = await db
      .update(jobs)
      .set({
        status: 'failed',
        finishedAt: now(),
        error: {
          code: 'job_abandoned',
          ja: '処理が中断されました（サーバーの停止など）。何も保存されていません。もう一度実行してください。',
          en: 'The job was interrupted (a server stopped). Nothing was saved. Run it again.',
        },
      })
      .where(and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, before)))
      .returning();
    for (const job of gaveUp) await handlersOf()[job.kind]?.fail?.(db, job, job.error!);
  }

  async function claim(): Promise<JobRow | null> {
    const kinds = Object.keys(handlersOf());
    if (kinds.length === 0) return null;
    const at = now();
    const rows = await db.execute(sql`
      update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1,
        started_at = ${at.toISOString()}::timestamptz, heartbeat_at = ${at.toISOString()}::timestamptz
      where ${jobs.id} = (
        select id from ${jobs}
        where ${jobs.status} = 'queued' and ${jobs.kind} in (${sql.join(
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
    const jobLog = log.child({ jobId: job.id, kind: job.kind });
    let lastBeat = Date.now();
    const progress = async (phase: string, fraction: number) => {
      const beat = Date.now() - lastBeat > HEARTBEAT_MS;
      if (beat) lastBeat = Date.now();
      await db
        .update(jobs)
        .set({
          phase,
          progress: Math.max(0, Math.min(1, fraction)),
          ...(beat ? { heartbeatAt: now() } : {}),
        })
        .where(eq(jobs.id, job.id));
    };
    const beat = setInterval(() => {
      lastBeat = Date.now();
      db.update(jobs)
        .set({ heartbeatAt: now() })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running')))
        .catch((err) => jobLog.warn({ err }, 'job heartbeat failed'));
    }, HEARTBEAT_MS);
    beat.unref();
    try {
      const result = await handler.run({ db, job, log: jobLog, now, progress });
      await db
        .update(jobs)
        .set({ status: 'succeeded', progress: 1, finishedAt: now(), result: result ?? null })
        .where(eq(jobs.id, job.id));
      jobLog.info('job succeeded');
    } catch (e) {
      const error = errorBody(e);
      if (error.code === 'internal') jobLog.error({ err: e }, 'job failed');
      else jobLog.info({ code: error.code }, 'job failed');
      await db.update(jobs).set({ status: 'failed', finishedAt: now(), error }).where(eq(jobs.id, job.id));
      try {
        await handler.fail?.(db, job, error);
      } catch (err) {
        jobLog.error({ err }, 'job failure hook failed');
      }
    } finally {
      clearInterval(beat);
    }
  }

  async function loop() {
    do {
      again = false;
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
    },
    async drain() {
      stopped = false;
      do await pump();
      while (running);
    },
  };
}

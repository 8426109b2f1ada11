import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../db/client';
import { jobs } from '../db/schema';
import { AppError } from '../server/errors';
import { createLogger } from '../server/logger';
import { TestClock } from '../test/app';
import { createTestDatabase, testDbKind } from '../test/db';
import { makePrefecture } from '../test/factories';
import { WORKER_LOCK_CLASS } from './presence';
import { createJobWorker, enqueueJob, HUNG_AFTER_MS, type JobHandler, type JobRow } from './queue';
import { RETRY_BASE_MS } from './retry';

/**
 * Faults injected into the job worker, on both engines: a connection error once (retried after back-off and
 * then succeeding), an input error (failed at once), a worker that is gone while its job still says running
 * (queued again at the next poll, long before any heartbeat goes stale), and on PostgreSQL a worker whose
 * session the server ends under it (another worker takes the job over; the first stops without writing).
 */
let db: Database;
const clock = new TestClock(new Date('2026-06-01T00:00:00Z'));
const log = createLogger('silent');
const runs: string[] = [];
let flakyFailures = 0;
/** Released by the test: the 'test.hang' handler waits for it between two progress reports. */
let release: () => void = () => {};
let hangStarted: () => void = () => {};

/** What node-postgres raises when the server ends the session (SQLSTATE 57P01 admin_shutdown). */
function connectionError(): Error {
  return Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
}

const handlers: Record<string, JobHandler> = {
  'test.flaky': {
    async run({ job }) {
      runs.push(job.id);
      if (flakyFailures > 0) {
        flakyFailures--;
        throw connectionError();
      }
      return { ok: true };
    },
  },
  'test.bad-input': {
    async run({ job }) {
      runs.push(job.id);
      throw new AppError('census_file_has_errors');
    },
  },
  'test.ok': {
    async run({ job }) {
      runs.push(job.id);
      return {};
    },
  },
  'test.hang': {
    async run({ job, progress }) {
      runs.push(job.id);
      await progress('working', 0.1);
      hangStarted();
      await new Promise<void>((r) => {
        release = r;
      });
      // The worker was taken over meanwhile: this throws and the attempt ends without a result.
      await progress('working', 0.9);
      return { finished: true };
    },
  },
};

function worker() {
  return createJobWorker({ db, log, now: clock.now, handlers: () => handlers });
}

async function jobRow(id: string): Promise<JobRow> {
  const [row] = await db.systemDb.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await makePrefecture(db.systemDb, '43');
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  runs.length = 0;
  flakyFailures = 0;
  await db.systemDb.delete(jobs);
});

describe('job faults', () => {
  it('retries a job whose handler lost its connection once, after the back-off, and it succeeds', async () => {
    flakyFailures = 1;
    const id = await enqueueJob(db.systemDb, { kind: 'test.flaky', prefectureCode: '43' });
    const w = worker();
    await w.drain();
    const waiting = await jobRow(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, error: null, workerKey: null });
    expect(waiting.runAfter!.getTime()).toBe(clock.now().getTime() + RETRY_BASE_MS);
    // Not before its time.
    clock.advance(RETRY_BASE_MS - 1000);
    await w.drain();
    expect(runs).toEqual([id]);
    clock.advance(1000);
    await w.drain();
    expect(runs).toEqual([id, id]);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { ok: true } });
  });

  it('fails a job with bad input at once, without a retry', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.bad-input', prefectureCode: '43' });
    const w = worker();
    await w.drain();
    clock.advance(10 * RETRY_BASE_MS);
    await w.drain();
    expect(runs).toEqual([id]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, runAfter: null });
    expect(row.error!.code).toBe('census_file_has_errors');
  });

  it('queues again at once a running job whose worker is gone, though its heartbeat is fresh', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.ok', prefectureCode: '43' });
    // As a server that crashed a moment after claiming it leaves the row: no worker holds key 4242.
    await db.systemDb
      .update(jobs)
      .set({
        status: 'running',
        attempts: 1,
        startedAt: clock.now(),
        heartbeatAt: clock.now(),
        workerKey: 4242,
      })
      .where(eq(jobs.id, id));
    await worker().drain();
    expect(runs).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2, workerKey: null });
  });

  it('leaves alone a job whose worker is alive, until its heartbeat has been silent for the hung bound', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.hang', prefectureCode: '43' });
    const first = worker();
    const started = new Promise<void>((r) => {
      hangStarted = r;
    });
    const firstDrain = first.drain();
    await started;
    const second = worker();
    await second.drain();
    expect(runs).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: 'running', attempts: 1 });
    // Silent for longer than the hung bound: the second worker takes it over; the first stops when it resumes.
    clock.advance(HUNG_AFTER_MS + 1000);
    const secondStarted = new Promise<void>((r) => {
      hangStarted = r;
    });
    const releaseFirst = release;
    const secondDrain = second.drain();
    await secondStarted;
    releaseFirst();
    await firstDrain;
    expect(await jobRow(id)).toMatchObject({ status: 'running', attempts: 2 });
    release();
    await secondDrain;
    expect(runs).toEqual([id, id]);
    // The second attempt still held the job, so its result is the one kept.
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { finished: true } });
  });

  it.runIf(testDbKind() === 'postgres')(
    'takes over at once the job of a worker whose database session was ended; that worker then stops',
    async () => {
      const id = await enqueueJob(db.systemDb, { kind: 'test.hang', prefectureCode: '43' });
      const first = worker();
      const started = new Promise<void>((r) => {
        hangStarted = r;
      });
      const firstDrain = first.drain();
      await started;
      const [held] = await db.systemDb.select({ key: jobs.workerKey }).from(jobs).where(eq(jobs.id, id));
      // The server ends the first worker's session (as when its process dies): its advisory lock goes with it.
      await db.systemDb.execute(sql`select pg_terminate_backend(pid) from pg_locks
        where locktype = 'advisory' and classid = ${WORKER_LOCK_CLASS}::oid and objid = ${held!.key}::oid`);
      // The lock goes when the server has ended the session: wait for that (up to 10 s on a busy machine), and
      // fail here, naming it, rather than hang below if it never goes.
      const lockHeld = async () =>
        rowsOf<{ n: number }>(
          await db.systemDb.execute(sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and classid = ${WORKER_LOCK_CLASS}::oid and objid = ${held!.key}::oid`),
        )[0]!.n;
      await expect.poll(lockHeld, { timeout: 10_000, interval: 20 }).toBe(0);
      const second = worker();
      const secondStarted = new Promise<void>((r) => {
        hangStarted = r;
      });
      const releaseFirst = release;
      const secondDrain = second.drain();
      await secondStarted;
      expect(await jobRow(id)).toMatchObject({ status: 'running', attempts: 2 });
      releaseFirst();
      await firstDrain;
      release();
      await secondDrain;
      expect(runs).toEqual([id, id]);
      expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    },
  );
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { jobs } from '../db/schema';
import { AppError } from '../server/errors';
import { createLogger } from '../server/logger';
import { TestClock } from '../test/app';
import { createTestDatabase } from '../test/db';
import { makePrefecture } from '../test/factories';
import { createJobWorker, enqueueJob, type JobHandler, type JobRow, STALE_AFTER_MS } from './queue';
import { MAX_ATTEMPTS, RETRY_BASE_MS } from './retry';

/**
 * The job worker on both engines: a queued job runs once and records its result; an error that may pass is
 * retried with back-off and fails for good after the last attempt with a bilingual reason, an AppError about
 * the input fails at once keeping its code, and either calls the handler's fail(); a job whose worker stopped
 * sending heartbeats runs again, up to the attempt limit; concurrent workers never run one job twice.
 * Workers that vanish and connection errors are in worker-faults.db.test.ts.
 */
let db: Database;
const clock = new TestClock(new Date('2026-06-01T00:00:00Z'));
const log = createLogger('silent');

const runs: string[] = [];
const failed: { id: string; code: string }[] = [];

const handlers: Record<string, JobHandler> = {
  'test.ok': {
    async run({ job, progress }) {
      runs.push(job.id);
      await progress('working', 0.5);
      return { echoed: job.payload.value ?? null };
    },
    async fail(_db, job, error) {
      failed.push({ id: job.id, code: error.code });
    },
  },
  'test.boom': {
    async run({ job }) {
      runs.push(job.id);
      throw new Error('secret internal detail');
    },
    async fail(_db, job, error) {
      failed.push({ id: job.id, code: error.code });
    },
  },
  'test.app-error': {
    async run({ job }) {
      runs.push(job.id);
      throw new AppError('census_file_unreadable');
    },
  },
  'test.slow': {
    async run({ job }) {
      runs.push(job.id);
      await new Promise((r) => setTimeout(r, 5));
      return {};
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
  failed.length = 0;
  // Jobs of earlier tests are finished; start each test with an empty queue all the same.
  await db.systemDb.delete(jobs);
});

describe('job worker', () => {
  it('runs a queued job on drain and marks it succeeded with its result', async () => {
    const id = await enqueueJob(db.systemDb, {
      kind: 'test.ok',
      prefectureCode: '43',
      payload: { value: 7 },
    });
    expect((await jobRow(id)).status).toBe('queued');
    await worker().drain();
    expect(runs).toEqual([id]);
    const row = await jobRow(id);
    expect(row).toMatchObject({
      status: 'succeeded',
      progress: 1,
      phase: 'working',
      result: { echoed: 7 },
      error: null,
      attempts: 1,
    });
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
  });

  it('retries an unexpected error, then marks it failed with a bilingual reason that hides the detail', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.boom', prefectureCode: '43' });
    const w = worker();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await w.drain();
      expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: attempt, error: null });
      expect(failed).toEqual([]);
      clock.advance(RETRY_BASE_MS * 4 ** (attempt - 1));
    }
    await w.drain();
    expect(runs).toEqual(Array(MAX_ATTEMPTS).fill(id));
    const row = await jobRow(id);
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.status).toBe('failed');
    expect(row.error).toEqual({
      code: 'internal',
      ja: expect.stringMatching(/[ぁ-んァ-ン一-龥]/),
      en: expect.stringContaining('Nothing was saved'),
    });
    expect(JSON.stringify(row.error)).not.toContain('secret');
    expect(failed).toEqual([{ id, code: 'internal' }]);
  });

  it('fails an AppError about the input at once, keeping its code and messages', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.app-error', prefectureCode: '43' });
    await worker().drain();
    const row = await jobRow(id);
    expect(runs).toEqual([id]);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.error).toEqual({
      code: 'census_file_unreadable',
      ja: new AppError('census_file_unreadable').toBody().error.ja,
      en: new AppError('census_file_unreadable').toBody().error.en,
    });
  });

  it('does not run a queued job of a kind it has no handler for', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'other.kind', prefectureCode: '43' });
    await worker().drain();
    expect((await jobRow(id)).status).toBe('queued');
  });

  it('queues a running job with a stale heartbeat again and runs it', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.ok', prefectureCode: '43' });
    const stale = new Date(clock.now().getTime() - STALE_AFTER_MS - 1000);
    await db.systemDb
      .update(jobs)
      .set({ status: 'running', attempts: 1, startedAt: stale, heartbeatAt: stale })
      .where(eq(jobs.id, id));
    // A job whose heartbeat is fresh belongs to a live worker and is left alone.
    const live = await enqueueJob(db.systemDb, { kind: 'test.ok', prefectureCode: '43' });
    await db.systemDb
      .update(jobs)
      .set({ status: 'running', attempts: 1, startedAt: clock.now(), heartbeatAt: clock.now() })
      .where(eq(jobs.id, live));

    await worker().drain();
    expect(runs).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(await jobRow(live)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('fails a job for good once it was abandoned on its last attempt, and calls fail()', async () => {
    const id = await enqueueJob(db.systemDb, { kind: 'test.ok', prefectureCode: '43' });
    const stale = new Date(clock.now().getTime() - STALE_AFTER_MS - 1000);
    const abandon = () =>
      db.systemDb.update(jobs).set({ status: 'running', heartbeatAt: stale }).where(eq(jobs.id, id));
    // Every attempt but the last dies (the heartbeat stops); each time the job is queued again and run.
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await db.systemDb.update(jobs).set({ attempts: attempt }).where(eq(jobs.id, id));
      await abandon();
      await worker().drain();
      expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: attempt + 1 });
    }
    // The last attempt dies too: no further run.
    runs.length = 0;
    await db.systemDb.update(jobs).set({ attempts: MAX_ATTEMPTS }).where(eq(jobs.id, id));
    await abandon();
    await worker().drain();
    expect(runs).toEqual([]);
    const row = await jobRow(id);
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({
      code: 'job_abandoned',
      en: expect.stringContaining('Nothing was saved'),
    });
    expect(row.error!.ja).toContain('何も保存されていません');
    expect(failed).toEqual([{ id, code: 'job_abandoned' }]);
  });

  it('never runs one job twice when two workers drain at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(await enqueueJob(db.systemDb, { kind: 'test.slow', prefectureCode: '43' }));
    const a = worker();
    const b = worker();
    await Promise.all([a.drain(), b.drain(), a.drain()]);
    expect([...runs].sort()).toEqual([...ids].sort());
    const rows = await db.systemDb.select().from(jobs);
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
  });
});

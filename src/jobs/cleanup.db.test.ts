import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { jobs } from '../db/schema';
import { moduleSchedules } from '../server/modules';
import { createTestDatabase } from '../test/db';
import { makePrefecture } from '../test/factories';
import { CLEANUP_JOB_KIND, cleanUpJobs, KEEP_FAILED_DAYS, KEEP_SUCCEEDED_DAYS } from './cleanup';
import { queueScheduledJobs } from './schedule';

/**
 * The daily clean-up of finished scheduled jobs: succeeded rows go after a week, failed ones after 90 days, only
 * of the scheduled kinds and the prefecture of the job; queued, running and person-started jobs stay.
 */
let db: Database;
const NOW = new Date('2026-12-08T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

beforeAll(async () => {
  db = await createTestDatabase();
  await makePrefecture(db.systemDb, '14');
  await makePrefecture(db.systemDb, '43');
});
afterAll(() => db.close());

describe('jobs.cleanup', () => {
  it('is scheduled once a day per prefecture with the other scheduled kinds', async () => {
    const schedules = moduleSchedules();
    expect(schedules.map((s) => s.kind)).toEqual(
      expect.arrayContaining([CLEANUP_JOB_KIND, 'consultations.escalate', 'notifications.digest']),
    );
    expect(schedules.find((s) => s.kind === CLEANUP_JOB_KIND)!.everyMs).toBe(86_400_000);
    const only = schedules.filter((s) => s.kind === CLEANUP_JOB_KIND);
    expect(await queueScheduledJobs(db.systemDb, only, NOW)).toBe(2);
    expect(await queueScheduledJobs(db.systemDb, only, new Date(NOW.getTime() + 3_600_000))).toBe(0);
    await db.systemDb.delete(jobs).where(eq(jobs.kind, CLEANUP_JOB_KIND));
  });

  it('deletes succeeded rows after a week and failed ones after 90 days, of scheduled kinds only', async () => {
    const row = (
      kind: string,
      status: 'queued' | 'running' | 'succeeded' | 'failed',
      age: number,
      pref = '14',
    ) => ({
      kind,
      status,
      prefectureCode: pref,
      createdAt: daysAgo(age),
      finishedAt: status === 'succeeded' || status === 'failed' ? daysAgo(age) : null,
    });
    const made = await db.systemDb
      .insert(jobs)
      .values([
        row('consultations.escalate', 'succeeded', KEEP_SUCCEEDED_DAYS + 1), // gone
        row('consultations.escalate', 'succeeded', KEEP_SUCCEEDED_DAYS - 1), // kept: recent
        row('consultations.escalate', 'failed', KEEP_SUCCEEDED_DAYS + 1), // kept: failed rows wait longer
        row('consultations.escalate', 'failed', KEEP_FAILED_DAYS + 1), // gone
        row('consultations.escalate', 'queued', 400), // kept: not finished
        row('census.import', 'succeeded', 400), // kept: a person started it
        row('consultations.escalate', 'succeeded', 400, '43'), // kept: another prefecture
      ])
      .returning({ id: jobs.id });
    const kinds = ['consultations.escalate', 'notifications.digest', CLEANUP_JOB_KIND];
    expect(await cleanUpJobs(db.systemDb, { prefectureCode: '14', kinds, now: NOW })).toBe(2);
    const left = new Set((await db.systemDb.select({ id: jobs.id }).from(jobs)).map((j) => j.id));
    expect(made.map((m) => left.has(m.id))).toEqual([false, true, true, false, true, true, true]);
    expect(await cleanUpJobs(db.systemDb, { prefectureCode: '14', kinds, now: NOW })).toBe(0);
  });
});

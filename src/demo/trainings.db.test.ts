import { describe, expect, it } from 'vitest';
import { trainingCourses, trainingSessions } from '../db/schema';
import { catalogue } from '../modules/learning/catalogue';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo trainings', () => {
  it('gives the demo prefecture a training year: courses of several owners and an open public catalogue', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const courses = await db.systemDb.select().from(trainingCourses);
      expect(new Set(courses.map((c) => c.kind)).size).toBeGreaterThanOrEqual(5);
      expect(courses.some((c) => c.ownerCentreId)).toBe(true);
      expect(courses.some((c) => c.ownerRegionId)).toBe(true);
      const sessions = await db.systemDb.select().from(trainingSessions);
      expect(new Set(sessions.map((s) => s.status))).toEqual(
        new Set(['open', 'closed', 'completed', 'draft', 'cancelled']),
      );
      const pub = await catalogue(db.systemDb, { prefecture: sessions[0]!.prefectureCode }, now);
      expect(pub.items.filter((s) => s.applicationsOpen).length).toBeGreaterThanOrEqual(2);
    } finally {
      await db.close();
    }
  }, 120_000);
});

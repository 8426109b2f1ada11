import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { trainingApplications, trainingSessions, users } from '../db/schema';
import { selectApplicants } from '../modules/learning/selection';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo applicants', () => {
  it('gives the coordinator course more applicants than seats, from every group and region, ready to select', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const apps = await db.systemDb
        .select({ a: trainingApplications, capacity: trainingSessions.capacity, role: users.role })
        .from(trainingApplications)
        .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
        .innerJoin(users, eq(users.id, trainingApplications.learnerUserId))
        // The open session to select for (past sessions and their participants: roster.ts).
        .where(eq(trainingSessions.status, 'open'));
      expect(new Set(apps.map((r) => r.a.sessionId)).size).toBe(1);
      const capacity = apps[0]!.capacity!;
      expect(apps.length).toBeGreaterThan(capacity);
      expect(apps.every((r) => r.role === 'learner' && r.a.status === 'applied')).toBe(true);
      expect(apps.every((r) => r.a.createdAt <= now)).toBe(true);

      // Regions with both groups (guaranteed) and one with medical applicants only.
      const groups = new Map<string, Set<string>>();
      for (const { a } of apps) {
        const key = a.regionId ?? '-';
        groups.set(key, (groups.get(key) ?? new Set()).add(a.professionGroup));
      }
      const both = [...groups.values()].filter((g) => g.size === 2).length;
      expect(both).toBeGreaterThanOrEqual(2);
      expect([...groups.values()].some((g) => g.size === 1 && g.has('medical'))).toBe(true);

      // The rule fills every seat, the guarantees first.
      const result = selectApplicants(
        apps.map(({ a }) => ({ id: a.id, region: a.regionId, professionGroup: a.professionGroup })),
        capacity,
        '0123456789abcdef',
      );
      expect(result.selected).toHaveLength(capacity);
      expect(result.guaranteeSeatsGiven).toBe(2 * both);

      // The demo learner accounts are among the applicants.
      const demoLearners = await db.systemDb.select().from(users).where(eq(users.role, 'learner'));
      const withPassword = demoLearners.filter((u) => u.passwordHash !== null);
      expect(withPassword.length).toBeGreaterThan(0);
      for (const u of withPassword) expect(apps.some((r) => r.a.learnerUserId === u.id)).toBe(true);
    } finally {
      await db.close();
    }
  }, 180_000);
});

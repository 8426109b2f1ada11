import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { councilActionItems, councilBodies, councilMeetings, users } from '../db/schema';
import { resolveActor } from '../modules/access/resolve-actor';
import { councilCounts } from '../modules/councils/summary';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { nendoOf } from '../shared/nendo';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo councils', () => {
  it('gives bodies at each tier a year of meetings, published minutes and open action items for the demo accounts', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const bodies = await db.systemDb.select().from(councilBodies);
      expect(bodies.length).toBeGreaterThanOrEqual(6);
      expect(bodies.some((b) => b.ownerCentreId)).toBe(true);
      expect(bodies.some((b) => b.ownerRegionId)).toBe(true);
      expect(bodies.some((b) => !b.ownerCentreId && !b.ownerRegionId)).toBe(true);
      const meetings = await db.systemDb.select().from(councilMeetings);
      expect(meetings.filter((m) => m.status === 'held').length).toBeGreaterThan(20);
      expect(meetings.some((m) => m.status === 'planned' && m.startsAt > now)).toBe(true);
      expect(meetings.some((m) => m.minutesPublishedAt)).toBe(true);
      for (const role of ['centre_admin', 'regional_coordinator', 'municipal_staff'] as const) {
        const [u] = await db.systemDb.select().from(users).where(eq(users.role, role));
        const open = await db.systemDb
          .select()
          .from(councilActionItems)
          .where(and(eq(councilActionItems.ownerUserId, u!.id), eq(councilActionItems.status, 'open')));
        expect(open.length, role).toBeGreaterThan(0);
        const counts = await councilCounts(
          db.systemDb,
          await resolveActor(db.systemDb, u!),
          nendoOf('2025-06-01'),
          now,
        );
        expect(counts.heldTotal, role).toBeGreaterThan(0);
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});

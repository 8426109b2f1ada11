import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consultations, users } from '../db/schema';
import { resolveActor } from '../modules/access/resolve-actor';
import { listConsultations } from '../modules/consultations/queries';
import { ZListConsultationsQuery } from '../modules/consultations/schemas';
import { actorTeams } from '../modules/consultations/teams';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo consultations', () => {
  it('gives the demo prefecture a few hundred consultations, with a queue for the municipal account and each regional coordinator', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const [n] = await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(consultations);
      expect(n!.n).toBe(300);
      const tiers = await db.systemDb
        .select({ tier: consultations.firstTier, n: sql<number>`count(*)::int` })
        .from(consultations)
        .groupBy(consultations.firstTier);
      expect(tiers.map((t) => t.tier).sort()).toEqual(['centre', 'municipality', 'region']);
      const [muni] = await db.systemDb.select().from(users).where(eq(users.role, 'municipal_staff'));
      const actor = await resolveActor(db.systemDb, muni!);
      const teams = await actorTeams(db.systemDb, actor);
      const list = await listConsultations(
        db.systemDb,
        actor,
        ZListConsultationsQuery.parse({ view: 'team', status: 'any' }),
        teams,
        '2026-06-01',
      );
      expect(list.total).toBeGreaterThan(10);
      // Every regional coordinator of the demo has open cases of their own region on arrival.
      const coordinators = await db.systemDb
        .select()
        .from(users)
        .where(eq(users.role, 'regional_coordinator'));
      expect(coordinators.length).toBeGreaterThan(0);
      for (const c of coordinators) {
        const a = await resolveActor(db.systemDb, c);
        const open = await listConsultations(
          db.systemDb,
          a,
          ZListConsultationsQuery.parse({ view: 'team', status: 'open' }),
          await actorTeams(db.systemDb, a),
          '2026-06-01',
        );
        expect(open.total, c.email).toBeGreaterThanOrEqual(4);
      }
    } finally {
      await db.close();
    }
  }, 180_000);
});

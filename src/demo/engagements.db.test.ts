import { describe, expect, it } from 'vitest';
import { fourDivisionStatus } from '../modules/engagements/four-division';
import type { EngagementPolicy } from '../modules/engagements/policy';
import { listEngagements } from '../modules/engagements/queries';
import { countsWithin } from '../modules/engagements/summary';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { nendoOf } from '../shared/nendo';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

const WHOLE: EngagementPolicy = { prefectureCode: '14', area: { kind: 'prefecture' }, write: true };

describe('demo engagements', () => {
  it('gives every municipality a hearing visit, the overdue list work, and the support log its good examples', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-12-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const cycle = await fourDivisionStatus(db.systemDb, WHOLE, '2026-12-01');
      const hearings = await listEngagements(db.systemDb, WHOLE, { kind: 'hearing' }, 500);
      expect(new Set(hearings.items.map((h) => h.municipalityCode)).size).toBe(cycle.length);
      const overdue = cycle.filter((c) => c.state === 'overdue');
      expect(overdue.length).toBeGreaterThanOrEqual(2);
      expect(overdue.every((c) => c.daysOverdue > 0 && c.lastHeldOn !== null)).toBe(true);
      expect(cycle.filter((c) => c.state === 'on_track' || c.state === 'due').length).toBeGreaterThan(3);
      expect(cycle.some((c) => c.nextPlannedOn !== null)).toBe(true);
      expect(cycle.some((c) => c.version > 0 && c.ownerName !== null)).toBe(true);
      // 藤沢市 (the demo municipality) is on a cycle, and its own staff recorded some of its support log.
      const fujisawa = cycle.find((c) => c.municipalityName === '藤沢市')!;
      expect(fujisawa.onCycle).toBe(true);
      const own = await listEngagements(
        db.systemDb,
        WHOLE,
        { municipalityCode: fujisawa.municipalityCode },
        500,
      );
      expect(own.items.some((e) => e.recordedByMunicipality)).toBe(true);
      const good = await listEngagements(db.systemDb, WHOLE, { goodExample: 'true' }, 500);
      expect(good.total).toBeGreaterThan(0);
      const counts = await countsWithin(db.systemDb, WHOLE, nendoOf('2026-12-01'));
      expect(counts.support).toBeGreaterThan(20);
      expect(counts.four_division).toBeGreaterThan(5);
    } finally {
      await db.close();
    }
  }, 180_000);
});

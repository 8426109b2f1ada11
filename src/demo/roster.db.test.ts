import { describe, expect, it } from 'vitest';
import { trainingFigures } from '../modules/learning/figures/figures';
import type { LearningPolicy } from '../modules/learning/policy';
import { poolView } from '../modules/learning/roster/pool';
import { coordinatorRoster } from '../modules/learning/roster/roster';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { nendoOf } from '../shared/nendo';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

const WHOLE: LearningPolicy = {
  prefectureCode: '14',
  read: { kind: 'prefecture' },
  manage: { kind: 'prefecture' },
};

describe('demo coordinator roster, pools and training figures', () => {
  it('gives the roster trained coordinators in every region, the pools members and the figures content', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const roster = await coordinatorRoster(db.systemDb, '14', { kind: 'prefecture', edit: true });
      expect(roster.totals.trained).toBeGreaterThanOrEqual(25);
      expect(roster.totals.active).toBeGreaterThan(0);
      expect(roster.totals.inactive).toBeGreaterThan(0);
      expect(roster.totals.unconfirmed).toBeGreaterThan(0);
      // Two cohorts of earlier 年度, and a coordinator somewhere in every region of the prefecture.
      expect(new Set(roster.rows.map((r) => r.nendo))).toEqual(new Set([2024, 2025]));
      expect(roster.byRegion.every((r) => r.key !== '' && r.trained > 0)).toBe(true);
      expect(roster.byRegion.length).toBeGreaterThanOrEqual(3);
      expect(roster.rows.some((r) => r.completions > 0 && r.workplace !== null)).toBe(true);

      const pool = await poolView(db.systemDb, '14', { kind: 'prefecture', edit: true });
      for (const c of pool.centres) {
        const members = pool.members.filter((m) => m.centreId === c.id);
        expect(members.length, c.name).toBeGreaterThanOrEqual(1);
        expect(members.every((m) => m.tags.length >= 1)).toBe(true);
      }

      // The previous 年度's cohort in its figures; this year's follow-up session attended by graduates.
      const last = await trainingFigures(db.systemDb, WHOLE, 2025);
      expect(last.totals.participants).toBeGreaterThan(last.totals.completed);
      expect(last.totals.completed).toBeGreaterThan(0);
      expect(last.byCourseKind.map((k) => k.key)).toEqual(['coordinator_course']);
      const thisYear = await trainingFigures(db.systemDb, WHOLE, nendoOf('2026-06-01'));
      expect(thisYear.byCourseKind.map((k) => k.key)).toContain('follow_up');
      // Trained organisations, and consultations they asked after their staff's first completion.
      const latest = thisYear.followUp.at(-1)!;
      expect(latest.trainedOrganisations).toBeGreaterThan(0);
      expect(thisYear.followUp.reduce((n, y) => n + y.consultations, 0)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 180_000);
});

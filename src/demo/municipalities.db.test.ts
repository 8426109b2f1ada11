import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { municipalPageHistory } from '../db/schema';
import { municipalOverview } from '../modules/municipalities/overview';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo municipality pages', () => {
  it('gives every municipality of the prefecture a maturity in two 年度, with disparities and movement', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-12-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const view = await municipalOverview(
        db.systemDb,
        { prefectureCode: '14', area: { kind: 'prefecture' }, edit: true },
        2026,
      );
      expect(view.rows.length).toBe(33);
      // Every municipality has something recorded in both 年度.
      for (const r of view.rows) {
        expect(r.years[0]!.recorded, `${r.name} 2025`).toBeGreaterThan(0);
        expect(r.years[1]!.recorded, `${r.name} 2026`).toBeGreaterThan(0);
      }
      // Disparities: more than one band this 年度, and some municipalities moved on since the last.
      expect(new Set(view.rows.map((r) => r.years[1]!.band)).size).toBeGreaterThanOrEqual(2);
      expect(view.rows.some((r) => r.years[1]!.inPlace > r.years[0]!.inPlace)).toBe(true);
      // Most have placed a coordinator, some are considering (KA-5's picture).
      const coordinator = view.totals[1]!.byItem.find((i) => i.item === 'coordinator')!.counts;
      expect(coordinator.placed).toBeGreaterThan(view.rows.length / 2);
      expect(coordinator.considering).toBeGreaterThan(0);
      // The demo municipality's own staff recorded part of its page.
      const own = await db.systemDb
        .select({ id: municipalPageHistory.id })
        .from(municipalPageHistory)
        .where(
          and(
            eq(municipalPageHistory.municipalityCode, '142051'),
            eq(municipalPageHistory.changedByRole, 'municipal_staff'),
          ),
        );
      expect(own.length).toBeGreaterThanOrEqual(1);
    } finally {
      await db.close();
    }
  }, 180_000);
});

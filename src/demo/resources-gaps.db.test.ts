import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resourceServices } from '../db/schema';
import type { Actor } from '../modules/access/actor';
import { gaps } from '../modules/resources/gaps';
import { resourcePolicy } from '../modules/resources/policy';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { DEMO_PREFECTURE, seedDemo } from './seed';

/**
 * The demo directory looks like a real prefecture's survey: few providers accept ventilators, more accept
 * suction; and the gaps of the demo (its default number of children) tell shortages apart from enough.
 */
describe('demo resources and their gaps', () => {
  it('accepts ventilators rarely and shows a mix of shortage and enough, the table largest first', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        {
          passwords: 'demo password for tests',
        },
      );
      const services = await db.systemDb
        .select({ type: resourceServices.type, accepts: resourceServices.accepts })
        .from(resourceServices)
        .where(eq(resourceServices.status, 'active'));
      const share = (item: string, type?: string) => {
        const of = services.filter((s) => !type || s.type === type);
        return of.filter((s) => s.accepts.includes(item)).length / of.length;
      };
      expect(share('ventilator')).toBeGreaterThan(0);
      expect(share('ventilator')).toBeLessThan(0.1);
      expect(share('ventilator', 'after_school_day_service')).toBeLessThan(0.1);
      expect(share('suction')).toBeGreaterThan(2 * share('ventilator'));

      const actor: Actor = {
        userId: '00000000-0000-4000-8000-000000000000',
        email: 'probe@example.jp',
        displayName: 'probe',
        role: 'centre_admin',
        prefectureCode: DEMO_PREFECTURE,
        scope: { kind: 'prefecture' },
        locale: 'ja',
      };
      const g = await gaps(
        db.systemDb,
        { actor, meta: null, at: now, policy: resourcePolicy(actor), prefectureCode: DEMO_PREFECTURE },
        undefined,
      );
      const levels = g.regions.flatMap((r) => r.cells.map((c) => c.level));
      const count = (l: string) => levels.filter((x) => x === l).length;
      expect(count('low')).toBeGreaterThan(0);
      expect(count('noSupply') + count('high') + count('mid')).toBeGreaterThan(0);
      const shortages = g.shortages.map((s) => s.shortage);
      expect(shortages.every((n) => n > 0)).toBe(true);
      expect(shortages).toEqual([...shortages].sort((a, b) => b - a));
      const ventilator = g.regions.map((r) => r.cells.find((c) => c.careItem === 'ventilator')!);
      expect(ventilator.filter((c) => c.level !== 'low' && c.level !== 'none').length).toBeGreaterThan(
        ventilator.length / 2,
      );
    } finally {
      await db.close();
    }
  }, 240_000);
});

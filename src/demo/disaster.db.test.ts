import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { childDisasterProfiles } from '../db/schema';
import { coverage } from '../modules/disaster/coverage';
import { municipalityList } from '../modules/disaster/list';
import { requireDisasterReader } from '../modules/disaster/scope';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { resolveMunicipalityCode } from './prefecture-plans';
import { seedDemo } from './seed';

describe('demo disaster readiness', () => {
  it("gives 藤沢市's staff a list with profiles and plans to record, and the centre its coverage", async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-12-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 150, passwords: 'demo password for tests' },
      );
      const fujisawa = resolveMunicipalityCode('14', '藤沢市');
      const municipal = {
        role: 'municipal_staff',
        prefectureCode: '14',
        scope: { kind: 'municipality', municipalityCode: fujisawa },
      } as never;
      const list = await municipalityList(db.systemDb, requireDisasterReader(municipal), fujisawa);
      expect(list.rows.length).toBeGreaterThan(0);
      expect(list.rows[0]!.electricityDependent).toBe(true);
      expect(list.rows.some((r) => r.version > 0 && r.contacts.length > 0)).toBe(true);
      expect(list.counts.children).toBeGreaterThanOrEqual(list.counts.consented);
      const profiles = await db.systemDb
        .select()
        .from(childDisasterProfiles)
        .where(eq(childDisasterProfiles.prefectureCode, '14'));
      expect(profiles.length).toBeGreaterThan(5);
      const centre = { role: 'centre_staff', prefectureCode: '14', scope: { kind: 'prefecture' } } as never;
      const cov = await coverage(db.systemDb, centre);
      expect(cov.total.electricityDependent).toBeGreaterThan(0);
      expect(cov.total.agreedPlan).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 240_000);
});

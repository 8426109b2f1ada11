import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { goodPractices } from '../db/schema';
import { checkPersonalData } from '../modules/good-practices/personal-data';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo good practices', () => {
  it('publishes clean stories, leaves work for a checker and writes one up from a good example', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-12-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const rows = await db.systemDb
        .select()
        .from(goodPractices)
        .where(eq(goodPractices.prefectureCode, '14'));
      const published = rows.filter((r) => r.status === 'published');
      expect(published.length).toBeGreaterThanOrEqual(6);
      // What is published passes the check that publishing requires: nothing flagged at all.
      for (const r of published) expect(checkPersonalData(`${r.title}\n${r.summary}\n${r.body}`)).toEqual([]);
      expect(published.every((r) => r.checkedBy && r.checkedBy !== r.authorId)).toBe(true);
      expect(rows.filter((r) => r.status === 'checked')).toHaveLength(1);
      const drafts = rows.filter((r) => r.status === 'draft');
      expect(drafts).toHaveLength(2);
      // One draft holds a name with an honorific for the checker to look at.
      expect(drafts.some((d) => checkPersonalData(d.body).some((f) => f.kind === 'honorific_name'))).toBe(
        true,
      );
      expect(published.some((r) => r.sourceKind === 'engagement' && r.sourceId)).toBe(true);
      expect(published.filter((r) => r.contactPersonId && r.contactConsentOn).length).toBeGreaterThanOrEqual(
        2,
      );
    } finally {
      await db.close();
    }
  }, 300_000);
});

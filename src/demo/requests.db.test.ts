import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { trainingRequestEntries, trainingRequests } from '../db/schema';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo training requests', () => {
  it('gives the demo prefecture requests in every state, with their dialogue and sessions', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const rows = await db.systemDb.select().from(trainingRequests);
      expect(new Set(rows.map((r) => r.status))).toEqual(
        new Set(['received', 'in_dialogue', 'need_written', 'session_linked', 'done', 'declined']),
      );
      expect(rows.filter((r) => r.sessionId).length).toBe(2);
      expect(rows.some((r) => r.requesterKind === 'municipality')).toBe(true);
      const dialogue = rows.find((r) => r.status === 'in_dialogue')!;
      const entries = await db.systemDb
        .select()
        .from(trainingRequestEntries)
        .where(eq(trainingRequestEntries.requestId, dialogue.id));
      expect(entries.map((e) => e.side)).toEqual(['centre', 'requester']);
    } finally {
      await db.close();
    }
  }, 120_000);
});

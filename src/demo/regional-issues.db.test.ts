import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  developmentProjects,
  engagements,
  regionalIssueConsultations,
  regionalIssueEvents,
  regionalIssues,
} from '../db/schema';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo regional issues and development projects', () => {
  it('gives issues at every level, one answered, one ended in a project opened as a directory listing', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const issues = await db.systemDb.select().from(regionalIssues);
      expect(new Set(issues.map((i) => i.level))).toEqual(
        new Set(['region', 'prefecture_council', 'proposal', 'answered']),
      );
      expect(issues.some((i) => i.level === 'answered' && i.answerText && i.status === 'open')).toBe(true);
      expect(issues.some((i) => i.municipalityCode && i.status === 'open')).toBe(true);
      // 藤沢市's staff raised one from their municipality's newest hearing or four-division meeting before it.
      const fromMeeting = issues.filter((i) => i.sourceKind === 'hearing');
      expect(fromMeeting).toHaveLength(1);
      const [meeting] = await db.systemDb
        .select()
        .from(engagements)
        .where(eq(engagements.id, fromMeeting[0]!.sourceId!));
      expect(meeting).toMatchObject({ municipalityCode: fromMeeting[0]!.municipalityCode, status: 'held' });
      expect(meeting!.occurredOn <= fromMeeting[0]!.raisedOn).toBe(true);
      const developed = issues.find((i) => i.outcome === 'development')!;
      const projects = await db.systemDb.select().from(developmentProjects);
      const fromIssue = projects.find((p) => p.issueId === developed.id)!;
      expect(fromIssue).toMatchObject({ stage: 'opened' });
      expect(fromIssue.resourceServiceId).not.toBeNull();
      expect(new Set(projects.map((p) => p.stage))).toEqual(
        new Set(['operator_advised', 'paperwork', 'designated', 'opened']),
      );
      expect((await db.systemDb.select().from(regionalIssueConsultations)).length).toBeGreaterThan(10);
      const events = await db.systemDb.select().from(regionalIssueEvents);
      expect(events.filter((e) => e.kind === 'project_started').length).toBe(1);
      expect(events.filter((e) => e.kind === 'answered').length).toBe(2);
    } finally {
      await db.close();
    }
  }, 120_000);
});

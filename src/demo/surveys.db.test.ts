import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resourceServices, surveyAnswers, surveyInvitations, surveys } from '../db/schema';
import { careMappingProblems, careQuestion, proposeCare } from '../modules/surveys/care-rules';
import { censusMappingProblems, censusQuestion, reportedFigure } from '../modules/surveys/census-rules';
import { surveyResults } from '../modules/surveys/results';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { checkAnswers, definitionProblems } from '../shared/survey';
import { createTestDatabase } from '../test/db';
import { seedDemo } from './seed';

describe('demo surveys', () => {
  it('seeds a parents questionnaire answered across regions, an anonymous evaluation and a municipal survey', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-12-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 10, passwords: 'demo password for tests' },
      );
      const rows = await db.systemDb.select().from(surveys).where(eq(surveys.prefectureCode, '14'));
      expect(rows.map((s) => s.status).sort()).toEqual(['open', 'open', 'open', 'open']);
      for (const s of rows) expect(definitionProblems(s.definition)).toEqual([]);
      const answers = await db.systemDb.select().from(surveyAnswers);
      // Every answer is one the answering page would have accepted.
      for (const a of answers) {
        const def = rows.find((s) => s.id === a.surveyId)!.definition;
        expect(checkAnswers(def, a.answers).problems).toEqual([]);
      }
      const parents = rows.find((s) => s.audience === 'parents')!;
      const invitations = await db.systemDb
        .select()
        .from(surveyInvitations)
        .where(eq(surveyInvitations.surveyId, parents.id));
      expect(invitations.filter((i) => !i.answered).length).toBeGreaterThan(0);
      const results = await surveyResults(db.systemDb, parents, {});
      expect(results.total).toBe(invitations.filter((i) => i.answered).length);
      expect(results.byRegion.length).toBeGreaterThanOrEqual(2);
      expect(results.byMunicipality.length).toBeGreaterThanOrEqual(3);
      // The anonymous survey's answers keep no invitation and no time.
      const anonymous = rows.find((s) => s.anonymous)!;
      const kept = answers.filter((a) => a.surveyId === anonymous.id);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((a) => a.invitationId === null && a.submittedAt === null)).toBe(true);
      // The providers' survey: answers by listing, each proposing changes to its accepted care (NA-4).
      const providers = rows.find((s) => s.audience === 'providers')!;
      expect(careMappingProblems(providers.definition)).toEqual([]);
      const question = careQuestion(providers.definition)!;
      const byListing = await db.systemDb
        .select({ answers: surveyAnswers.answers, service: resourceServices })
        .from(surveyAnswers)
        .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyAnswers.invitationId))
        .innerJoin(resourceServices, eq(resourceServices.id, surveyInvitations.serviceId))
        .where(eq(surveyAnswers.surveyId, providers.id));
      expect(byListing.length).toBe(3);
      for (const a of byListing) {
        expect(proposeCare(a.service.careItems, question, a.answers).changes.length).toBeGreaterThan(0);
      }
      // The municipal survey: counts of children by municipality, ready for the census review (ME-3).
      const municipal = rows.find((s) => s.audience === 'municipalities')!;
      expect(censusMappingProblems(municipal.definition)).toEqual([]);
      const count = censusQuestion(municipal.definition)!;
      const byMunicipality = await db.systemDb
        .select({ answers: surveyAnswers.answers, municipalityCode: surveyInvitations.municipalityCode })
        .from(surveyAnswers)
        .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyAnswers.invitationId))
        .where(eq(surveyAnswers.surveyId, municipal.id));
      expect(byMunicipality.length).toBe(3);
      expect(byMunicipality.map((a) => a.municipalityCode)).toContain('142051');
      for (const a of byMunicipality) expect(reportedFigure(count, a.answers).figure).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });
});

/**
 * The results page's kept count (results-cache.ts): a second view between two answers reads the kept row and
 * shows the same; a new answer, and a change of the survey, make the next view count again; each filter and
 * language is kept apart; no time is kept.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResultCounts } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { surveyVia } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let centre: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  centre = w.users.centre.client;
}, 60_000);
afterAll(() => t.close());

const answer = (token: string, municipalityCode: string, satisfied: string) =>
  new TestClient(t).post(`/api/public/surveys/${token}/answers`, {
    municipalityCode,
    answers: { satisfied },
  });

async function kept(surveyId: string) {
  return t.db.systemDb
    .select()
    .from(surveyResultCounts)
    .where(and(eq(surveyResultCounts.surveyId, surveyId), eq(surveyResultCounts.filterKey, '||ja')));
}

describe('survey results kept between answers', () => {
  it('reads the kept count until an answer arrives, then counts again', async () => {
    const s = await surveyVia(centre);
    expect((await answer(s.openToken, '142051', 'no')).status).toBe(201);
    const first = await centre.get(`/api/surveys/${s.id}/results`);
    expect(first.body.total).toBe(1);
    const [row] = await kept(s.id);
    expect(row).toMatchObject({ answersSeen: 1 });
    expect(Object.keys(row!).sort()).toEqual([
      'answersSeen',
      'filterKey',
      'results',
      'surveyId',
      'surveyVersion',
    ]);

    // What a second view reads is the kept row: marked here, it shows.
    await t.db.systemDb
      .update(surveyResultCounts)
      .set({ results: { ...first.body, total: 99 } })
      .where(and(eq(surveyResultCounts.surveyId, s.id), eq(surveyResultCounts.filterKey, '||ja')));
    expect((await centre.get(`/api/surveys/${s.id}/results`)).body.total).toBe(99);

    // A new answer: counted again, exactly.
    expect((await answer(s.openToken, '142077', 'yes')).status).toBe(201);
    const second = await centre.get(`/api/surveys/${s.id}/results`);
    expect(second.body.total).toBe(2);
    expect(second.body.questions[0].counts.map((c: { count: number }) => c.count)).toEqual([1, 0, 1]);
    expect((await kept(s.id))[0]).toMatchObject({ answersSeen: 2 });

    // Each filter is its own count.
    const east: string = second.body.byRegion[0].regionId;
    const region = await centre.get(`/api/surveys/${s.id}/results?regionId=${east}`);
    expect(region.body.total).toBe(2);
    expect((await centre.get(`/api/surveys/${s.id}/results?regionId=${w.regionB.id}`)).body.total).toBe(0);
    const keys = await t.db.systemDb
      .select({ k: surveyResultCounts.filterKey })
      .from(surveyResultCounts)
      .where(eq(surveyResultCounts.surveyId, s.id));
    expect(keys.map((k) => k.k).sort()).toEqual(['||ja', `${east}||ja`, `${w.regionB.id}||ja`].sort());
  });

  it('counts again once the survey changed (closed: a new version)', async () => {
    const s = await surveyVia(centre);
    expect((await answer(s.openToken, '142051', 'mid')).status).toBe(201);
    await centre.get(`/api/surveys/${s.id}/results`);
    const [before] = await kept(s.id);
    const closed = await centre.post(`/api/surveys/${s.id}/status`, { version: 2, status: 'closed' });
    expect(closed.status).toBe(200);
    expect((await centre.get(`/api/surveys/${s.id}/results`)).body.total).toBe(1);
    const [after] = await kept(s.id);
    expect(after!.surveyVersion).toBeGreaterThan(before!.surveyVersion);
  });
});

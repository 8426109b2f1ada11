/**
 * The results page's kept counts (results-cache.ts): a view counts only the answers added since the last count,
 * into their cells, and what it shows equals counting every answer again (`surveyResults`) — for the whole
 * prefecture, one region and one municipality; a change of the survey counts everything again; nothing is
 * counted twice when views and answers come together; the kept counts have no time.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyAnswers, surveyCountCells, surveyResultCounts, surveys } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { surveyResults } from './results';
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

const PLACES = ['142051', '142077', '142034', undefined] as const;
const CHOICES = ['yes', 'mid', 'no'] as const;

/** The i-th answer: a municipality in turn (or none), a choice, needs, a number and a text. */
async function answer(token: string, i: number) {
  const satisfied = CHOICES[i % 3]!;
  const res = await new TestClient(t).post(`/api/public/surveys/${token}/answers`, {
    ...(PLACES[i % 4] ? { municipalityCode: PLACES[i % 4] } : {}),
    answers: {
      satisfied,
      ...(satisfied !== 'yes' ? { needs: i % 2 ? ['short_stay', 'nursery'] : ['transport'] } : {}),
      age: (i * 7) % 19,
      comment: `意見 ${i}`,
    },
  });
  expect(res.status).toBe(201);
}

async function survey(id: string) {
  const [s] = await t.db.systemDb.select().from(surveys).where(eq(surveys.id, id));
  return s!;
}

/** Every filter's page as the results page shows it equals counting every answer again. */
async function expectSameAsRecount(id: string) {
  const s = await survey(id);
  for (const query of [
    {},
    { regionId: w.regionA.id },
    { regionId: w.regionB.id },
    { municipalityCode: '142077' },
  ]) {
    const params = new URLSearchParams(query as Record<string, string>).toString();
    const shown = await centre.get(`/api/surveys/${id}/results?${params}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(await surveyResults(t.db.systemDb, s, query));
  }
}

const uncounted = async (id: string) =>
  (await t.db.systemDb.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, id))).filter(
    (a) => !a.counted,
  ).length;

describe('survey results counted as answers arrive', () => {
  it('adds only the new answers, and shows what a full recount shows', async () => {
    const s = await surveyVia(centre);
    for (let i = 0; i < 10; i++) await answer(s.openToken, i);
    expect(await uncounted(s.id)).toBe(10);
    await expectSameAsRecount(s.id);
    expect(await uncounted(s.id)).toBe(0);
    const first = (await centre.get(`/api/surveys/${s.id}/results`)).body;
    expect(first.total).toBe(10);
    const byRegion = new Map(
      first.byRegion.map((r: { regionId: string; count: number }) => [r.regionId, r.count]),
    );
    expect(byRegion).toEqual(
      new Map([
        [w.regionA.id, 6],
        [w.regionB.id, 2],
        [null, 2],
      ]),
    );

    // New answers wait uncounted until a view adds them to their cells.
    for (let i = 10; i < 17; i++) await answer(s.openToken, i);
    expect(await uncounted(s.id)).toBe(7);
    await expectSameAsRecount(s.id);
    expect(await uncounted(s.id)).toBe(0);
    const region = (await centre.get(`/api/surveys/${s.id}/results?regionId=${w.regionB.id}`)).body;
    expect(region.total).toBe(4);
    expect(region.byMunicipality.map((m: { code: string }) => m.code)).toEqual(['142034']);

    // The view reads the kept cells and adds only what is new: a mark put in a kept cell stays in the count.
    const cells = await t.db.systemDb
      .select()
      .from(surveyCountCells)
      .where(eq(surveyCountCells.surveyId, s.id));
    const hiratsuka = cells.find((c) => c.municipalityCode === '142034')!;
    const tally = hiratsuka.tally as { channels: Record<string, number> };
    await t.db.systemDb
      .update(surveyCountCells)
      .set({ tally: { ...tally, channels: { open_link: (tally.channels.open_link ?? 0) + 100 } } })
      .where(eq(surveyCountCells.cellKey, hiratsuka.cellKey));
    // Without a new answer the page as last built is read (one row) …
    expect((await centre.get(`/api/surveys/${s.id}/results`)).body.total).toBe(17);
    const pages = await t.db.systemDb
      .select()
      .from(surveyResultCounts)
      .where(eq(surveyResultCounts.surveyId, s.id));
    expect(pages.map((p) => p.filterKey).sort()).toEqual(
      ['||ja', `${w.regionA.id}||ja`, `${w.regionB.id}||ja`, '|142077|ja'].sort(),
    );
    expect(pages.every((p) => p.answersSeen === 17)).toBe(true);
    // … and a new answer is added to the cells as they are kept.
    await answer(s.openToken, 17);
    const marked = (await centre.get(`/api/surveys/${s.id}/results`)).body;
    expect(marked.total).toBe(118);
    // No time is kept with the counts.
    expect(Object.keys(cells[0]!).sort()).toEqual([
      'cellKey',
      'municipalityCode',
      'regionId',
      'surveyId',
      'tally',
    ]);
    expect(JSON.stringify(cells)).not.toMatch(/T\d\d:\d\d/);

    // A change of the survey (closed: a new version) counts every answer again, and the mark is gone.
    const closed = await centre.post(`/api/surveys/${s.id}/status`, { version: 2, status: 'closed' });
    expect(closed.status).toBe(200);
    expect((await centre.get(`/api/surveys/${s.id}/results`)).body.total).toBe(18);
    await expectSameAsRecount(s.id);
  });

  it('counts each answer once when views and answers come together', async () => {
    const s = await surveyVia(centre);
    await answer(s.openToken, 0);
    await centre.get(`/api/surveys/${s.id}/results`);
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => answer(s.openToken, i + 1)),
      ...Array.from({ length: 6 }, (_, i) =>
        centre.get(`/api/surveys/${s.id}/results${i % 2 ? `?regionId=${w.regionA.id}` : ''}`),
      ),
    ]);
    await expectSameAsRecount(s.id);
    expect((await centre.get(`/api/surveys/${s.id}/results`)).body.total).toBe(13);
  });

  it('keeps the newest texts in order across cells and counts', async () => {
    const s = await surveyVia(centre);
    for (let i = 0; i < 5; i++) await answer(s.openToken, i);
    // The first five came on an earlier day.
    await t.db.systemDb
      .update(surveyAnswers)
      .set({ submittedOn: '2026-04-01' })
      .where(eq(surveyAnswers.surveyId, s.id));
    await centre.get(`/api/surveys/${s.id}/results`);
    for (let i = 5; i < 9; i++) await answer(s.openToken, i);
    const page = (await centre.get(`/api/surveys/${s.id}/results`)).body;
    const texts: string[] = page.questions
      .find((q: { id: string }) => q.id === 'comment')
      .texts.map((x: { text: string }) => x.text);
    expect(texts.slice(0, 4).sort()).toEqual(['意見 5', '意見 6', '意見 7', '意見 8']);
    expect(texts).toHaveLength(9);
    await expectSameAsRecount(s.id);
  });
});

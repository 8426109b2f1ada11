/**
 * The answers one by one (answers-list.ts, GET /api/surveys/{id}/answers): a named survey's answer shows its
 * personal link's label and time, an anonymous one neither; the results' filter applies; each read is audited —
 * naming the answers of a named survey, never an anonymous survey's; the denied story is surveys-denied.db.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyAnswers } from '../../db/schema';
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

/** Two personal links (藤沢市, 平塚市) answered in that order, and one open-link answer without a place. */
async function answered(anonymous: boolean) {
  const s = await surveyVia(centre, { anonymous });
  const sent = await centre.post(`/api/surveys/${s.id}/invitations`, {
    recipients: [
      { name: '山田 花子', municipalityCode: '142051' },
      { name: '佐藤 一郎', municipalityCode: '142034' },
    ],
  });
  const links: { url: string }[] = sent.body.links;
  for (const [i, l] of links.entries()) {
    t.clock.advance(60_000);
    const res = await new TestClient(t).post(`/api/public/surveys/${l.url.split('/').pop()}/answers`, {
      answers: { satisfied: i ? 'no' : 'yes', age: 4 + i, comment: `意見${i}` },
    });
    expect(res.status).toBe(201);
  }
  t.clock.advance(60_000);
  await new TestClient(t).post(`/api/public/surveys/${s.openToken}/answers`, {
    answers: { satisfied: 'mid' },
  });
  return s;
}

const readsOf = async (surveyId: string) =>
  (await t.db.systemDb.select().from(auditLog).where(eq(auditLog.action, 'read'))).filter(
    (e) =>
      (e.detail as { event?: string }).event === 'answers_read' && e.entityIds.length > 0 && surveyId !== '',
  );

describe('survey answers one by one', () => {
  it('pages through a named survey with each link’s label, within a filter, audited by answer', async () => {
    const s = await answered(false);
    const first = await centre.get(`/api/surveys/${s.id}/answers`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({
      number: 1,
      respondent: '山田 花子',
      municipalityName: '藤沢市',
      regionName: w.regionA.name,
      channel: 'personal_link',
      answers: { satisfied: 'yes', age: 4, comment: '意見0' },
    });
    expect(first.body.items[0].submittedAt).toMatch(/T/);
    const second = await centre.get(`/api/surveys/${s.id}/answers?offset=1`);
    expect(second.body.items[0]).toMatchObject({
      number: 2,
      respondent: '佐藤 一郎',
      municipalityName: '平塚市',
    });
    const third = await centre.get(`/api/surveys/${s.id}/answers?offset=2`);
    expect(third.body.items[0]).toMatchObject({ number: 3, respondent: null, channel: 'open_link' });
    expect((await centre.get(`/api/surveys/${s.id}/answers?offset=3`)).body.items).toEqual([]);

    // The results' filter: one region holds only 平塚市's answer.
    const region = await centre.get(`/api/surveys/${s.id}/answers?regionId=${w.regionB.id}&limit=10`);
    expect(region.body.total).toBe(1);
    expect(region.body.items.map((a: { respondent: string }) => a.respondent)).toEqual(['佐藤 一郎']);

    // Each read names the answers shown.
    const [a1] = await t.db.systemDb
      .select()
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.surveyId, s.id), eq(surveyAnswers.municipalityCode, '142051')));
    const reads = (await readsOf(s.id)).filter((e) => e.entityType === 'survey_answer');
    expect(reads.some((e) => e.entityIds.includes(a1!.id))).toBe(true);

    // A bad page is refused with a clear code and changes nothing.
    expect((await centre.get(`/api/surveys/${s.id}/answers?limit=500`)).status).toBe(400);
  });

  it('shows an anonymous survey’s answers without anyone or any time, and names no answer in the audit log', async () => {
    const s = await answered(true);
    const page = await w.users.auditor.client.get(`/api/surveys/${s.id}/answers?limit=10`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    for (const a of page.body.items) {
      expect(a.respondent).toBeNull();
      expect(a.submittedAt).toBeNull();
      expect(a.submittedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    expect(JSON.stringify(page.body)).not.toContain('山田');
    const ids = new Set(
      (await t.db.systemDb.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, s.id))).map(
        (a) => a.id,
      ),
    );
    const entries = await t.db.systemDb.select().from(auditLog);
    expect(entries.filter((e) => e.entityIds.some((id) => ids.has(id)))).toEqual([]);
    expect(
      entries.some(
        (e) =>
          e.entityType === 'survey_results' &&
          e.entityIds[0] === s.id &&
          (e.detail as { event?: string }).event === 'answers_read',
      ),
    ).toBe(true);
  });
});

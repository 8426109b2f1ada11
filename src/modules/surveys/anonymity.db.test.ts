/**
 * An anonymous survey keeps no link between an answer and a person (decision 0027): answered through personal
 * links, the answers carry no invitation and no time (only the day), no audit entry names an answer or an
 * invitation's use, the export has no respondent or time column, and the answers' ids do not follow the order
 * in which people answered — so neither a join nor an ordering ties an answer to whoever's link it came through.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client';
import { auditLog, surveyAnswers, surveyInvitations } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { consultationWorld } from '../consultations/testing';
import { surveyVia } from './testing';

let t: TestApp;
let centre: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  centre = (await consultationWorld(t)).users.centre.client;
}, 60_000);
afterAll(() => t.close());

describe('an anonymous survey', () => {
  it('cannot trace an answer to anyone', async () => {
    const s = await surveyVia(centre, { anonymous: true });
    const names = Array.from({ length: 12 }, (_, i) => `保護者${i + 1}`);
    const sent = await centre.post(`/api/surveys/${s.id}/invitations`, {
      recipients: names.map((name) => ({ name, municipalityCode: '142051' })),
    });
    const links: { name: string; url: string }[] = sent.body.links;
    // Each person answers with their own age, in the order of the list, minutes apart.
    for (const [i, l] of links.entries()) {
      t.clock.advance(60_000);
      const res = await new TestClient(t).post(`/api/public/surveys/${l.url.split('/').pop()}/answers`, {
        answers: { satisfied: 'yes', age: i + 1 },
      });
      expect(res.status).toBe(201);
    }
    const db = t.db.systemDb;
    const answers = await db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, s.id));
    expect(answers).toHaveLength(12);
    for (const a of answers) {
      expect(a.invitationId).toBeNull();
      expect(a.submittedAt).toBeNull();
      expect(a.channel).toBe('personal_link');
    }
    // Invitations know that their person answered, not when.
    const invitations = await db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, s.id));
    expect(invitations.every((i) => i.answered)).toBe(true);
    expect(Object.keys(invitations[0]!).some((k) => /answeredAt|updatedAt/.test(k))).toBe(false);

    // No audit entry names an answer, or the invitations after they were issued.
    const ids = new Set([...answers.map((a) => a.id), ...invitations.map((i) => i.id)]);
    const entries = await db.select().from(auditLog);
    const touching = entries.filter(
      (e) => e.entityType === 'survey_answer' || e.entityIds.some((id) => ids.has(id)),
    );
    expect(touching).toEqual([]);

    // Ordered by id (the only order a reader could use), the answers are not in the order of answering.
    const byId = rowsOf<{ age: number }>(
      await db.execute(sql`select (answers->>'age')::int as age from survey_answers
        where survey_id = ${s.id} order by id`),
    ).map((r) => r.age);
    expect(byId).not.toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    // The export has neither the respondent nor the time of answering.
    const res = await t.app.request(`/api/surveys/${s.id}/export?format=csv`, {
      headers: { cookie: centre.cookie!, 'x-forwarded-for': centre.ip },
    });
    const header = new TextDecoder('shift_jis').decode(await res.arrayBuffer()).split('\r\n')[0]!;
    expect(header.startsWith('番号,回答日,経路,圏域,市町村,')).toBe(true);
    expect(header).not.toContain('回答者');
    expect(header).not.toContain('回答日時');

    // A personal link still answers once, anonymous or not.
    const reused = await new TestClient(t).post(
      `/api/public/surveys/${links[0]!.url.split('/').pop()}/answers`,
      {
        answers: { satisfied: 'no' },
      },
    );
    expect(reused.body.error.code).toBe('survey_link_used');
  });
});

/**
 * NA-4 end to end through the API: a provider survey with the accepted-care question sent to the directory's
 * listings; a provider answers; staff see what would change and what stays, and nothing applies by itself;
 * one change applied under the listing's version (409 on a stale one), audited on the listing; a change the
 * answer does not propose is refused and changes nothing. Denied: the auditor reads but cannot apply, municipal
 * staff get 403, another prefecture's centre 404.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { createOrganizationVia, createServiceVia } from '../resources/testing';
import { parentSurveyBody, surveyVia } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let centre: TestClient;

const ACCEPT = [
  { value: 'accepted', label: '受け入れ可' },
  { value: 'accepted_with_conditions', label: '条件付きで可' },
  { value: 'not_accepted', label: '受け入れ不可' },
];
const careQuestion = (rows = ['suction', 'ventilator', 'oxygen', 'dialysis']) => ({
  id: 'care',
  type: 'matrix',
  title: '受け入れ可能な医療的ケア',
  required: false,
  maps: 'accepted_care',
  rows: rows.map((value) => ({ value, label: value })),
  choices: ACCEPT,
});
const providerSurvey = (q = careQuestion()) => ({
  title: '事業所の受け入れ状況調査',
  audience: 'providers',
  openLink: false,
  definition: { questions: [{ id: 'name', type: 'text', title: '回答者', required: false }, q] },
});

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  centre = w.users.centre.client;
}, 60_000);
afterAll(() => t.close());

describe('accepted care from a provider survey to the directory (NA-4)', () => {
  it('refuses a marker on rows that are not care items', async () => {
    const bad = await centre.post(
      '/api/surveys',
      parentSurveyBody(providerSurvey(careQuestion(['helicopter']))),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('definition.questions.1.rows');
  });

  it('sends to the listings, shows the proposed changes and applies the chosen ones under the version', async () => {
    const org = await createOrganizationVia(centre, { email: 'office@example.jp' });
    const himawari = await createServiceVia(centre, org);
    const other = await createServiceVia(centre, org, {
      name: 'あおぞら短期入所',
      type: 'medical_short_stay',
      location: { address: '平塚市浅間町1-1', latitude: 35.33, longitude: 139.35 },
    });
    const s = await surveyVia(centre, providerSurvey());
    const sent = await centre.post(`/api/surveys/${s.id}/invitations/directory`, {});
    expect(sent.status).toBe(200);
    const names = sent.body.links.map((l: { name: string }) => l.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('ひまわり放課後デイ')]));
    expect(names).toHaveLength(2);
    expect(sent.body.links.every((l: { email: string }) => l.email === 'office@example.jp')).toBe(true);
    // Listings already sent one are skipped.
    expect((await centre.post(`/api/surveys/${s.id}/invitations/directory`, {})).body.links).toEqual([]);
    // A parent survey cannot go to the directory.
    const parents = await surveyVia(centre, { openLink: false });
    const wrong = await centre.post(`/api/surveys/${parents.id}/invitations/directory`, {});
    expect([wrong.status, wrong.body.error.code]).toEqual([409, 'survey_not_for_providers']);

    const link = sent.body.links.find((l: { name: string }) => l.name.startsWith('ひまわり'));
    const token = link.url.split('/').pop();
    const answered = await new TestClient(t).post(`/api/public/surveys/${token}/answers`, {
      answers: {
        name: '施設長',
        care: {
          suction: 'accepted',
          ventilator: 'accepted',
          oxygen: 'accepted_with_conditions',
          dialysis: 'not_accepted',
        },
      },
    });
    expect(answered.status).toBe(201);

    const review = await centre.get(`/api/surveys/${s.id}/care-proposals`);
    expect(review.status).toBe(200);
    expect(review.body.question).toEqual({ id: 'care', title: '受け入れ可能な医療的ケア' });
    expect(review.body.items).toHaveLength(1);
    const item = review.body.items[0];
    expect(item.service).toMatchObject({
      id: himawari.id,
      name: 'ひまわり放課後デイ',
      version: himawari.version,
    });
    expect(item.changes).toEqual([
      { code: 'ventilator', from: 'accepted_with_conditions', to: 'accepted' },
      { code: 'oxygen', from: null, to: 'accepted_with_conditions' },
    ]);
    expect(item.unchanged.map((u: { code: string }) => u.code)).toEqual(['suction', 'dialysis']);
    expect(item.canApply).toBe(true);
    // Nothing applies by itself.
    const before = await centre.get(`/api/resources/services/${himawari.id}`);
    expect(before.body.version).toBe(himawari.version);
    expect(before.body.careItems.find((c: { code: string }) => c.code === 'oxygen')).toBeUndefined();

    const applyPath = `/api/surveys/${s.id}/care-proposals/${item.answerId}/apply`;
    const stale = await centre.post(applyPath, { serviceVersion: himawari.version - 1, codes: ['oxygen'] });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const one = await centre.post(applyPath, { serviceVersion: himawari.version, codes: ['oxygen'] });
    expect(one.status).toBe(200);
    expect(one.body.changes).toEqual([
      { code: 'ventilator', from: 'accepted_with_conditions', to: 'accepted' },
    ]);
    expect(one.body.applied).toMatchObject([{ code: 'oxygen', acceptance: 'accepted_with_conditions' }]);
    expect(one.body.service.version).toBe(himawari.version + 1);
    const after = await centre.get(`/api/resources/services/${himawari.id}`);
    expect(after.body.careItems).toContainEqual(
      expect.objectContaining({ code: 'oxygen', acceptance: 'accepted_with_conditions' }),
    );
    // The ventilator's condition written on the listing is kept while it is not applied.
    expect(after.body.careItems).toContainEqual(
      expect.objectContaining({ code: 'ventilator', conditions: '看護師2名の日のみ' }),
    );
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'resource_service'),
          sql`${auditLog.entityIds} @> ARRAY[${himawari.id}]::text[]`,
          sql`${auditLog.detail}->>'event' = 'survey_care_applied'`,
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({
      surveyId: s.id,
      changes: [{ code: 'oxygen', to: 'accepted_with_conditions' }],
    });

    // The version read before the change is stale now; a change the answer does not propose changes nothing.
    const again = await centre.post(applyPath, { serviceVersion: himawari.version, codes: ['ventilator'] });
    expect(again.status).toBe(409);
    const notProposed = await centre.post(applyPath, {
      serviceVersion: himawari.version + 1,
      codes: ['dialysis'],
    });
    expect([notProposed.status, notProposed.body.error.code]).toEqual([409, 'survey_care_not_proposed']);
    expect((await centre.get(`/api/resources/services/${himawari.id}`)).body.version).toBe(
      himawari.version + 1,
    );
    // The rest together.
    const rest = await centre.post(applyPath, {
      serviceVersion: himawari.version + 1,
      codes: ['ventilator'],
    });
    expect(rest.body).toMatchObject({ changes: [], canApply: false });
    expect(rest.body.applied.map((a: { code: string }) => a.code).sort()).toEqual(['oxygen', 'ventilator']);
    const final = await centre.get(`/api/resources/services/${himawari.id}`);
    expect(final.body.careItems).toContainEqual(
      expect.objectContaining({ code: 'ventilator', acceptance: 'accepted', conditions: null }),
    );
    expect(other.id).not.toBe(himawari.id);
  });

  it('denied: the auditor reads but cannot apply; municipal staff 403; another prefecture 404', async () => {
    const s = await surveyVia(centre, providerSurvey());
    const auditor = await w.users.auditor.client.get(`/api/surveys/${s.id}/care-proposals`);
    expect(auditor.status).toBe(200);
    const fake = '00000000-0000-4000-8000-000000000000';
    const apply = await w.users.auditor.client.post(`/api/surveys/${s.id}/care-proposals/${fake}/apply`, {
      serviceVersion: 1,
      codes: ['oxygen'],
    });
    expect(apply.status).toBe(403);
    expect((await w.users.fujisawa.client.get(`/api/surveys/${s.id}/care-proposals`)).status).toBe(403);
    expect((await w.users.centre43.client.get(`/api/surveys/${s.id}/care-proposals`)).status).toBe(404);
    const unknown = await centre.post(`/api/surveys/${s.id}/care-proposals/${fake}/apply`, {
      serviceVersion: 1,
      codes: ['oxygen'],
    });
    expect(unknown.status).toBe(404);
  });
});

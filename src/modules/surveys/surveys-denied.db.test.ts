/**
 * The denied story for surveys: another prefecture's centre gets 404 for every endpoint by id, as for an
 * unknown id, and its list lacks the survey; regional coordinators, municipal and provider staff, learners and
 * system administrators are refused with the same 403, real ids or not; auditors read and change nothing;
 * without a session, 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeOrganisation } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { surveyVia } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let surveyId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  surveyId = (await surveyVia(w.users.centre.client)).id;
}, 60_000);
afterAll(() => t.close());

function calls(id: string): [string, string, unknown?][] {
  return [
    ['GET', `/api/surveys/${id}`],
    ['GET', `/api/surveys/${id}/results`],
    ['GET', `/api/surveys/${id}/answers`],
    ['GET', `/api/surveys/${id}/invitations`],
    ['GET', `/api/surveys/${id}/export?format=csv`],
    ['PATCH', `/api/surveys/${id}`, { version: 2, title: 'x' }],
    ['POST', `/api/surveys/${id}/status`, { version: 2, status: 'closed' }],
    ['POST', `/api/surveys/${id}/invitations`, { recipients: [{ name: 'x' }] }],
    ['POST', `/api/surveys/${id}/reminders`],
  ];
}

async function answers(client: TestClient, id: string) {
  const out: [number, string | null][] = [];
  for (const [method, path, body] of calls(id)) {
    const res = await client.request(method, path, body);
    out.push([res.status, res.body?.error?.code ?? null]);
  }
  return out;
}

describe('surveys: denied', () => {
  it('another prefecture gets 404 by id, as for an unknown id, and does not list the survey', async () => {
    const other = w.users.centre43.client;
    const real = await answers(other, surveyId);
    expect(real).toEqual(await answers(other, UNKNOWN));
    expect(real.every(([s]) => s === 404)).toBe(true);
    expect((await other.get('/api/surveys')).body.items).toEqual([]);
  });

  it('roles other than the centre and auditors are refused by role, real id or not', async () => {
    const org = await makeOrganisation(t.db.systemDb, '14', { municipalityCode: '142051' });
    const refused = [
      w.users.coordA.client,
      w.users.fujisawa.client,
      (await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })).client,
      (await signedInUser(t, 'learner', { prefectureCode: '14' })).client,
      (await signedInUser(t, 'system_admin', { prefectureCode: null })).client,
    ];
    for (const client of refused) {
      const real = await answers(client, surveyId);
      expect(real).toEqual(await answers(client, UNKNOWN));
      expect(real.every(([s]) => s === 403)).toBe(true);
      expect((await client.get('/api/surveys')).status).toBe(403);
    }
  });

  it('auditors read but change nothing; without a session, 401', async () => {
    const auditor = w.users.auditor.client;
    expect((await auditor.get(`/api/surveys/${surveyId}`)).body.canManage).toBe(false);
    expect((await auditor.get(`/api/surveys/${surveyId}/results`)).status).toBe(200);
    expect((await auditor.patch(`/api/surveys/${surveyId}`, { version: 2, title: 'x' })).status).toBe(403);
    expect((await auditor.post(`/api/surveys/${surveyId}/reminders`)).status).toBe(403);
    expect((await auditor.post('/api/surveys', {})).status).toBe(400);
    expect((await new TestClient(t).get(`/api/surveys/${surveyId}`)).status).toBe(401);
  });
});

/**
 * The denied story for regional issues and development projects: another municipality (茅ヶ崎市 for an issue of
 * 藤沢市), a coordinator of another region and another prefecture get 404 for every endpoint by id, as for an
 * unknown id, and lists without the records; provider staff, learners and system administrators are refused
 * with the same 403, real ids or not; auditors read and change nothing; without a session, 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeOrganisation } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';

let t: TestApp;
let w: ConsultationWorld;
let issueId: string;
let projectId: string;
let provider: TestClient;
let learner: TestClient;
let sysadmin: TestClient;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const raised = await w.users.fujisawa.client.post('/api/regional-issues', {
    title: '保育所の看護師が足りない',
    description: '入園を希望する子がいるが看護師の配置がない。',
  });
  issueId = raised.body.id;
  const project = await w.users.coordA.client.post('/api/development-projects', {
    kind: 'nursery_nurse',
    title: '藤沢市の保育所に看護師を配置',
    municipalityCode: '142051',
    stage: 'operator_advised',
    advisedOn: '2026-06-01',
  });
  if (project.status !== 201) throw new Error(JSON.stringify(project.body));
  projectId = project.body.id;
  const org = await makeOrganisation(t.db.systemDb, '14', { municipalityCode: '142051' });
  provider = (await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id }))
    .client;
  learner = (await signedInUser(t, 'learner', { prefectureCode: '14' })).client;
  sysadmin = (await signedInUser(t, 'system_admin', { prefectureCode: null })).client;
}, 60_000);
afterAll(() => t.close());

function calls(issue: string, project: string): [string, string, unknown?][] {
  return [
    ['GET', `/api/regional-issues/${issue}`],
    ['PATCH', `/api/regional-issues/${issue}`, { version: 1, title: 'x' }],
    ['POST', `/api/regional-issues/${issue}/move`, { version: 1, move: 'carry_up' }],
    ['POST', `/api/regional-issues/${issue}/close`, { version: 1, outcome: 'withdrawn' }],
    ['GET', `/api/regional-issues/${issue}/candidates`],
    ['POST', `/api/regional-issues/${issue}/consultations`, { consultationId: UNKNOWN }],
    ['GET', `/api/development-projects/${project}`],
    ['PATCH', `/api/development-projects/${project}`, { version: 1, title: 'x' }],
    ['POST', `/api/development-projects/${project}/status`, { version: 1, stop: true }],
  ];
}

async function statuses(client: TestClient, issue: string, project: string) {
  const out: number[] = [];
  for (const [method, path, body] of calls(issue, project)) {
    out.push((await client.request(method, path, body)).status);
  }
  return out;
}

describe('regional issues denied', () => {
  it('outside the area: 404 for every endpoint by id, as for an unknown id, and lists without them', async () => {
    for (const client of [w.users.chigasaki.client, w.users.coordB.client, w.users.centre43.client]) {
      const real = await statuses(client, issueId, projectId);
      const unknown = await statuses(client, UNKNOWN, UNKNOWN);
      expect(real).toEqual(unknown);
      // Municipal staff keep no project: the change is refused by role before the id is read.
      if (client === w.users.chigasaki.client)
        expect(real).toEqual([404, 404, 404, 404, 404, 404, 404, 403, 403]);
      else expect(real).toEqual(Array(9).fill(404));
      const issues = await client.get('/api/regional-issues?status=all');
      expect(issues.status).toBe(200);
      expect(issues.body.items).toEqual([]);
      const projects = await client.get('/api/development-projects?status=all');
      expect(projects.body.items).toEqual([]);
    }
  });

  it('provider staff, learners and system administrators get the same 403 for real and unknown ids', async () => {
    for (const client of [provider, learner, sysadmin]) {
      expect(await statuses(client, issueId, projectId)).toEqual(Array(9).fill(403));
      expect(await statuses(client, UNKNOWN, UNKNOWN)).toEqual(Array(9).fill(403));
      expect((await client.get('/api/regional-issues')).status).toBe(403);
      expect((await client.get('/api/development-projects/figures')).status).toBe(403);
      expect((await client.post('/api/regional-issues', { title: 'x', description: 'y' })).status).toBe(403);
    }
  });

  it('auditors read and change nothing; 藤沢市 follows its issue and its project', async () => {
    const auditor = await statuses(w.users.auditor.client, issueId, projectId);
    expect(auditor).toEqual([200, 403, 403, 403, 200, 403, 200, 403, 403]);
    const fujisawa = await statuses(w.users.fujisawa.client, issueId, projectId);
    // Edits its issue while in the region; links only consultations it sees; moves nothing, keeps no project.
    expect(fujisawa).toEqual([200, 200, 403, 403, 200, 404, 200, 403, 403]);
  });

  it('an id that is not a uuid answers 404 like an unknown one', async () => {
    expect(await statuses(w.users.centreAdmin.client, 'not-a-uuid', 'not-a-uuid')).toEqual(
      Array(9).fill(404),
    );
  });

  it('without a session every endpoint answers 401', async () => {
    expect(await statuses(new TestClient(t), issueId, projectId)).toEqual(Array(9).fill(401));
  });
});

/**
 * The denied story for training requests: another prefecture, another municipality and a coordinator of
 * another region get 404 for every endpoint by id, as for an unknown id, and empty lists; learners and
 * system administrators are refused with the same 403, real ids or not; auditors read and change nothing;
 * requesters never take the centre's steps; without a session every endpoint answers 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { signedInUser } from '../../test/sign-in';
import { type LearningWorld, learningWorld } from './testing';

let t: TestApp;
let w: LearningWorld;
let req: { id: string };
let learner: TestClient;
let sysadmin: TestClient;
let otherMunicipal: TestClient;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  w = await learningWorld(t);
  req = (
    await w.users.municipal.post('/api/learning/requests', {
      askedFor: '吸引の研修',
      reason: '職員の入れ替わり',
    })
  ).body;
  learner = (await signedInUser(t, 'learner', { prefectureCode: '14' })).client;
  sysadmin = (await signedInUser(t, 'system_admin', { prefectureCode: null })).client;
  otherMunicipal = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142123' })
  ).client;
}, 60_000);
afterAll(() => t.close());

function calls(id: string): [string, string, unknown?][] {
  return [
    ['GET', `/api/learning/requests/${id}`],
    ['POST', `/api/learning/requests/${id}/entries`, { body: 'x' }],
    ['POST', `/api/learning/requests/${id}/need`, { version: 1, need: 'x' }],
    ['POST', `/api/learning/requests/${id}/session`, { version: 1, sessionId: UNKNOWN }],
    ['POST', `/api/learning/requests/${id}/close`, { version: 1, outcome: 'declined', reason: 'x' }],
    ['POST', `/api/learning/requests/${id}/assign`, { version: 1 }],
  ];
}

async function statuses(client: TestClient, id: string) {
  const out: number[] = [];
  for (const [method, path, body] of calls(id)) out.push((await client.request(method, path, body)).status);
  return out;
}

describe('training requests denied', () => {
  it('outside the area: 404 for every endpoint by id, as for an unknown id, and empty lists', async () => {
    for (const client of [w.users.other, otherMunicipal, w.users.coordB]) {
      const real = await statuses(client, req.id);
      if (client === otherMunicipal) {
        // A requester is refused the centre's steps by role (403) before any id is read.
        expect(real).toEqual([404, 404, 403, 403, 403, 403]);
      } else {
        expect(real).toEqual(Array(6).fill(404));
      }
      expect(await statuses(client, UNKNOWN)).toEqual(real);
      expect((await client.get('/api/learning/requests?status=all')).body.items).toEqual([]);
    }
  });

  it('learners and system administrators are refused every endpoint with the same 403', async () => {
    for (const client of [learner, sysadmin]) {
      expect(await statuses(client, req.id)).toEqual(Array(6).fill(403));
      expect(await statuses(client, UNKNOWN)).toEqual(Array(6).fill(403));
      expect((await client.get('/api/learning/requests')).status).toBe(403);
      expect((await client.post('/api/learning/requests', { askedFor: 'x', reason: 'y' })).status).toBe(403);
    }
  });

  it('auditors read and change nothing; the requester only adds to the dialogue', async () => {
    expect(await statuses(w.users.auditor, req.id)).toEqual([200, 403, 403, 403, 403, 403]);
    expect(
      (
        await w.users.auditor.post('/api/learning/requests', {
          askedFor: 'x',
          reason: 'y',
          requesterName: 'z',
        })
      ).status,
    ).toBe(403);
    expect(await statuses(w.users.municipal, req.id)).toEqual([200, 200, 403, 403, 403, 403]);
  });

  it('an id that is not a uuid answers 404 like an unknown one', async () => {
    expect(await statuses(w.users.admin, 'not-a-uuid')).toEqual(Array(6).fill(404));
  });

  it('without a session every endpoint answers 401', async () => {
    const anon = new TestClient(t);
    expect(await statuses(anon, req.id)).toEqual(Array(6).fill(401));
  });
});

/**
 * The denied story for courses and sessions: another prefecture gets 404 for every course and session
 * endpoint by id and never sees them in a list; staff who read a course or session of another owner may not
 * change it (403); roles without staff access (municipal, provider) are refused every endpoint with the same
 * 403, real ids or not; auditors read and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { courseBody, type LearningWorld, learningWorld, sessionBody } from './testing';

let t: TestApp;
let w: LearningWorld;
let hqCourse: { id: string };
let hqSession: { id: string };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  w = await learningWorld(t);
  hqCourse = (await w.users.admin.post('/api/learning/courses', courseBody())).body;
  hqSession = (await w.users.admin.post('/api/learning/sessions', sessionBody(hqCourse.id))).body;
}, 60_000);
afterAll(() => t.close());

function calls(courseId: string, sessionId: string): [string, string, unknown?][] {
  return [
    ['GET', `/api/learning/courses/${courseId}`],
    ['PATCH', `/api/learning/courses/${courseId}`, { version: 1, title: 'x' }],
    ['PUT', `/api/learning/courses/${courseId}/parts`, { version: 1, parts: [] }],
    ['POST', `/api/learning/courses/${courseId}/archive`, { version: 1 }],
    ['POST', `/api/learning/courses/${courseId}/restore`, { version: 1 }],
    ['GET', `/api/learning/sessions/${sessionId}`],
    ['PATCH', `/api/learning/sessions/${sessionId}`, { version: 1, capacity: 1 }],
    ['POST', `/api/learning/sessions/${sessionId}/status`, { version: 1, status: 'open' }],
  ];
}

async function statuses(client: TestClient, courseId: string, sessionId: string) {
  const out: number[] = [];
  for (const [method, path, body] of calls(courseId, sessionId)) {
    out.push((await client.request(method, path, body)).status);
  }
  return out;
}

describe('learning denied', () => {
  it('another prefecture gets 404 for every endpoint by id, as for an unknown id, and empty lists', async () => {
    const real = await statuses(w.users.other, hqCourse.id, hqSession.id);
    const unknown = await statuses(w.users.other, UNKNOWN, UNKNOWN);
    expect(real).toEqual(Array(real.length).fill(404));
    expect(unknown).toEqual(real);
    expect((await w.users.other.get('/api/learning/courses')).body.items).toEqual([]);
    expect((await w.users.other.get('/api/learning/sessions')).body.items).toEqual([]);
  });

  it('branch staff and a regional coordinator read the HQ course and session but may not change them', async () => {
    for (const client of [w.users.branchStaff, w.users.coordB]) {
      expect(await statuses(client, hqCourse.id, hqSession.id)).toEqual([
        200, 403, 403, 403, 403, 200, 403, 403,
      ]);
      expect(await statuses(client, UNKNOWN, UNKNOWN)).toEqual(Array(8).fill(404));
      const page = await client.get(`/api/learning/sessions/${hqSession.id}`);
      expect(page.body.canManage).toBe(false);
    }
  });

  it('a branch session is managed by its branch only, not by a region’s coordinator', async () => {
    const s = (await w.users.branchStaff.post('/api/learning/sessions', sessionBody(hqCourse.id))).body;
    const patch = await w.users.coordB.patch(`/api/learning/sessions/${s.id}`, { version: 1, capacity: 2 });
    expect(patch.status).toBe(403);
    const byAdmin = await w.users.admin.patch(`/api/learning/sessions/${s.id}`, { version: 1, capacity: 2 });
    expect(byAdmin.status).toBe(200);
  });

  it('municipal and provider staff are refused every endpoint with the same 403, real ids or not', async () => {
    for (const client of [w.users.municipal, w.users.provider]) {
      expect(await statuses(client, hqCourse.id, hqSession.id)).toEqual(Array(8).fill(403));
      expect(await statuses(client, UNKNOWN, UNKNOWN)).toEqual(Array(8).fill(403));
      expect((await client.get('/api/learning/courses')).status).toBe(403);
      expect((await client.get('/api/learning/sessions')).status).toBe(403);
      expect((await client.post('/api/learning/courses', courseBody())).status).toBe(403);
    }
  });

  it('auditors read everything and change nothing', async () => {
    expect(await statuses(w.users.auditor, hqCourse.id, hqSession.id)).toEqual([
      200, 403, 403, 403, 403, 200, 403, 403,
    ]);
    expect((await w.users.auditor.post('/api/learning/courses', courseBody())).status).toBe(403);
    expect((await w.users.auditor.get('/api/learning/sessions')).body.total).toBeGreaterThan(0);
  });

  it('without a session every endpoint answers 401', async () => {
    const { TestClient } = await import('../../test/app');
    const anon = new TestClient(t);
    expect(await statuses(anon, hqCourse.id, hqSession.id)).toEqual(Array(8).fill(401));
  });
});

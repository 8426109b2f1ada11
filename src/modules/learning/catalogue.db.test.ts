import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { courseBody, type LearningWorld, learningWorld, sessionBody } from './testing';

let t: TestApp;
let w: LearningWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await learningWorld(t);
}, 60_000);
afterAll(() => t.close());

async function openSession(courseId: string, over: Record<string, unknown> = {}) {
  const s = (await w.users.admin.post('/api/learning/sessions', sessionBody(courseId, over))).body;
  const o = await w.users.admin.post(`/api/learning/sessions/${s.id}/status`, { version: 1, status: 'open' });
  expect(o.status).toBe(200);
  return s;
}

describe('public catalogue', () => {
  it('lists open and upcoming sessions of public courses without signing in, and nothing personal', async () => {
    const pub = (await w.users.admin.post('/api/learning/courses', courseBody())).body;
    const hidden = (
      await w.users.admin.post('/api/learning/courses', courseBody({ isPublic: false, title: '内部研修' }))
    ).body;
    const open = await openSession(pub.id, { operatorName: '研修会社' });
    await openSession(hidden.id);
    const draft = (await w.users.admin.post('/api/learning/sessions', sessionBody(pub.id))).body;
    const past = await openSession(pub.id, { days: [{ heldOn: '2020-04-10' }] });
    const windowOver = await openSession(pub.id, {
      applicationsOpenAt: '2000-01-01T00:00:00+09:00',
      applicationsCloseAt: '2000-02-01T00:00:00+09:00',
    });

    const res = await new TestClient(t).get('/api/public/learning/sessions?prefecture=14');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(open.id);
    expect(ids).toContain(windowOver.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(past.id);
    expect(res.body.items.every((s: { courseTitle: string }) => s.courseTitle !== '内部研修')).toBe(true);
    const item = res.body.items.find((s: { id: string }) => s.id === open.id);
    expect(item).toMatchObject({
      courseKind: 'coordinator_course',
      delivery: 'in_person',
      capacity: 40,
      applicationsOpen: true,
      full: false,
      operatorName: '研修会社',
      coHosts: ['神奈川県医師会', '神奈川県看護協会'],
      organiser: '神奈川県医療的ケア児支援センター',
    });
    expect(Object.keys(item).sort()).toEqual(
      [
        'applicationsCloseAt',
        'applicationsOpen',
        'applicationsOpenAt',
        'capacity',
        'coHosts',
        'courseKind',
        'courseSummary',
        'courseTitle',
        'days',
        'delivery',
        'full',
        'id',
        'operatorName',
        'organiser',
        'place',
        'title',
      ].sort(),
    );
    const onlyOpen = await new TestClient(t).get('/api/public/learning/sessions?prefecture=14&open=true');
    expect(onlyOpen.body.items.map((s: { id: string }) => s.id)).not.toContain(windowOver.id);
    const other = await new TestClient(t).get('/api/public/learning/sessions?prefecture=43');
    expect(other.body.items).toEqual([]);
  });

  it('asks for the prefecture', async () => {
    expect((await new TestClient(t).get('/api/public/learning/sessions')).status).toBe(400);
  });
});

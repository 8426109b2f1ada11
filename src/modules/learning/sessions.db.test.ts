import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { courseBody, type LearningWorld, learningWorld, sessionBody } from './testing';

let t: TestApp;
let w: LearningWorld;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await learningWorld(t);
  courseId = (await w.users.admin.post('/api/learning/courses', courseBody())).body.id;
}, 60_000);
afterAll(() => t.close());

describe('sessions', () => {
  it('creates a draft with days, co-hosts and operator, and opens, closes and completes it', async () => {
    const created = await w.users.admin.post(
      '/api/learning/sessions',
      sessionBody(courseId, { operatorName: '株式会社かながわ研修', title: '令和8年度 第1回' }),
    );
    expect(created.status).toBe(201);
    const s = created.body;
    expect(s).toMatchObject({
      status: 'draft',
      title: '令和8年度 第1回',
      courseKind: 'coordinator_course',
      coHosts: ['神奈川県医師会', '神奈川県看護協会'],
      operatorName: '株式会社かながわ研修',
      capacity: 40,
      applicants: 0,
      dayCount: 2,
      applicationsOpen: false,
      version: 1,
    });
    expect(s.days.map((d: { seq: number; startsAt: string }) => [d.seq, d.startsAt])).toEqual([
      [1, '09:30'],
      [2, '09:30'],
    ]);
    expect(s.firstDate).toBe(s.days[0].heldOn);

    const opened = await w.users.admin.post(`/api/learning/sessions/${s.id}/status`, {
      version: 1,
      status: 'open',
    });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', applicationsOpen: true, version: 2 });
    const closed = await w.users.hqStaff.post(`/api/learning/sessions/${s.id}/status`, {
      version: 2,
      status: 'closed',
    });
    expect(closed.body.applicationsOpen).toBe(false);
    const done = await w.users.hqStaff.post(`/api/learning/sessions/${s.id}/status`, {
      version: 3,
      status: 'completed',
    });
    expect(done.body.status).toBe('completed');
    const again = await w.users.hqStaff.post(`/api/learning/sessions/${s.id}/status`, {
      version: 4,
      status: 'open',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'learning_session_transition']);
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_session'), eq(auditLog.action, 'update')));
    expect(audit.filter((a) => a.entityIds[0] === s.id).map((a) => a.detail.to)).toEqual([
      'open',
      'closed',
      'completed',
    ]);
  });

  it('the application window decides whether applications are open; a bad window is refused', async () => {
    const s = (
      await w.users.admin.post(
        '/api/learning/sessions',
        sessionBody(courseId, {
          applicationsOpenAt: '2000-01-01T00:00:00+09:00',
          applicationsCloseAt: '2000-02-01T00:00:00+09:00',
        }),
      )
    ).body;
    const opened = await w.users.admin.post(`/api/learning/sessions/${s.id}/status`, {
      version: 1,
      status: 'open',
    });
    expect(opened.body).toMatchObject({ status: 'open', applicationsOpen: false });
    const bad = await w.users.admin.patch(`/api/learning/sessions/${s.id}`, {
      version: 2,
      applicationsOpenAt: '2030-02-01T00:00:00+09:00',
      applicationsCloseAt: '2030-01-01T00:00:00+09:00',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toContain('applicationsCloseAt');
  });

  it('an open session needs a day and a place; a draft may be saved without them', async () => {
    const draft = await w.users.admin.post(
      '/api/learning/sessions',
      sessionBody(courseId, { place: '', days: [] }),
    );
    expect(draft.status).toBe(201);
    const open = await w.users.admin.post(`/api/learning/sessions/${draft.body.id}/status`, {
      version: 1,
      status: 'open',
    });
    expect([open.status, open.body.error.code]).toEqual([400, 'learning_session_incomplete']);
    const online = await w.users.admin.patch(`/api/learning/sessions/${draft.body.id}`, {
      version: 1,
      delivery: 'online',
      days: [{ heldOn: '2030-06-01', startsAt: '18:00', endsAt: '19:30' }],
    });
    expect(online.status).toBe(200);
    const now = await w.users.admin.post(`/api/learning/sessions/${draft.body.id}/status`, {
      version: 2,
      status: 'open',
    });
    expect(now.body.status).toBe('open');
  });

  it('edits days under optimistic locking, keeping the ids of the days kept', async () => {
    const s = (await w.users.admin.post('/api/learning/sessions', sessionBody(courseId))).body;
    const [d1] = s.days;
    const res = await w.users.admin.patch(`/api/learning/sessions/${s.id}`, {
      version: 1,
      capacity: 30,
      days: [{ heldOn: '2030-01-20' }, { id: d1.id, heldOn: d1.heldOn, startsAt: '10:00', endsAt: '12:00' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.capacity).toBe(30);
    expect(res.body.days.find((d: { id: string }) => d.id === d1.id).startsAt).toBe('10:00');
    expect(res.body.days).toHaveLength(2);
    const stale = await w.users.hqStaff.patch(`/api/learning/sessions/${s.id}`, { version: 1, capacity: 10 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail?.current?.capacity ?? 30).toBe(30);
    const badTimes = await w.users.admin.patch(`/api/learning/sessions/${s.id}`, {
      version: 2,
      days: [{ heldOn: '2030-01-20', startsAt: '12:00', endsAt: '10:00' }],
    });
    expect(badTimes.body.error.issues[0].path).toBe('days.0.endsAt');
  });

  it('a branch runs the HQ course as its own session; lists filter by 年度, status, kind and owner', async () => {
    const own = await w.users.branchStaff.post(
      '/api/learning/sessions',
      sessionBody(courseId, { days: [{ heldOn: '2031-05-01' }] }),
    );
    expect(own.status).toBe(201);
    expect(own.body.owner).toMatchObject({ kind: 'branch', centreId: w.branch.id });
    expect(own.body.canManage).toBe(true);
    const mine = await w.users.branchStaff.get('/api/learning/sessions?owner=mine');
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([own.body.id]);
    const all = await w.users.branchStaff.get('/api/learning/sessions');
    expect(all.body.total).toBeGreaterThan(1);
    const y2031 = await w.users.admin.get('/api/learning/sessions?nendo=2031&status=draft');
    expect(y2031.body.items.map((s: { id: string }) => s.id)).toContain(own.body.id);
    const y2032 = await w.users.admin.get('/api/learning/sessions?nendo=2032');
    expect(y2032.body.items.map((s: { id: string }) => s.id)).not.toContain(own.body.id);
    const kind = await w.users.admin.get('/api/learning/sessions?kind=case_study');
    expect(kind.body.items).toEqual([]);
  });

  it('cancels with a reason; a cancelled session no longer changes', async () => {
    const s = (await w.users.admin.post('/api/learning/sessions', sessionBody(courseId))).body;
    const c = await w.users.admin.post(`/api/learning/sessions/${s.id}/status`, {
      version: 1,
      status: 'cancelled',
      reason: '台風のため',
    });
    expect(c.body.status).toBe('cancelled');
    const edit = await w.users.admin.patch(`/api/learning/sessions/${s.id}`, { version: 2, capacity: 5 });
    expect(edit.body.error.code).toBe('learning_session_transition');
  });
});

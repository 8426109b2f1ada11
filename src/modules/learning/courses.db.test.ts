import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trainingSessionDays } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { courseBody, type LearningWorld, learningWorld, sessionBody } from './testing';

let t: TestApp;
let w: LearningWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await learningWorld(t);
}, 60_000);
afterAll(() => t.close());

describe('courses', () => {
  it('centre staff create a course with its parts, owned by the HQ, audited in the same transaction', async () => {
    const res = await w.users.hqStaff.post('/api/learning/courses', courseBody());
    expect(res.status).toBe(201);
    expect(res.body.owner).toMatchObject({ kind: 'hq', name: '神奈川県医療的ケア児支援センター' });
    expect(res.body.parts.map((p: { seq: number; kind: string }) => [p.seq, p.kind])).toEqual([
      [1, 'day'],
      [2, 'day'],
      [3, 'assignment'],
    ]);
    expect(res.body.parts[0].durationMinutes).toBe(360);
    expect(res.body).toMatchObject({ version: 1, canManage: true, isPublic: true, archived: false });
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_course'), eq(auditLog.action, 'create')));
    expect(audit.map((a) => a.entityIds[0])).toContain(res.body.id);
  });

  it('branch staff create courses owned by their branch and may not name the HQ', async () => {
    const own = await w.users.branchStaff.post(
      '/api/learning/courses',
      courseBody({ kind: 'case_study', title: '事例検討会' }),
    );
    expect(own.status).toBe(201);
    expect(own.body.owner).toMatchObject({ kind: 'branch', centreId: w.branch.id, name: '湘南支部' });
    const hq = await w.users.branchStaff.post(
      '/api/learning/courses',
      courseBody({ ownerCentreId: null, ownerRegionId: null }),
    );
    expect(hq.status).toBe(403);
    const region = await w.users.coordB.post(
      '/api/learning/courses',
      courseBody({ kind: 'brush_up', title: '県央ブラッシュアップ' }),
    );
    expect(region.body.owner).toMatchObject({ kind: 'region', regionId: w.regionB.id, name: '県央' });
  });

  it('lists with filters and says which the caller manages', async () => {
    const all = await w.users.branchStaff.get('/api/learning/courses');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    const mine = await w.users.branchStaff.get('/api/learning/courses?owner=mine');
    expect(mine.body.items.every((c: { canManage: boolean }) => c.canManage)).toBe(true);
    expect(mine.body.items.map((c: { title: string }) => c.title)).toEqual(['事例検討会']);
    const kind = await w.users.admin.get('/api/learning/courses?kind=brush_up');
    expect(kind.body.items.map((c: { title: string }) => c.title)).toEqual(['県央ブラッシュアップ']);
    const q = await w.users.admin.get(`/api/learning/courses?q=${encodeURIComponent('養成')}`);
    expect(q.body.items.every((c: { title: string }) => c.title.includes('養成'))).toBe(true);
  });

  it('changes under optimistic locking: a stale version answers 409 with the current course', async () => {
    const c = (
      await w.users.admin.post(
        '/api/learning/courses',
        courseBody({ title: 'フォローアップ研修', kind: 'follow_up' }),
      )
    ).body;
    const ok = await w.users.admin.patch(`/api/learning/courses/${c.id}`, {
      version: 1,
      title: 'フォローアップ研修（事前アンケートあり）',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await w.users.hqStaff.patch(`/api/learning/courses/${c.id}`, {
      version: 1,
      isPublic: false,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const page = await w.users.admin.get(`/api/learning/courses/${c.id}`);
    expect(page.body.isPublic).toBe(true);
  });

  it('replaces parts keeping ids, refuses to remove one a session day uses, and archives', async () => {
    const c = (await w.users.admin.post('/api/learning/courses', courseBody())).body;
    const [day1, day2, assignment] = c.parts;
    const s = await w.users.admin.post('/api/learning/sessions', {
      ...sessionBody(c.id),
      days: [{ heldOn: '2030-05-10', partId: day1.id }],
    });
    expect(s.status).toBe(201);
    const reordered = await w.users.admin.put(`/api/learning/courses/${c.id}/parts`, {
      version: 1,
      parts: [
        { id: assignment.id, kind: 'assignment', title: '事例レポート' },
        { id: day1.id, kind: 'day', title: '1日目' },
        { kind: 'lesson', title: '制度の概要（動画）', durationMinutes: 45 },
      ],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.parts.map((p: { id: string }) => p.id).slice(0, 2)).toEqual([
      assignment.id,
      day1.id,
    ]);
    expect(reordered.body.parts.map((p: { title: string }) => p.title)).not.toContain(day2.title);
    const [d] = await t.db.systemDb
      .select()
      .from(trainingSessionDays)
      .where(eq(trainingSessionDays.sessionId, s.body.id));
    expect(d!.partId).toBe(day1.id);
    const inUse = await w.users.admin.put(`/api/learning/courses/${c.id}/parts`, { version: 2, parts: [] });
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'in_use']);

    const archived = await w.users.admin.post(`/api/learning/courses/${c.id}/archive`, { version: 2 });
    expect(archived.body.archived).toBe(true);
    const listed = await w.users.admin.get('/api/learning/courses');
    expect(listed.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const noMore = await w.users.admin.post('/api/learning/sessions', sessionBody(c.id));
    expect(noMore.body.error.code).toBe('learning_course_archived');
    const restored = await w.users.admin.post(`/api/learning/courses/${c.id}/restore`, { version: 3 });
    expect(restored.body.archived).toBe(false);
  });

  it('rejects bad input with the field named and changes nothing', async () => {
    const bad = await w.users.admin.post('/api/learning/courses', courseBody({ kind: 'unknown', title: '' }));
    expect(bad.status).toBe(400);
    const both = await w.users.admin.post(
      '/api/learning/courses',
      courseBody({ ownerCentreId: w.branch.id, ownerRegionId: w.regionB.id }),
    );
    expect(both.status).toBe(400);
    expect(both.body.error.issues[0].path).toBe('ownerRegionId');
  });
});

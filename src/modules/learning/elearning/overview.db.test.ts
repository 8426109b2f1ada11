/**
 * The e-learning overviews through the API: the staff member's courses and a course's lessons with media and
 * quiz, the course's learners × lessons (who watched what, who passed), the learner's own courses; and the
 * denied story (another branch reads the lessons but not the learners, another prefecture nothing, a learner gets 403 on staff views, staff 403 on the learner's).
 */
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, elearningProgress, trainingCourseParts, trainingCourses } from '../../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../../test/factories';
import { signedInUser } from '../../../test/sign-in';
import type { Role } from '../../access/roles';
import { syntheticMp4 } from './fixtures';

const LEARNER = 'learner' as Role;
const BASE = '/api/learning/elearning';

let t: TestApp;
let staffA: TestClient;
let staffB: TestClient;
let admin: TestClient;
let other: TestClient;
let learner: TestClient;
let learner2: TestClient;
let learnerId: string;
let courseId: string;
let lesson1: string;
let lesson2: string;
let videoId: string;

async function uploadVideo(client: TestClient, bytes: Buffer) {
  const created = await client.post(`${BASE}/courses/${courseId}/media`, {
    kind: 'video',
    fileName: '第1講.mp4',
    byteSize: bytes.length,
  });
  const h: Record<string, string> = {
    'x-forwarded-for': client.ip,
    'content-type': 'application/octet-stream',
  };
  if (client.cookie) h.cookie = client.cookie;
  if (client.csrf) h['x-csrf-token'] = client.csrf;
  const put = await t.app.request(`${BASE}/media/${created.body.id}/chunks/0`, {
    method: 'PUT',
    headers: h,
    body: new Uint8Array(bytes),
  });
  expect(put.status).toBe(200);
  expect((await client.post(`${BASE}/media/${created.body.id}/commit`)).status).toBe(200);
  return created.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const region = (await makeRegion(db, '14', '湘南東部', ['142051'])).id;
  const region2 = (await makeRegion(db, '14', '横浜', ['141003'])).id;
  const hq = await makeCentre(db, '14', { kind: 'hq' });
  const a = await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, regionIds: [region] });
  const b = await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, regionIds: [region2] });
  staffA = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: a.id })).client;
  staffB = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: b.id })).client;
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  other = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  const l = await signedInUser(t, LEARNER, { prefectureCode: '14' });
  learner = l.client;
  learnerId = l.user.id;
  learner2 = (await signedInUser(t, LEARNER, { prefectureCode: '14' })).client;
  const [course] = await db
    .insert(trainingCourses)
    .values({
      prefectureCode: '14',
      kind: 'supporter_elearning',
      title: '支援者向けeラーニング',
      ownerCentreId: a.id,
    })
    .returning();
  courseId = course!.id;
  const parts = await db
    .insert(trainingCourseParts)
    .values([
      { courseId, seq: 1, kind: 'lesson', title: '第1講 吸引' },
      { courseId, seq: 2, kind: 'lesson', title: '第2講 経管栄養' },
    ])
    .returning();
  lesson1 = parts.find((p) => p.seq === 1)!.id;
  lesson2 = parts.find((p) => p.seq === 2)!.id;
  // A course without lessons of another kind is not listed.
  await db
    .insert(trainingCourses)
    .values({ prefectureCode: '14', kind: 'coordinator_course', title: '養成研修' });
  videoId = await uploadVideo(staffA, syntheticMp4({ durationMs: 10_000 }));
  expect(
    (
      await staffA.put(`${BASE}/parts/${lesson1}/media`, {
        videoMediaId: videoId,
        captionMediaIds: [],
        documentMediaIds: [],
      })
    ).status,
  ).toBe(200);
  await staffA.put(`${BASE}/parts/${lesson2}/quiz`, {
    passPercent: 100,
    attemptLimit: 2,
    questionsPerAttempt: null,
  });
  await staffA.post(`${BASE}/parts/${lesson2}/questions`, {
    kind: 'single',
    prompt: '吸引の前に行うことは？',
    choices: [
      { id: 'a', text: '手洗い' },
      { id: 'b', text: '食事' },
    ],
    correct: ['a'],
  });
});
afterAll(async () => {
  await t.close();
});

describe('staff overviews', () => {
  it('lists the e-learning courses with their lessons and who may manage them', async () => {
    const mine = await staffA.get(`${BASE}/courses`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        id: courseId,
        kind: 'supporter_elearning',
        title: '支援者向けeラーニング',
        lessonCount: 2,
        canManage: true,
      },
    ]);
    const all = await admin.get(`${BASE}/courses`);
    expect(all.body.items.map((x: { id: string }) => x.id)).toEqual([courseId]);
  });

  it('shows a course’s lessons with their video and quiz settings', async () => {
    const res = await staffA.get(`${BASE}/courses/${courseId}/lessons`);
    expect(res.status).toBe(200);
    expect(res.body.course).toEqual({ id: courseId, title: '支援者向けeラーニング', canManage: true });
    const [l1, l2] = res.body.lessons;
    expect(l1).toMatchObject({
      partId: lesson1,
      durationSeconds: 10,
      video: { mediaId: videoId, durationMs: 10_000 },
      quiz: null,
      questionCount: 0,
    });
    expect(l2).toMatchObject({
      partId: lesson2,
      video: null,
      quiz: { passPercent: 100, attemptLimit: 2, questionsPerAttempt: null },
      questionCount: 1,
    });
  });

  it('shows who watched what and who passed', async () => {
    // The learner watches the whole video (time made to pass) and passes the quiz; learner2 only starts.
    await learner.post(`${BASE}/me/lessons/${lesson1}/progress`, { intervals: [], positionSeconds: 0 });
    await t.db.systemDb
      .update(elearningProgress)
      .set({ lastReportAt: sql`${elearningProgress.lastReportAt} - interval '60 seconds'` })
      .where(and(eq(elearningProgress.learnerUserId, learnerId), eq(elearningProgress.partId, lesson1)));
    const watched = await learner.post(`${BASE}/me/lessons/${lesson1}/progress`, {
      intervals: [[0, 10]],
      positionSeconds: 10,
    });
    expect(watched.body.complete).toBe(true);
    const attempt = await learner.post(`${BASE}/me/lessons/${lesson2}/attempts`);
    const q = attempt.body.questions[0];
    const right = q.choices.find((c: { text: string }) => c.text === '手洗い').id;
    const sub = await learner.post(`${BASE}/me/attempts/${attempt.body.id}/submit`, {
      answers: { [q.questionId]: [right] },
    });
    expect(sub.body.status).toBe('passed');
    await learner2.post(`${BASE}/me/lessons/${lesson1}/progress`, { intervals: [], positionSeconds: 0 });

    const res = await staffA.get(`${BASE}/courses/${courseId}/progress`);
    expect(res.status).toBe(200);
    expect(res.body.lessons).toEqual([
      { partId: lesson1, seq: 1, title: '第1講 吸引', hasVideo: true, hasQuiz: false },
      { partId: lesson2, seq: 2, title: '第2講 経管栄養', hasVideo: false, hasQuiz: true },
    ]);
    expect(res.body.learners).toHaveLength(2);
    const one = res.body.learners.find((l: { userId: string }) => l.userId === learnerId);
    expect(one.completedCount).toBe(2);
    expect(one.cells[0]).toMatchObject({ percent: 100, watched: true, complete: true });
    expect(one.cells[1]).toMatchObject({
      attemptsUsed: 1,
      bestScorePercent: 100,
      passed: true,
      complete: true,
    });
    const two = res.body.learners.find((l: { userId: string }) => l.userId !== learnerId);
    expect(two.completedCount).toBe(0);
    expect(two.cells[0]).toMatchObject({ percent: 0, watched: false, complete: false });
    expect(two.cells[1]).toMatchObject({ attemptsUsed: 0, passed: false, complete: false });
  });
});

describe('the progress workbook', () => {
  it('gives the same learners × lessons as .xlsx, recorded in the audit log', async () => {
    const h: Record<string, string> = { 'x-forwarded-for': staffA.ip };
    if (staffA.cookie) h.cookie = staffA.cookie;
    const res = await t.app.request(`${BASE}/courses/${courseId}/progress?format=xlsx&lang=ja`, {
      headers: h,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['受講者', 'メールアドレス', '修了した講義数', '全講義修了']);
    expect(header).toContain('第1講 吸引：視聴割合');
    expect(header).toContain('第2講 経管栄養：確認テスト');
    expect(ws.rowCount).toBe(3);
    const rows = [2, 3].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    const done = rows.find((r) => r[2] === 2)!;
    expect(done[3]).toBe('はい');
    expect(done[header.indexOf('第1講 吸引：視聴割合')]).toBe(1);
    expect(done[header.indexOf('第2講 経管栄養：確認テスト')]).toBe('合格');
    const audits = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'elearning_progress'), eq(auditLog.action, 'export')));
    expect(audits).toHaveLength(1);
    expect((await staffB.get(`${BASE}/courses/${courseId}/progress?format=xlsx`)).status).toBe(404);
  });
});

describe('the learner’s courses', () => {
  it('lists the courses with each lesson’s standing', async () => {
    const res = await learner.get(`${BASE}/me/courses`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const [course] = res.body.items;
    expect(course).toMatchObject({ courseId, completedCount: 2 });
    expect(course.lessons.map((l: { partId: string; complete: boolean }) => [l.partId, l.complete])).toEqual([
      [lesson1, true],
      [lesson2, true],
    ]);
    const other = await learner2.get(`${BASE}/me/courses`);
    expect(other.body.items[0]).toMatchObject({ completedCount: 0 });
  });
});

describe('removing a lesson', () => {
  it('answers 409 in_use for a lesson with learners’ progress or attempts, and removes an untouched one', async () => {
    const course = await admin.get(`/api/learning/courses/${courseId}`);
    expect(course.status).toBe(200);
    const parts = course.body.parts.map((p: { id: string; kind: string; title: string }) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
    }));
    for (const gone of [lesson1, lesson2]) {
      const res = await admin.put(`/api/learning/courses/${courseId}/parts`, {
        version: course.body.version,
        parts: parts.filter((p: { id: string }) => p.id !== gone),
      });
      expect([res.status, res.body.error?.code], gone).toEqual([409, 'in_use']);
    }
    const added = await admin.put(`/api/learning/courses/${courseId}/parts`, {
      version: course.body.version,
      parts: [...parts, { kind: 'lesson', title: '第3講 未公開' }],
    });
    expect(added.status).toBe(200);
    const removed = await admin.put(`/api/learning/courses/${courseId}/parts`, {
      version: added.body.version,
      parts,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.parts).toHaveLength(2);
  });
});

describe('denied', () => {
  it('another branch reads the course and its lessons but not its learners’ progress', async () => {
    const list = await staffB.get(`${BASE}/courses`);
    expect(list.body.items).toMatchObject([{ id: courseId, canManage: false }]);
    const lessons = await staffB.get(`${BASE}/courses/${courseId}/lessons`);
    expect(lessons.body.course.canManage).toBe(false);
    expect((await staffB.get(`${BASE}/courses/${courseId}/progress`)).status).toBe(404);
  });

  it('another prefecture sees no course and 404 for this one', async () => {
    expect((await other.get(`${BASE}/courses`)).body.items).toEqual([]);
    expect((await other.get(`${BASE}/courses/${courseId}/lessons`)).status).toBe(404);
    expect((await other.get(`${BASE}/courses/${courseId}/progress`)).status).toBe(404);
  });

  it('a learner gets 403 on the staff views, staff 403 on the learner’s list', async () => {
    expect((await learner.get(`${BASE}/courses`)).status).toBe(403);
    expect((await learner.get(`${BASE}/courses/${courseId}/progress`)).status).toBe(403);
    expect((await staffA.get(`${BASE}/me/courses`)).status).toBe(403);
  });
});

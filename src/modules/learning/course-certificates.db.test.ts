/**
 * Certificates of a course completed without a session (e-learning on its own): listed as ready once every
 * lesson is complete, issued on the learner's request with the day the last lesson was completed, the same one
 * returned when asked again, checked publicly, downloaded by the holder and by staff of the course's owner,
 * revoked by staff; the denied story (a course completed in sessions, a course the learner cannot open, staff
 * asking, another branch). And staff issuing a session's certificates tell each holder by a coded notification.
 */
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  elearningAttempts,
  elearningLessonMedia,
  elearningMedia,
  elearningProgress,
  elearningQuestions,
  elearningQuizzes,
  notifications,
  trainingCourseParts,
  trainingCourses,
  users,
} from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { signedInUser } from '../../test/sign-in';
import { type AttendanceWorld, addLearner, attendanceWorld, makeSessionWithDays } from './testing-attendance';

let t: TestApp;
let w: AttendanceWorld;
let learner: { id: string; client: TestClient };
let staffUserId: string;

/** A public e-learning course of prefecture 14: lesson 1 has a video, lesson 2 a quiz. */
async function elearningCourse(opts: { withDay?: boolean; isPublic?: boolean; ownerCentreId?: string } = {}) {
  const db = t.db.systemDb;
  const [course] = await db
    .insert(trainingCourses)
    .values({
      prefectureCode: '14',
      kind: 'supporter_elearning',
      title: '医療的ケア児支援者向けeラーニング（基礎）',
      isPublic: opts.isPublic ?? true,
      ownerCentreId: opts.ownerCentreId ?? null,
      completionRequiresAllDays: false,
      completionRequiresAllLessons: true,
    })
    .returning();
  const parts = await db
    .insert(trainingCourseParts)
    .values([
      { courseId: course!.id, seq: 1, kind: 'lesson' as const, title: '医療的ケア児とは' },
      { courseId: course!.id, seq: 2, kind: 'lesson' as const, title: '災害時の備え' },
      ...(opts.withDay ? [{ courseId: course!.id, seq: 3, kind: 'day' as const, title: '演習' }] : []),
    ])
    .returning();
  const [video] = await db
    .insert(elearningMedia)
    .values({
      prefectureCode: '14',
      courseId: course!.id,
      kind: 'video',
      status: 'ready',
      fileName: 'lesson1.mp4',
      byteSize: 1000,
      chunkBytes: 1000,
      partBytes: 1000,
      contentType: 'video/mp4',
      durationMs: 60_000,
      readyAt: new Date('2026-04-01T00:00:00Z'),
      uploadedBy: staffUserId,
    })
    .returning();
  await db.insert(elearningLessonMedia).values({ partId: parts[0]!.id, mediaId: video!.id, kind: 'video' });
  await db.insert(elearningQuizzes).values({ partId: parts[1]!.id, passPercent: 80 });
  await db.insert(elearningQuestions).values({
    partId: parts[1]!.id,
    seq: 1,
    kind: 'single',
    prompt: '災害時に最初に確認するのは？',
    choices: [
      { id: 'a', text: '電源' },
      { id: 'b', text: '天気' },
    ],
    correct: ['a'],
  });
  return { course: course!, lessons: parts, videoId: video!.id };
}

async function watch(c: Awaited<ReturnType<typeof elearningCourse>>, userId: string, at: string) {
  await t.db.systemDb.insert(elearningProgress).values({
    learnerUserId: userId,
    partId: c.lessons[0]!.id,
    prefectureCode: '14',
    mediaId: c.videoId,
    durationMs: 60_000,
    watched: [[0, 60_000]],
    coveredMs: 60_000,
    completedAt: new Date(at),
  });
}

async function pass(c: Awaited<ReturnType<typeof elearningCourse>>, userId: string, at: string) {
  await t.db.systemDb.insert(elearningAttempts).values({
    partId: c.lessons[1]!.id,
    learnerUserId: userId,
    prefectureCode: '14',
    attemptNo: 1,
    status: 'passed',
    questions: [],
    passPercent: 80,
    scorePercent: 100,
    submittedAt: new Date(at),
  });
}

const claim = (client: TestClient, courseId: string) =>
  client.post(`/api/learning/me/courses/${courseId}/certificate`, {});

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://tsunagu.example.lg.jp' });
  w = await attendanceWorld(t);
  const { user, client } = await signedInUser(t, 'learner', { prefectureCode: '14' });
  await t.db.systemDb.update(users).set({ displayName: '湘南 花子' }).where(eq(users.id, user.id));
  learner = { id: user.id, client };
  staffUserId = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).user.id;
}, 90_000);
afterAll(() => t.close());

describe('a course completed without a session', () => {
  it('is ready once every lesson is complete and issues on request, once, dated the last lesson’s day', async () => {
    const c = await elearningCourse();
    await watch(c, learner.id, '2026-11-20T02:00:00Z');
    const before = await learner.client.get('/api/learning/me/completions');
    expect(before.status).toBe(200);
    expect(before.body.ready).toEqual([]);
    const early = await claim(learner.client, c.course.id);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('learning_course_not_complete');

    // Passed at 01:30 in Japan (still the 25th in UTC): the day is Japan's.
    await pass(c, learner.id, '2026-11-25T16:30:00Z');
    const ready = await learner.client.get('/api/learning/me/completions');
    expect(ready.body.ready).toEqual([
      {
        courseId: c.course.id,
        courseTitle: '医療的ケア児支援者向けeラーニング（基礎）',
        courseKind: 'supporter_elearning',
        completedOn: '2026-11-26',
      },
    ]);
    const got = await claim(learner.client, c.course.id);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ issued: true, certificate: { completedOn: '2026-11-26' } });
    const { id, serial } = got.body.certificate;
    expect(serial).toMatch(/^2026-/);
    const again = await claim(learner.client, c.course.id);
    expect(again.body).toEqual({ issued: false, certificate: got.body.certificate });

    const mine = await learner.client.get('/api/learning/me/completions');
    expect(mine.body.ready).toEqual([]);
    expect(mine.body.completions).toEqual([
      expect.objectContaining({ id, serial, sessionTitle: null, completedOn: '2026-11-26' }),
    ]);
    const check = await new TestClient(t).get(`/api/public/learning/certificates/${serial}`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      serial,
      courseTitle: '医療的ケア児支援者向けeラーニング（基礎）',
      completedOn: '2026-11-26',
      holderName: '湘南 花子',
    });
    const pdf = await learner.client.get(`/api/learning/certificates/${id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytesOf = async (query: string) => {
      const res = await t.app.request(`/api/learning/certificates/${id}.pdf${query}`, {
        headers: { cookie: learner.client.cookie!, 'x-forwarded-for': '192.0.2.10' },
      });
      return { res, doc: res.status === 200 ? await PDFDocument.load(await res.arrayBuffer()) : null };
    };
    expect((await bytesOf('')).doc!.getTitle()).toBe('修了証 医療的ケア児支援者向けeラーニング（基礎）');
    // English when asked; anything else is refused.
    const english = await bytesOf('?lang=en');
    expect(english.res.headers.get('content-disposition')).toContain(`certificate-${serial}-en.pdf`);
    const doc = english.doc!;
    expect(doc.getTitle()).toBe('Certificate of Completion 医療的ケア児支援者向けeラーニング（基礎）');
    expect((await learner.client.get(`/api/learning/certificates/${id}.pdf?lang=fr`)).status).toBe(400);

    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_certificate'), eq(auditLog.action, 'create')));
    expect(audit.filter((a) => a.entityIds.includes(id))).toHaveLength(1);
  });

  it('is downloaded and revoked by staff of the course’s owner; once revoked it is not issued again', async () => {
    const c = await elearningCourse();
    const { user, client } = await signedInUser(t, 'learner', { prefectureCode: '14' });
    await watch(c, user.id, '2026-10-01T01:00:00Z');
    await pass(c, user.id, '2026-10-02T01:00:00Z');
    const got = await claim(client, c.course.id);
    const { id, serial } = got.body.certificate;
    expect((await w.users.admin.get(`/api/learning/certificates/${id}.pdf`)).status).toBe(200);
    // The course's progress view shows it on the learner's row.
    const progressOf = async () =>
      (await w.users.admin.get(`/api/learning/elearning/courses/${c.course.id}/progress`)).body.learners.find(
        (l: { userId: string }) => l.userId === user.id,
      );
    expect((await progressOf()).certificate).toEqual({ id, serial, completedOn: '2026-10-02' });
    // The HQ's course: a branch's staff do not manage it.
    expect((await w.users.branchStaff.get(`/api/learning/certificates/${id}.pdf`)).status).toBe(404);
    expect(
      (await w.users.branchStaff.post(`/api/learning/certificates/${id}/revocation`, { reason: '誤り' }))
        .status,
    ).toBe(404);
    const revoked = await w.users.admin.post(`/api/learning/certificates/${id}/revocation`, {
      reason: '受講者の取り違え',
    });
    expect(revoked.status).toBe(200);
    expect((await new TestClient(t).get(`/api/public/learning/certificates/${serial}`)).status).toBe(404);
    expect((await progressOf()).certificate).toBeNull();
    const again = await claim(client, c.course.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('learning_certificate_revoked');
    expect((await client.get('/api/learning/me/completions')).body.ready).toEqual([]);
  });
});

describe('denied', () => {
  it('refuses a course completed in sessions, a course the learner cannot open, and staff', async () => {
    const withDay = await elearningCourse({ withDay: true });
    await watch(withDay, learner.id, '2026-11-20T02:00:00Z');
    await pass(withDay, learner.id, '2026-11-21T02:00:00Z');
    const needs = await claim(learner.client, withDay.course.id);
    expect(needs.status).toBe(409);
    expect(needs.body.error.code).toBe('learning_course_needs_session');
    expect(
      (await learner.client.get('/api/learning/me/completions')).body.ready.map(
        (r: { courseId: string }) => r.courseId,
      ),
    ).not.toContain(withDay.course.id);

    const hidden = await elearningCourse({ isPublic: false });
    await watch(hidden, learner.id, '2026-11-20T02:00:00Z');
    await pass(hidden, learner.id, '2026-11-21T02:00:00Z');
    expect((await claim(learner.client, hidden.course.id)).status).toBe(404);
    expect((await claim(learner.client, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await claim(learner.client, 'not-a-uuid')).status).toBe(404);
    expect((await claim(w.users.admin, withDay.course.id)).status).toBe(403);
    expect((await claim(w.users.other, withDay.course.id)).status).toBe(403);
  });
});

describe('staff issuing a session’s certificates', () => {
  it('tells each holder by a coded notification with the course and serial', async () => {
    const s = await makeSessionWithDays(t, { requireAllDays: false, title: '事例検討の基礎' });
    const l = await addLearner(t, s.session.id, '藤沢 太郎', 'selected');
    const issued = await w.users.admin.post(`/api/learning/sessions/${s.session.id}/certificates`, {});
    expect(issued.status).toBe(200);
    const [one] = issued.body.issued;
    const inbox = await l.client.get('/api/notifications');
    const told = inbox.body.items.find((n: { kind: string }) => n.kind === 'learning_certificate_issued');
    expect(told).toMatchObject({
      entityType: 'training_certificate',
      entityId: one.certificateId,
      text: { code: 'learning_certificate_issued', params: { course: '事例検討の基礎', serial: one.serial } },
    });
    const [row] = await t.db.systemDb.select().from(notifications).where(eq(notifications.id, told.id));
    expect(row!.titleEn).toBe(
      `Your certificate of completion of “事例検討の基礎” was issued (${one.serial})`,
    );
  });
});

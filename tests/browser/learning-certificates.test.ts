import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  elearningAttempts,
  elearningLessonMedia,
  elearningMedia,
  elearningProgress,
  elearningQuizzes,
  trainingCourseParts,
  trainingCourses,
  users,
} from '../../src/db/schema';
import {
  expectHeading,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
  textOf,
  waitForPage,
} from './harness';

/**
 * A certificate of an e-learning course completed on its own (docs/learning.md §4): a learner who has completed
 * every lesson of the demo course gets the certificate on 修了記録, downloads it in Japanese and English, and its
 * serial checks on the public page; centre staff see it on the course's progress view. axe on every page; no
 * request leaves the origin.
 */
let h: Harness;
let courseId = '';

beforeAll(async () => {
  h = await startHarness({ children: 10 });
});

afterAll(async () => {
  await h?.close();
});

/** Every lesson of the demo course watched and its quiz passed, as the player and the quiz would record them. */
async function completeEveryLesson(email: string) {
  const db = h.db.systemDb;
  const [learner] = await db.select().from(users).where(eq(users.email, email));
  const [course] = await db
    .select()
    .from(trainingCourses)
    .where(eq(trainingCourses.title, '医療的ケア児支援者向けeラーニング（基礎）'));
  courseId = course!.id;
  const lessons = await db
    .select()
    .from(trainingCourseParts)
    .where(and(eq(trainingCourseParts.courseId, course!.id), eq(trainingCourseParts.kind, 'lesson')));
  const ids = lessons.map((l) => l.id);
  const videos = await db
    .select({
      partId: elearningLessonMedia.partId,
      mediaId: elearningMedia.id,
      ms: elearningMedia.durationMs,
    })
    .from(elearningLessonMedia)
    .innerJoin(elearningMedia, eq(elearningMedia.id, elearningLessonMedia.mediaId))
    .where(and(inArray(elearningLessonMedia.partId, ids), eq(elearningLessonMedia.kind, 'video')));
  const at = new Date('2026-11-20T01:00:00Z');
  for (const v of videos) {
    const ms = v.ms ?? 12_000;
    await db
      .insert(elearningProgress)
      .values({
        learnerUserId: learner!.id,
        partId: v.partId,
        prefectureCode: '14',
        mediaId: v.mediaId,
        durationMs: ms,
        watched: [[0, ms]],
        coveredMs: ms,
        completedAt: at,
      })
      .onConflictDoUpdate({
        target: [elearningProgress.learnerUserId, elearningProgress.partId],
        set: { completedAt: at, coveredMs: ms, watched: [[0, ms]] },
      });
  }
  const quizzes = await db.select().from(elearningQuizzes).where(inArray(elearningQuizzes.partId, ids));
  for (const q of quizzes) {
    await db.insert(elearningAttempts).values({
      partId: q.partId,
      learnerUserId: learner!.id,
      prefectureCode: '14',
      attemptNo: 99,
      status: 'passed',
      questions: [],
      passPercent: q.passPercent,
      scorePercent: 100,
      submittedAt: at,
    });
  }
}

describe('a certificate of e-learning completed on its own', () => {
  let serial = '';

  it('is got by the learner on 修了記録 and printed in Japanese or English', async () => {
    const account = h.accounts.filter((a) => a.role === 'learner')[1]!;
    await completeEveryLesson(account.email);
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, account);
    await page.goto('/learning/me/completions');
    await expectHeading(page, '修了記録');
    const ready = page.getByRole('region', { name: '修了証を受け取れるeラーニング' });
    await expect
      .poll(textOf(ready))
      .toContain('医療的ケア児支援者向けeラーニング（基礎）（令和8年11月20日 修了）');
    await expectNoAxeViolations(page, 'my completions (ready)');
    await ready
      .getByRole('button', { name: '医療的ケア児支援者向けeラーニング（基礎） の修了証を受け取る' })
      .click();
    const status = page.getByRole('status').filter({ hasText: '修了証を発行しました' });
    await status.waitFor();
    serial = /番号 (\S+)）/.exec((await status.textContent()) ?? '')![1]!;
    expect(serial).toMatch(/^2026-/);
    const row = page.getByRole('row').filter({ hasText: serial });
    await expect.poll(textOf(row)).toContain('医療的ケア児支援者向けeラーニング（基礎）');
    expect(await page.getByRole('region', { name: '修了証を受け取れるeラーニング' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'my completions (issued)');
    for (const [name, lang] of [
      ['修了証（PDF）', ''],
      ['英語版（PDF）', '-en'],
    ] as const) {
      const href = await row.getByRole('link', { name }).getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-disposition']).toContain(`certificate-${serial}${lang}.pdf`);
    }
    h.assertClean();
  });

  it('checks on the public page and shows on the staff’s progress view', async () => {
    const pub = await h.newPage();
    await pub.goto(`/public/trainings/certificates/${serial}`);
    await waitForPage(pub);
    await expect.poll(textOf(pub.getByRole('main'))).toContain('医療的ケア児支援者向けeラーニング（基礎）');

    const staff = await h.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(staff, h.account('centre_admin'));
    await staff.goto(`/learning/elearning/${courseId}/progress`);
    await waitForPage(staff);
    const table = staff.getByRole('table');
    await expect.poll(textOf(table)).toContain(serial);
    await expectNoAxeViolations(staff, 'e-learning progress (certificate)');
    h.assertClean();
  });
});

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  elearningLessonMedia,
  elearningMedia,
  elearningQuestions,
  elearningQuizzes,
  trainingCourseParts,
  trainingCourses,
} from '../db/schema';
import { probeMedia } from '../modules/learning/elearning/media-probe';
import { mediaReader } from '../modules/learning/elearning/media-store';
import { lessonVideo } from '../modules/learning/elearning/progress-store';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { handoutPdf } from './elearning';
import { seedDemo } from './seed';

describe('demo e-learning', () => {
  it('gives every lesson of the supporter e-learning course a playable video, captions, a handout and a quiz', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await seedDemo(
        { db, config: testConfig(), log: createLogger('silent'), now: () => now },
        { children: 40, passwords: 'demo password for tests' },
      );
      const sys = db.systemDb;
      const [course] = await sys
        .select()
        .from(trainingCourses)
        .where(eq(trainingCourses.kind, 'supporter_elearning'));
      const lessons = await sys
        .select()
        .from(trainingCourseParts)
        .where(and(eq(trainingCourseParts.courseId, course!.id), eq(trainingCourseParts.kind, 'lesson')));
      expect(lessons.length).toBeGreaterThanOrEqual(3);
      for (const lesson of lessons) {
        const video = await lessonVideo(sys, lesson.id);
        expect(video).toMatchObject({ contentType: 'video/webm' });
        expect(video!.durationMs).toBeGreaterThan(10_000);
        expect(lesson.durationSeconds).toBe(Math.round(video!.durationMs / 1000));
        const links = await sys
          .select()
          .from(elearningLessonMedia)
          .where(eq(elearningLessonMedia.partId, lesson.id));
        expect(links.map((l) => `${l.kind}:${l.captionLanguage ?? ''}`).sort()).toEqual([
          'captions:en',
          'captions:ja',
          'document:',
          'video:',
        ]);
        const [quiz] = await sys
          .select()
          .from(elearningQuizzes)
          .where(eq(elearningQuizzes.partId, lesson.id));
        expect(quiz).toMatchObject({ passPercent: 60, attemptLimit: 3 });
        const questions = await sys
          .select()
          .from(elearningQuestions)
          .where(eq(elearningQuestions.partId, lesson.id));
        expect(questions).toHaveLength(3);
        for (const q of questions) {
          expect(q.correct.every((c) => q.choices.some((x) => x.id === c))).toBe(true);
        }
      }
      // The stored bytes read back whole and pass the store's own checks (as an upload's commit would).
      const media = await sys.select().from(elearningMedia).where(eq(elearningMedia.courseId, course!.id));
      expect(media).toHaveLength(4);
      for (const m of media) {
        const bytes = await mediaReader(sys, m)(0, m.byteSize);
        expect(bytes.length).toBe(m.byteSize);
        const probe = await probeMedia(m.kind, m.byteSize, mediaReader(sys, m));
        expect(probe.ok, m.fileName).toBe(true);
      }
      expect(handoutPdf().subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await db.close();
    }
  }, 180_000);
});

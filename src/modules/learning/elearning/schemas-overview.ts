import { z } from '@hono/zod-openapi';
import { COURSE_KINDS } from '../../../shared/vocab/learning';
import { CAPTION_LANGUAGES } from '../../../shared/vocab/learning-elearning';
import { ZQuizSettings } from './schemas';

/** The e-learning courses a staff member reads (each with its lessons counted) and whether they manage it. */
export const ZStaffElearningCourses = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(COURSE_KINDS),
        title: z.string(),
        lessonCount: z.number().int(),
        canManage: z.boolean(),
      }),
    ),
  })
  .openapi('ElearningStaffCourses');

/** A course's lessons for staff: linked media and quiz settings. */
export const ZStaffCourseLessons = z
  .object({
    course: z.object({ id: z.string(), title: z.string(), canManage: z.boolean() }),
    lessons: z.array(
      z.object({
        partId: z.string(),
        seq: z.number().int(),
        title: z.string(),
        durationSeconds: z.number().int().nullable(),
        video: z
          .object({ mediaId: z.string(), fileName: z.string(), durationMs: z.number().int().nullable() })
          .nullable(),
        captions: z.array(
          z.object({ mediaId: z.string(), fileName: z.string(), language: z.enum(CAPTION_LANGUAGES) }),
        ),
        documents: z.array(z.object({ mediaId: z.string(), fileName: z.string() })),
        quiz: ZQuizSettings.nullable(),
        questionCount: z.number().int(),
      }),
    ),
  })
  .openapi('ElearningStaffCourseLessons');

const ZCell = z.object({
  partId: z.string(),
  percent: z.number().int(),
  watched: z.boolean(),
  attemptsUsed: z.number().int(),
  bestScorePercent: z.number().int().nullable(),
  passed: z.boolean(),
  complete: z.boolean(),
  lastActivityAt: z.string().nullable(),
});

/** Who watched what and who passed, per course: learners × lessons. */
export const ZCourseProgress = z
  .object({
    course: z.object({ id: z.string(), title: z.string() }),
    lessons: z.array(
      z.object({
        partId: z.string(),
        seq: z.number().int(),
        title: z.string(),
        hasVideo: z.boolean(),
        hasQuiz: z.boolean(),
      }),
    ),
    learners: z.array(
      z.object({
        userId: z.string(),
        displayName: z.string(),
        email: z.string(),
        completedCount: z.number().int(),
        cells: z.array(ZCell),
        /** The standing certificate of the course completed without a session (course-certificates.ts). */
        certificate: z.object({ id: z.string(), serial: z.string(), completedOn: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('ElearningCourseProgress');

/** The learner's e-learning courses with each lesson's standing. */
export const ZMyElearningCourses = z
  .object({
    items: z.array(
      z.object({
        courseId: z.string(),
        title: z.string(),
        summary: z.string(),
        completedCount: z.number().int(),
        lessons: z.array(
          ZCell.omit({ lastActivityAt: true }).extend({
            seq: z.number().int(),
            title: z.string(),
            durationSeconds: z.number().int().nullable(),
            hasVideo: z.boolean(),
            hasQuiz: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .openapi('ElearningMyCourses');

import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, exists, isNull, or, sql } from 'drizzle-orm';
import { trainingCourseParts, trainingCourses } from '../../../db/schema';
import type { Deps } from '../../../server/context';
import { ERROR_RESPONSES, jsonOk, moduleRouter } from '../../../server/openapi';
import { XLSX_TYPE, xlsxAnswer } from '../../../server/xlsx-response';
import { requireActor } from '../../accounts/middleware';
import { recordAudit } from '../../audit/record';
import { courseCertificatesOf } from '../course-certificates';
import { courseScope, learningPolicyFor, requireStaff } from '../scope';
import { learnerCourseCondition, requireLearner, staffCourse } from './access';
import {
  courseLearners,
  lessonCells,
  lessonFacts,
  lessonMediaOf,
  lessonPartsOf,
  quizSettingsOf,
} from './overview';
import { courseProgressXlsx } from './progress-xlsx';
import { ZCourseParam } from './schemas';
import {
  ZCourseProgress,
  ZMyElearningCourses,
  ZStaffCourseLessons,
  ZStaffElearningCourses,
} from './schemas-overview';

const tags = ['learning-elearning'];

const ZProgressQuery = z.object({
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

/** A course has e-learning when it is of the e-learning kind or has a lesson part. */
const hasLessons = exists(
  sql`(select 1 from ${trainingCourseParts} where ${trainingCourseParts.courseId} = ${trainingCourses.id}
    and ${trainingCourseParts.kind} = 'lesson')`,
);

/**
 * Lists and overviews: the staff member's e-learning courses, a course's lessons with their media and quiz, a
 * course's learners × lessons (who watched what, who passed), and the learner's own courses and lessons.
 * Staff reads are scoped through the course (404 outside; the learners' progress only for a course they manage);
 * the learner's list only holds courses they may open.
 */
export function overviewRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/courses',
      tags,
      summary: 'eラーニングの研修 / The e-learning courses the staff member reads',
      responses: jsonOk(ZStaffElearningCourses),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'read');
      const rows = await db
        .select({
          id: trainingCourses.id,
          kind: trainingCourses.kind,
          title: trainingCourses.title,
          canManage: sql<boolean>`coalesce((${courseScope(policy, 'manage')}), false)`,
        })
        .from(trainingCourses)
        .where(
          and(
            courseScope(policy, 'read'),
            isNull(trainingCourses.archivedAt),
            or(eq(trainingCourses.kind, 'supporter_elearning'), hasLessons),
          ),
        )
        .orderBy(asc(trainingCourses.title), asc(trainingCourses.id));
      const parts = await lessonPartsOf(
        db,
        rows.map((x) => x.id),
      );
      const items = rows.map((x) => ({
        ...x,
        canManage: Boolean(x.canManage),
        lessonCount: parts.filter((p) => p.courseId === x.id).length,
      }));
      return c.json({ items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/courses/{courseId}/lessons',
      tags,
      summary: '講義の一覧（職員） / A course’s lessons with their media and quiz',
      request: { params: ZCourseParam },
      responses: jsonOk(ZStaffCourseLessons),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'read');
      const course = await staffCourse(db, policy, c.req.valid('param').courseId, 'read');
      const [managed] = await db
        .select({ id: trainingCourses.id })
        .from(trainingCourses)
        .where(and(eq(trainingCourses.id, course.id), courseScope(policy, 'manage')));
      const parts = await lessonPartsOf(db, [course.id]);
      const ids = parts.map((p) => p.id);
      const media = await lessonMediaOf(db, ids);
      const quizzes = await quizSettingsOf(db, ids);
      return c.json(
        {
          course: { id: course.id, title: course.title, canManage: Boolean(managed) },
          lessons: parts.map((p) => ({
            partId: p.id,
            seq: p.seq,
            title: p.title,
            durationSeconds: p.durationSeconds,
            ...media.get(p.id)!,
            quiz: quizzes.get(p.id)?.settings ?? null,
            questionCount: quizzes.get(p.id)?.questionCount ?? 0,
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/courses/{courseId}/progress',
      tags,
      summary:
        '受講状況 / Who watched what and who passed, per lesson (staff managing the course), JSON or .xlsx',
      request: { params: ZCourseParam, query: ZProgressQuery },
      responses: {
        200: {
          description: 'Learners × lessons (JSON), or the file with format=xlsx',
          content: {
            'application/json': { schema: ZCourseProgress },
            [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      // Learners' progress is personal data: it follows the course's management, as applicants do.
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const course = await staffCourse(db, policy, c.req.valid('param').courseId, 'manage');
      const { format, lang } = c.req.valid('query');
      const parts = await lessonPartsOf(db, [course.id]);
      const ids = parts.map((p) => p.id);
      const { withVideo, withQuiz } = await lessonFacts(db, ids);
      const learners = await courseLearners(db, course.id, ids);
      const cells = await lessonCells(
        db,
        ids,
        learners.map((l) => l.id),
      );
      const certificates = await courseCertificatesOf(
        db,
        course.id,
        learners.map((l) => l.id),
      );
      const data = {
        course: { id: course.id, title: course.title },
        lessons: parts.map((p) => ({
          partId: p.id,
          seq: p.seq,
          title: p.title,
          hasVideo: withVideo.has(p.id),
          hasQuiz: withQuiz.has(p.id),
        })),
        learners: learners.map((l) => {
          const row = ids.map((id) => cells.get(l.id)!.get(id)!);
          return {
            userId: l.id,
            displayName: l.displayName,
            email: l.email,
            completedCount: row.filter((x) => x.complete).length,
            cells: row,
            certificate: certificates.get(l.id) ?? null,
          };
        }),
      };
      if (format === 'json') return c.json(data, 200);
      // An export that is not recorded did not happen: the entry is written before the file is sent.
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'export',
          entityType: 'elearning_progress',
          entityIds: [course.id],
          detail: { lang, learners: data.learners.length },
        },
      );
      const body = await courseProgressXlsx(data, lang);
      return xlsxAnswer(c, body, `elearning-progress-${course.id.slice(0, 8)}.xlsx`);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/courses',
      tags,
      summary: 'eラーニング（受講者） / The learner’s e-learning courses and lessons',
      responses: jsonOk(ZMyElearningCourses),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const courses = await db
        .select({ id: trainingCourses.id, title: trainingCourses.title, summary: trainingCourses.summary })
        .from(trainingCourses)
        .where(and(learnerCourseCondition(actor), hasLessons))
        .orderBy(asc(trainingCourses.title), asc(trainingCourses.id));
      const parts = await lessonPartsOf(
        db,
        courses.map((x) => x.id),
      );
      const ids = parts.map((p) => p.id);
      const { withVideo, withQuiz } = await lessonFacts(db, ids);
      const mine = (await lessonCells(db, ids, [actor.userId])).get(actor.userId);
      const items = courses.map((course) => {
        const lessons = parts
          .filter((p) => p.courseId === course.id)
          .map((p) => {
            const { lastActivityAt: _, ...cell } = mine!.get(p.id)!;
            return {
              ...cell,
              seq: p.seq,
              title: p.title,
              durationSeconds: p.durationSeconds,
              hasVideo: withVideo.has(p.id),
              hasQuiz: withQuiz.has(p.id),
            };
          });
        return {
          courseId: course.id,
          title: course.title,
          summary: course.summary,
          completedCount: lessons.filter((l) => l.complete).length,
          lessons,
        };
      });
      return c.json({ items }, 200);
    },
  );

  return r;
}

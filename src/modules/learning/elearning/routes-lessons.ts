import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import {
  elearningLessonMedia,
  elearningMedia,
  elearningQuestions,
  elearningQuizzes,
  trainingCourseParts,
  trainingCourses,
} from '../../../db/schema';
import type { Deps } from '../../../server/context';
import { AppError } from '../../../server/errors';
import { isUuid, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../../server/openapi';
import { requireActor } from '../../accounts/middleware';
import { recordAudit } from '../../audit/record';
import { courseScope, learningPolicyFor, requireStaff } from '../scope';
import { staffPart } from './access';
import { questionProblem } from './quiz';
import {
  ZLessonMediaRequest,
  ZPartParam,
  ZQuestion,
  ZQuestionInput,
  ZQuizSettings,
  ZStaffQuiz,
} from './schemas';

const tags = ['learning-elearning'];

/**
 * Staff attach media to a lesson and keep a part's quiz: its settings and question bank (correct answers are
 * shown to staff only). Scoped through the course: out of the staff member's area answers 404.
 */
export function lessonRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'put',
      path: '/parts/{partId}/media',
      tags,
      summary: '講義の動画・字幕・資料 / Set a lesson’s video, captions and documents',
      request: { params: ZPartParam, body: jsonBody(ZLessonMediaRequest) },
      responses: jsonOk(z.object({ ok: z.literal(true) })),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { part, course } = await staffPart(db, policy, c.req.valid('param').partId, 'manage');
      if (part.kind !== 'lesson') throw new AppError('elearning_not_a_lesson');
      const body = c.req.valid('json');
      const wanted = [
        ...(body.videoMediaId ? [{ id: body.videoMediaId, kind: 'video' as const }] : []),
        ...body.captionMediaIds.map((id) => ({ id, kind: 'captions' as const })),
        ...body.documentMediaIds.map((id) => ({ id, kind: 'document' as const })),
      ];
      const ids = wanted.map((w) => w.id);
      if (ids.some((id) => !isUuid(id)) || new Set(ids).size !== ids.length) throw new AppError('not_found');
      const found = ids.length
        ? await db
            .select()
            .from(elearningMedia)
            .where(
              and(
                inArray(elearningMedia.id, ids),
                eq(elearningMedia.courseId, course.id),
                isNull(elearningMedia.deletedAt),
              ),
            )
        : [];
      const byId = new Map(found.map((m) => [m.id, m]));
      for (const w of wanted) {
        const m = byId.get(w.id);
        if (!m) throw new AppError('not_found');
        if (m.status !== 'ready') throw new AppError('elearning_media_not_ready');
        if (m.kind !== w.kind) throw new AppError('elearning_media_wrong_kind');
      }
      const langs = wanted.filter((w) => w.kind === 'captions').map((w) => byId.get(w.id)?.captionLanguage);
      if (new Set(langs).size !== langs.length) throw new AppError('elearning_media_wrong_kind');
      await db.transaction(async (tx) => {
        await tx.delete(elearningLessonMedia).where(eq(elearningLessonMedia.partId, part.id));
        if (wanted.length) {
          await tx.insert(elearningLessonMedia).values(
            wanted.map((w, i) => ({
              partId: part.id,
              mediaId: w.id,
              kind: w.kind,
              captionLanguage: byId.get(w.id)?.captionLanguage ?? null,
              seq: i,
            })),
          );
        }
        const video = body.videoMediaId ? byId.get(body.videoMediaId) : undefined;
        if (video?.durationMs) {
          await tx
            .update(trainingCourseParts)
            .set({ durationSeconds: Math.round(video.durationMs / 1000) })
            .where(eq(trainingCourseParts.id, part.id));
        }
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'update',
            entityType: 'elearning_lesson_media',
            entityIds: [part.id, ...ids],
          },
        );
      });
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/parts/{partId}/quiz',
      tags,
      summary: '確認テストと問題 / A part’s quiz settings and question bank (with correct answers)',
      request: { params: ZPartParam },
      responses: jsonOk(ZStaffQuiz),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'read');
      const { part } = await staffPart(db, policy, c.req.valid('param').partId, 'read');
      return c.json(await staffQuiz(part.id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/parts/{partId}/quiz',
      tags,
      summary: '確認テストの設定 / Set a part’s pass mark, attempt limit and questions per attempt',
      request: { params: ZPartParam, body: jsonBody(ZQuizSettings) },
      responses: jsonOk(ZStaffQuiz),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { part } = await staffPart(db, policy, c.req.valid('param').partId, 'manage');
      const s = c.req.valid('json');
      await db.transaction(async (tx) => {
        await tx
          .insert(elearningQuizzes)
          .values({ partId: part.id, ...s })
          .onConflictDoUpdate({ target: elearningQuizzes.partId, set: { ...s, updatedAt: deps.now() } });
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'update',
            entityType: 'elearning_quiz',
            entityIds: [part.id],
            detail: s,
          },
        );
      });
      return c.json(await staffQuiz(part.id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/parts/{partId}/questions',
      tags,
      summary: '問題の追加 / Add a question to a part’s bank',
      request: { params: ZPartParam, body: jsonBody(ZQuestionInput) },
      responses: jsonOk(ZQuestion),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { part } = await staffPart(db, policy, c.req.valid('param').partId, 'manage');
      const q = c.req.valid('json');
      const problem = questionProblem(q);
      if (problem) throw new AppError('elearning_question_invalid', { detail: { problem } });
      const row = await db.transaction(async (tx) => {
        const [last] = await tx
          .select({ seq: max(elearningQuestions.seq) })
          .from(elearningQuestions)
          .where(eq(elearningQuestions.partId, part.id));
        const [created] = await tx
          .insert(elearningQuestions)
          .values({ partId: part.id, seq: (last?.seq ?? 0) + 1, ...q })
          .returning();
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'create',
            entityType: 'elearning_question',
            entityIds: [created!.id, part.id],
          },
        );
        return created!;
      });
      return c.json(presentQuestion(row), 200);
    },
  );

  /** A question of a part the staff member manages, by an unverified id. */
  async function managedQuestion(policy: Awaited<ReturnType<typeof learningPolicyFor>>, id: string) {
    if (!isUuid(id)) throw new AppError('not_found');
    const [row] = await db
      .select({ q: elearningQuestions })
      .from(elearningQuestions)
      .innerJoin(trainingCourseParts, eq(trainingCourseParts.id, elearningQuestions.partId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCourseParts.courseId))
      .where(
        and(
          eq(elearningQuestions.id, id),
          isNull(elearningQuestions.archivedAt),
          courseScope(policy, 'manage'),
        ),
      );
    if (!row) throw new AppError('not_found');
    return row.q;
  }

  r.openapi(
    createRoute({
      method: 'put',
      path: '/questions/{id}',
      tags,
      summary: '問題の変更 / Change a question (attempts already started keep the version they asked)',
      request: { params: ZIdParam, body: jsonBody(ZQuestionInput.extend({ version: z.number().int() })) },
      responses: jsonOk(ZQuestion),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const existing = await managedQuestion(policy, c.req.valid('param').id);
      const { version, ...q } = c.req.valid('json');
      const problem = questionProblem(q);
      if (problem) throw new AppError('elearning_question_invalid', { detail: { problem } });
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(elearningQuestions)
          .set({ ...q, version: version + 1, updatedAt: deps.now() })
          .where(and(eq(elearningQuestions.id, existing.id), eq(elearningQuestions.version, version)))
          .returning();
        if (!updated) throw new AppError('conflict', { detail: { version: existing.version } });
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'update',
            entityType: 'elearning_question',
            entityIds: [existing.id, existing.partId],
          },
        );
        return updated;
      });
      return c.json(presentQuestion(row), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/questions/{id}',
      tags,
      summary: '問題の削除 / Retire a question (kept for the attempts that asked it)',
      request: { params: ZIdParam },
      responses: jsonOk(z.object({ ok: z.literal(true) })),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const existing = await managedQuestion(policy, c.req.valid('param').id);
      await db.transaction(async (tx) => {
        await tx
          .update(elearningQuestions)
          .set({ archivedAt: deps.now() })
          .where(eq(elearningQuestions.id, existing.id));
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'delete',
            entityType: 'elearning_question',
            entityIds: [existing.id, existing.partId],
          },
        );
      });
      return c.json({ ok: true as const }, 200);
    },
  );

  async function staffQuiz(partId: string) {
    const [quiz] = await db.select().from(elearningQuizzes).where(eq(elearningQuizzes.partId, partId));
    const questions = await db
      .select()
      .from(elearningQuestions)
      .where(and(eq(elearningQuestions.partId, partId), isNull(elearningQuestions.archivedAt)))
      .orderBy(asc(elearningQuestions.seq));
    return {
      partId,
      settings: quiz
        ? {
            passPercent: quiz.passPercent,
            attemptLimit: quiz.attemptLimit,
            questionsPerAttempt: quiz.questionsPerAttempt,
          }
        : null,
      questions: questions.map(presentQuestion),
    };
  }

  return r;
}

function presentQuestion(q: typeof elearningQuestions.$inferSelect) {
  return {
    id: q.id,
    seq: q.seq,
    version: q.version,
    kind: q.kind,
    prompt: q.prompt,
    choices: q.choices,
    correct: q.correct,
    explanation: q.explanation,
  };
}

import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { elearningLessonMedia, elearningMedia, elearningProgress } from '../../../db/schema';
import type { Deps } from '../../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../../server/openapi';
import type { CaptionLanguage } from '../../../shared/vocab/learning-elearning';
import { requireActor } from '../../accounts/middleware';
import { recordAudit } from '../../audit/record';
import { learnerLesson, learnerMedia, requireLearner } from './access';
import { ownAttempt, presentAttempt, quizSummary, startAttempt, submitAttempt } from './attempts';
import { PROGRESS_RULE } from './progress';
import { lessonVideo, presentProgress, reportProgress } from './progress-store';
import {
  ZAttempt,
  ZLearnerLesson,
  ZPartParam,
  ZProgressOutcome,
  ZProgressReport,
  ZSubmitAttempt,
} from './schemas';
import { serveMedia } from './serve';

const tags = ['learning-elearning'];

/**
 * A learner's side of e-learning (role `learner`; every other role 403 before any id is read): a lesson with
 * its video, captions, documents, progress and quiz; the media stream with Range; progress reports checked by
 * the server's rule; quiz attempts graded on the server. Lessons outside the learner's courses, and attempts of
 * other learners, answer 404.
 */
export function learnerRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/lessons/{partId}',
      tags,
      summary: '講義（受講者）/ A lesson: video, captions, documents, progress and quiz',
      request: { params: ZPartParam },
      responses: jsonOk(ZLearnerLesson),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const { part, course } = await learnerLesson(db, actor, c.req.valid('param').partId);
      const media = await db
        .select({ link: elearningLessonMedia, m: elearningMedia })
        .from(elearningLessonMedia)
        .innerJoin(elearningMedia, eq(elearningMedia.id, elearningLessonMedia.mediaId))
        .where(and(eq(elearningLessonMedia.partId, part.id), eq(elearningMedia.status, 'ready')))
        .orderBy(asc(elearningLessonMedia.seq));
      const video = await lessonVideo(db, part.id);
      const [progress] = await db
        .select()
        .from(elearningProgress)
        .where(and(eq(elearningProgress.learnerUserId, actor.userId), eq(elearningProgress.partId, part.id)));
      const quiz = await quizSummary(db, actor.userId, part.id);
      const shown = presentProgress(progress, video);
      const watched = video ? Boolean(shown?.complete) : true;
      return c.json(
        {
          partId: part.id,
          courseId: course.id,
          courseTitle: course.title,
          title: part.title,
          description: part.description,
          video: video
            ? { mediaId: video.id, contentType: video.contentType, durationMs: video.durationMs }
            : null,
          captions: media
            .filter((x) => x.link.kind === 'captions')
            .map((x) => ({ mediaId: x.m.id, language: (x.link.captionLanguage ?? 'ja') as CaptionLanguage })),
          documents: media
            .filter((x) => x.link.kind === 'document')
            .map((x) => ({ mediaId: x.m.id, fileName: x.m.fileName, byteSize: x.m.byteSize })),
          progress: shown,
          quiz,
          complete: watched && (!quiz || quiz.passed),
          reportEverySeconds: PROGRESS_RULE.reportEveryMs / 1000,
          maxPlaybackRate: PROGRESS_RULE.maxPlaybackRate,
        },
        200,
      );
    },
  );

  // The stream a <video>, <track> or document link reads, with Range.
  r.get('/me/media/:id', async (c) => {
    const actor = requireActor(c);
    requireLearner(actor);
    const m = await learnerMedia(db, actor, c.req.param('id'));
    return serveMedia(c, db, m);
  });

  r.openapi(
    createRoute({
      method: 'post',
      path: '/me/lessons/{partId}/progress',
      tags,
      summary: '視聴の報告 / Report the intervals watched; the server accepts what real time allows',
      request: { params: ZPartParam, body: jsonBody(ZProgressReport) },
      responses: jsonOk(ZProgressOutcome),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const { partId } = c.req.valid('param');
      const body = c.req.valid('json');
      // One read checks the learner's access to the lesson along with its video and progress (see reportProgress).
      const out = await reportProgress(
        db,
        { actor, partId, intervals: body.intervals, positionSeconds: body.positionSeconds },
        // Completing a lesson counts towards a certificate: recorded once, not every 15-second report, in the
        // report's own transaction.
        (tx, p) =>
          recordAudit(
            tx,
            { actor, meta: c.get('meta'), at: deps.now() },
            {
              action: 'update',
              entityType: 'elearning_progress',
              entityIds: [partId, actor.userId],
              detail: { completed: true, coveredMs: p.coveredMs, durationMs: p.durationMs },
            },
          ),
      );
      const { justCompleted: _, ...body200 } = out;
      return c.json(body200, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/me/lessons/{partId}/attempts',
      tags,
      summary: '確認テストの開始 / Start a quiz attempt (or continue the open one)',
      request: { params: ZPartParam },
      responses: jsonOk(ZAttempt),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const { part } = await learnerLesson(db, actor, c.req.valid('param').partId);
      return c.json(await startAttempt(db, actor.userId, actor.prefectureCode!, part.id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/attempts/{id}',
      tags,
      summary: '解答の表示 / One of your attempts (correct answers only once submitted)',
      request: { params: ZIdParam },
      responses: jsonOk(ZAttempt),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const a = await ownAttempt(db, actor.userId, c.req.valid('param').id);
      const summary = await quizSummary(db, actor.userId, a.partId);
      return c.json(presentAttempt(a, summary?.attemptsLeft ?? null), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/me/attempts/{id}/submit',
      tags,
      summary: '解答の提出 / Submit answers: graded on the server',
      request: { params: ZIdParam, body: jsonBody(ZSubmitAttempt) },
      responses: jsonOk(ZAttempt),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const { id } = c.req.valid('param');
      const { answers } = c.req.valid('json');
      const out = await submitAttempt(db, actor.userId, id, answers, deps.now(), (tx, a, g) =>
        recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'update',
            entityType: 'elearning_attempt',
            entityIds: [a.id, a.partId],
            detail: { scorePercent: g.scorePercent, passed: g.passed },
          },
        ),
      );
      return c.json(out.attempt, 200);
    },
  );

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { WaitingLine } from '../../server/waiting-line';
import { publicSurvey, submitAnswer } from './answer';
import { ZPublicSurvey, ZSubmitAnswerRequest, ZSubmitAnswerResponse, ZTokenParam } from './schemas';

const tags = ['public-surveys'];
/** Largest answer accepted: 100 questions of long text fit well within it. */
export const MAX_ANSWER_BYTES = 256 * 1024;
/** How long a family's request may wait its turn in a burst before it is told to send again. */
export const ANSWER_LINE_WAIT_MS = 60_000;

/**
 * The public survey requests' own line (server/waiting-line.ts): on PostgreSQL half the pool's connections at
 * most, so that a burst of a thousand families waits here for its turn — up to a minute — and the staff keep
 * the other half; on the embedded database, whose one connection serves every statement in turn, one at a time.
 */
export function answerLine(deps: Pick<Deps, 'db'>): WaitingLine {
  const pool = deps.db.pool?.options.max ?? 1;
  return new WaitingLine(Math.max(1, Math.floor(pool / 2)), ANSWER_LINE_WAIT_MS);
}

/** Answering by link (no sign-in): the questions, and one answer (docs/knowledge.md §5). */
export function publicSurveyRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const line = answerLine(deps);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{token}',
      tags,
      summary: 'A survey to answer, by its open or personal link / 回答するアンケート',
      request: { params: ZTokenParam },
      responses: jsonOk(ZPublicSurvey),
    }),
    async (c) => {
      const token = c.req.valid('param').token;
      const survey = await line.run(() => publicSurvey(db, token, deps.now()));
      c.header('cache-control', 'no-store');
      return c.json(survey, 200);
    },
  );

  r.post(
    '/:token/answers',
    bodyLimit({
      maxSize: MAX_ANSWER_BYTES,
      onError: () => {
        throw new AppError('payload_too_large');
      },
    }),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/{token}/answers',
      tags,
      summary: 'Answer a survey (once per personal link; refused after closing) / アンケートへの回答',
      request: { params: ZTokenParam, body: jsonBody(ZSubmitAnswerRequest) },
      responses: {
        201: { description: 'Kept', content: { 'application/json': { schema: ZSubmitAnswerResponse } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const body = c.req.valid('json');
      const meta = c.get('meta');
      await line.run(() => db.transaction((tx) => submitAnswer(tx, token, body, meta, deps.now())));
      return c.json({ received: true as const }, 201);
    },
  );

  return r;
}

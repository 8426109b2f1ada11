import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, moduleRouter } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { CARE_TABLE, computeCareScore, validateCareItems } from '../../shared/care-score';
import { ZCareItemsResponse, ZCareScoreRequest, ZCareScoreResponse } from './schemas';

const tags = ['public'];

/** Score requests per client address and minute on each server, in memory (nothing is stored; decision 0015). */
export const CARE_SCORE_RATE_LIMIT = { limit: 120, windowMs: 60_000 };

const responses429 = {
  429: { description: 'Too many requests / リクエスト過多', content: ERROR_RESPONSES[400].content },
};

/**
 * The public care-score calculator: no sign-in, nothing stored. Scoring is rate-limited per client IP
 * before the body is even validated; the table itself is static and cacheable.
 */
export function publicCareScoreRoutes(deps: Deps) {
  const r = moduleRouter();

  const rateLimit = perServerLimit(deps, CARE_SCORE_RATE_LIMIT);

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Compute a care score / 医療的ケア判定スコアを計算（サインイン不要・保存なし）',
      description:
        'Each item counts base + watch points; the special rules of the table apply. ' +
        'An unknown code, a watch level the item does not define or a repeated code answers 400 ' +
        'validation_failed with one issue per problem (path items.<n>.code or items.<n>.watch).',
      middleware: [rateLimit] as const,
      request: { body: jsonBody(ZCareScoreRequest) },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: ZCareScoreResponse } } },
        400: ERROR_RESPONSES[400],
        ...responses429,
      },
    }),
    (c) => {
      const { items } = c.req.valid('json');
      const problems = validateCareItems(items);
      if (problems.length) {
        throw new AppError('validation_failed', {
          issues: problems.map((p) => ({
            path: `items.${p.index}.${p.field}`,
            message: `${p.message.ja} / ${p.message.en}`,
          })),
        });
      }
      return c.json({ ...computeCareScore(items), version: CARE_TABLE.version }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/items',
      tags,
      summary: 'The care score table / 医療的ケア判定スコアの表（項目・見守りスコア・区分）',
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: ZCareItemsResponse } } },
      },
    }),
    (c) => {
      c.header('cache-control', 'public, max-age=3600');
      return c.json(CARE_TABLE, 200);
    },
  );

  return r;
}

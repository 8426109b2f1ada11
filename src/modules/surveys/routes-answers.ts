import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { answersPage } from './answers-list';
import { surveyPolicy } from './policy';
import { ZAnswerPage, ZAnswersQuery } from './schemas';
import { readableSurvey, requirePolicy, type Who } from './surveys';

const tags = ['surveys'];

/** The answers one by one (docs/knowledge.md §5): whoever reads the results, each read audited. */
export function answerRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor): Who => ({ actor, meta: c.get('meta'), at: deps.now() });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/answers',
      tags,
      summary: 'The answers one by one, within a region or municipality / 回答を1件ずつ',
      description:
        'In the export’s order. A named survey’s answer names its personal link’s label; an anonymous one never names anyone.',
      request: { params: ZIdParam, query: ZAnswersQuery },
      responses: jsonOk(ZAnswerPage),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requirePolicy(surveyPolicy(actor));
      const s = await readableSurvey(db, policy, c.req.valid('param').id);
      const { ids, ...page } = await answersPage(db, s, c.req.valid('query'));
      // A named survey's read names the answers shown; an anonymous survey's answers are never named in the audit
      // log (decision 0027), so its read names the survey.
      const named = !s.anonymous && ids.length > 0;
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: named ? 'survey_answer' : 'survey_results',
        entityIds: named ? ids : [s.id],
        detail: { event: 'answers_read' },
      });
      return c.json(page, 200);
    },
  );

  return r;
}

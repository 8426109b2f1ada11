import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { applyCensusCount, listCensusCounts } from './census-counts';
import { surveyPolicy } from './policy';
import { ZAnswerIdParam } from './schemas';
import { ZApplyCensusRequest, ZCensusCount, ZCensusCounts, ZCensusCountsQuery } from './schemas-census';
import { requirePolicy, type Who } from './surveys';

const tags = ['surveys'];

/**
 * ME-3: a municipal survey's count of children reviewed beside the census and applied as a census source's
 * reported figure for a 年度 (census-counts.ts, docs/knowledge.md §5).
 */
export function censusCountRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor): Who => ({ actor, meta: c.get('meta'), at: deps.now() });
  const policyOf = (actor: Actor) => requirePolicy(surveyPolicy(actor));

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/census-counts',
      tags,
      summary:
        'Municipalities’ counts of children beside their census sources / 市町村が回答した人数と実態把握の照合数',
      request: { params: ZIdParam, query: ZCensusCountsQuery },
      responses: jsonOk(ZCensusCounts),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id } = c.req.valid('param');
      const out = await listCensusCounts(db, w, policy, id, c.req.valid('query').nendo);
      await recordAudit(db, w, {
        action: 'read',
        entityType: 'survey_results',
        entityIds: [id],
        detail: { event: 'census_counts', nendo: out.nendo },
      });
      return c.json(out, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/census-counts/{answerId}/apply',
      tags,
      summary:
        'Apply a municipality’s count as its census source’s reported figure / 回答の人数を報告数として反映',
      description:
        'Under the figure’s version (409 when it moved); applying the same answer again changes nothing. Needs the survey’s management and census write.',
      request: { params: ZAnswerIdParam, body: jsonBody(ZApplyCensusRequest) },
      responses: jsonOk(ZCensusCount),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id, answerId } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.transaction((tx) => applyCensusCount(tx, w, policy, id, answerId, body));
      const out = await listCensusCounts(db, w, policy, id, body.nendo, answerId);
      return c.json(out.items[0]!, 200);
    },
  );

  return r;
}

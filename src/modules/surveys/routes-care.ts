import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { applyCareProposal, listCareProposals } from './care-proposals';
import { surveyPolicy } from './policy';
import { ZAnswerIdParam, ZApplyCareRequest, ZCareProposal, ZCareProposals } from './schemas';
import { requirePolicy, type Who } from './surveys';

const tags = ['surveys'];

/** NA-4: a provider survey's accepted-care answers reviewed and applied to the directory (docs/knowledge.md §5). */
export function careProposalRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor): Who => ({ actor, meta: c.get('meta'), at: deps.now() });
  const policyOf = (actor: Actor) => requirePolicy(surveyPolicy(actor));

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/care-proposals',
      tags,
      summary:
        'Providers’ answers about accepted care against their listings / 受け入れ可能なケアの回答と掲載内容の違い',
      request: { params: ZIdParam },
      responses: jsonOk(ZCareProposals),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const out = await listCareProposals(db, w, policy, c.req.valid('param').id);
      await recordAudit(db, w, {
        action: 'read',
        entityType: 'survey_results',
        entityIds: [c.req.valid('param').id],
        detail: { event: 'care_proposals' },
      });
      return c.json(out, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/care-proposals/{answerId}/apply',
      tags,
      summary: 'Apply chosen accepted-care changes of one answer to its listing / 回答の内容を掲載に反映',
      description: 'Under the listing’s version (409 when it moved); only changes the answer proposes now.',
      request: { params: ZAnswerIdParam, body: jsonBody(ZApplyCareRequest) },
      responses: jsonOk(ZCareProposal),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id, answerId } = c.req.valid('param');
      const body = c.req.valid('json');
      const out = await db.transaction((tx) => applyCareProposal(tx, w, policy, id, answerId, body));
      return c.json(out, 200);
    },
  );

  return r;
}

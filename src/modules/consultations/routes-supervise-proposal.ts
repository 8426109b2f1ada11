import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { SUPERVISE_EXPERTISE } from '../../shared/vocab/learning-roster';
import { requireActor } from '../accounts/middleware';
import { ZProposal } from '../learning/roster/schemas';
import { superviseProposal } from './supervise-proposal';

const tags = ['consultations'];

const ZNeeded = z.object({
  /** The expertise the case needs, comma-separated (medical, nursing, rehab, welfare, …). */
  tags: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(SUPERVISE_EXPERTISE)).min(1))
    .openapi({ param: { name: 'tags', in: 'query' }, example: 'medical,welfare' }),
});

const ZCaseProposal = z
  .object({
    proposal: ZProposal,
    teams: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        members: z.number().int(),
        covers: z.array(z.enum(SUPERVISE_EXPERTISE)),
        uncovered: z.array(z.enum(SUPERVISE_EXPERTISE)),
        openRequests: z.number().int(),
        hasProposal: z.boolean(),
      }),
    ),
  })
  .openapi('ConsultationSuperviseProposal');

/** `GET /{id}/supervise-proposal?tags=`: a team proposed for this case from the supervise pools (ME-2). */
export function superviseProposalRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/supervise-proposal',
      tags,
      summary:
        'A supervise team proposed for the case from the supervise pools, and the teams that fit / スーパーバイズのチーム案',
      request: { params: ZIdParam, query: ZNeeded },
      responses: jsonOk(ZCaseProposal),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { tags: needed } = c.req.valid('query');
      return c.json(await superviseProposal(db, actor, id, needed), 200);
    },
  );
  return r;
}

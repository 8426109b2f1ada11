import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { FOLLOW_UP_STATUSES } from '../../shared/vocab/transitions';
import { requireActor, requireWriter } from '../accounts/middleware';
import { canEditChild } from '../registry/policy';
import { ownerChoices, setFollowUp } from './follow-ups';
import { TRANSITION_KINDS } from './rules';

const tags = ['transitions'];

export const ZFollowUp = z
  .object({
    status: z.enum(FOLLOW_UP_STATUSES),
    ownerUserId: z.string().uuid().nullable(),
    ownerName: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /** 0 while nothing is kept (not started, no owner). */
    version: z.number().int(),
  })
  .openapi('TransitionFollowUp');

const ZSetFollowUp = z.object({
  nendo: z.number().int().min(1900).max(2200),
  kind: z.enum(TRANSITION_KINDS),
  status: z.enum(FOLLOW_UP_STATUSES),
  ownerUserId: z.string().uuid().nullable(),
  version: z.number().int().min(0),
});

const ZOwnerChoices = z
  .object({
    /** Whether the reader may set follow-ups (the screen shows the controls only then). */
    canEdit: z.boolean(),
    people: z.array(z.object({ id: z.string().uuid(), name: z.string(), role: z.string() })),
  })
  .openapi('TransitionOwnerChoices');

/** Follow-ups of transitions: who may carry one, and setting a child's status and owner. */
export function transitionFollowUpRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/owners',
      tags,
      summary: 'People who may carry a transition / 移行の担当者の候補',
      responses: jsonOk(ZOwnerChoices),
    }),
    async (c) => {
      const actor = requireActor(c);
      const canEdit = canEditChild(actor);
      return c.json({ canEdit, people: canEdit ? await ownerChoices(db, actor) : [] }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/follow-ups/{id}',
      tags,
      summary: "Set the follow-up of a child's transition / 移行の対応状況と担当者",
      request: { params: ZIdParam, body: jsonBody(ZSetFollowUp) },
      responses: jsonOk(ZFollowUp),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const body = c.req.valid('json');
      const followUp = await db.transaction((tx) =>
        setFollowUp(tx, actor, { actor, meta: c.get('meta'), at: deps.now() }, c.req.valid('param').id, body),
      );
      return c.json(followUp, 200);
    },
  );
  return r;
}

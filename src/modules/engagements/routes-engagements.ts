import { createRoute } from '@hono/zod-openapi';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor, RequestMeta } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { engagementById, listEngagements } from './queries';
import {
  ZCreateEngagementRequest,
  ZEngagement,
  ZEngagementList,
  ZEngagementOptions,
  ZGoodExampleRequest,
  ZListQuery,
  ZUpdateEngagementRequest,
} from './schemas';
import { municipalitiesInScope, requireEngagementAccess } from './scope';
import { createEngagement, setGoodExample, updateEngagement } from './write';

const tags = ['engagements'];

/**
 * Hearing visits, four-division meetings and support log entries: the list (the good examples are its
 * `goodExample=true` view), one engagement, recording, editing and the good-example mark. Every route refuses a
 * role without access (403) before reading; ids outside the area answer 404.
 */
export function engagementRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (meta: RequestMeta, actor: Actor) => ({
    actor,
    meta,
    at: deps.now(),
    today: isoDateInJapan(deps.now()),
  });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary: 'Municipalities of the area and the owners one may name / 選択肢',
      responses: jsonOk(ZEngagementOptions),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const owners = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(
          and(
            eq(users.prefectureCode, policy.prefectureCode),
            inArray(users.role, ['centre_admin', 'centre_staff', 'regional_coordinator']),
            isNull(users.disabledAt),
          ),
        )
        .orderBy(users.displayName);
      return c.json(
        {
          municipalities: await municipalitiesInScope(db, policy),
          owners,
          canRecord: policy.write,
          today: isoDateInJapan(deps.now()),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Engagements of the area, newest first / 訪問・協議・支援の一覧',
      request: { query: ZListQuery },
      responses: jsonOk(ZEngagementList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const q = c.req.valid('query');
      const list = await listEngagements(db, policy, q);
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'search',
        entityType: 'engagement',
        entityIds: list.items.map((i) => i.id),
        detail: { ...q, total: list.total },
      });
      return c.json({ ...list, canRecord: policy.write }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Record a hearing visit, four-division meeting or support log entry / 記録する',
      request: { body: jsonBody(ZCreateEngagementRequest) },
      responses: {
        201: { description: 'Recorded', content: { 'application/json': { schema: ZEngagement } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor, 'write');
      const body = c.req.valid('json');
      const out = await db.transaction((tx) => createEngagement(tx, who(c.get('meta'), actor), policy, body));
      return c.json(out, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One engagement / 記録の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZEngagement),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const e = await engagementById(db, policy, c.req.valid('param').id);
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'read',
        entityType: 'engagement',
        entityIds: [e.id],
      });
      return c.json(e, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      summary: 'Change an engagement (with the version read) / 記録の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateEngagementRequest) },
      responses: jsonOk(ZEngagement),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor, 'write');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const out = await db.transaction((tx) =>
        updateEngagement(tx, who(c.get('meta'), actor), policy, id, body),
      );
      return c.json(out, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/good-example',
      tags,
      summary: 'Mark or unmark an engagement as a good example / 好事例の指定',
      request: { params: ZIdParam, body: jsonBody(ZGoodExampleRequest) },
      responses: jsonOk(ZEngagement),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor, 'write');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const out = await db.transaction((tx) =>
        setGoodExample(tx, who(c.get('meta'), actor), policy, id, body),
      );
      return c.json(out, 200);
    },
  );

  return r;
}

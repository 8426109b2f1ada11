import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { actionItemView, myActionItems, updateActionItem } from './action-items';
import { feedState, issueFeed, revokeFeed } from './calendar';
import { originOf } from './routes-bodies';
import {
  ZActionItem,
  ZActionItemList,
  ZActionItemListQuery,
  ZCalendarFeed,
  ZUpdateActionItemRequest,
} from './schemas';
import { councilPolicyFor, requireCouncils } from './scope';

const tags = ['councils'];

/** The caller's action items and their personal calendar feed. */
export function actionRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/action-items/mine',
      tags,
      summary: 'My action items, open first by due date / 自分の宿題',
      request: { query: ZActionItemListQuery },
      responses: jsonOk(ZActionItemList),
    }),
    async (c) => {
      const policy = await councilPolicyFor(db, requireActor(c));
      return c.json(await myActionItems(db, policy, c.req.valid('query').status, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/action-items/{id}',
      tags,
      summary: 'Mark an action item done or change it (409 on a stale version) / 宿題の完了・変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateActionItemRequest) },
      responses: jsonOk(ZActionItem),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await councilPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateActionItem(tx, who, policy, id, c.req.valid('json')));
      return c.json(await actionItemView(db, policy, id, who.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feed',
      tags,
      summary: 'Whether my personal calendar feed is on / 個人カレンダー配信の状態',
      responses: jsonOk(ZCalendarFeed),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireCouncils(await councilPolicyFor(db, actor), 'read');
      return c.json(await feedState(db, actor.userId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/calendar-feed',
      tags,
      summary: 'Issue a new feed address (the previous one stops working) / 配信アドレスの発行',
      request: { body: jsonBody(z.object({}).strict()) },
      responses: jsonOk(ZCalendarFeed),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireCouncils(await councilPolicyFor(db, actor), 'read');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      return c.json(await db.transaction((tx) => issueFeed(tx, who, originOf(deps, c))), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar-feed',
      tags,
      summary: 'Stop my calendar feed (its address answers 404 from now on) / 配信の停止',
      responses: jsonOk(ZCalendarFeed),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireCouncils(await councilPolicyFor(db, actor), 'read');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      return c.json(await db.transaction((tx) => revokeFeed(tx, who)), 200);
    },
  );

  return r;
}

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { assignees } from './action-items';
import { bodyView, councilOptions, createBody, listBodies, updateBody } from './bodies';
import { bodyCalendar } from './calendar';
import { generateMeetings } from './meetings';
import { addMember, updateMember } from './members';
import {
  ZAssignees,
  ZBody,
  ZBodyList,
  ZBodyListQuery,
  ZCouncilOptions,
  ZCreateBodyRequest,
  ZCreateMemberRequest,
  ZGenerated,
  ZGenerateMeetingsRequest,
  ZUpdateBodyRequest,
  ZUpdateMemberRequest,
} from './schemas';
import { councilPolicyFor } from './scope';

const tags = ['councils'];

/** The address the product is reached at (links in calendar files). */
export function originOf(deps: Deps, c: Context<AppEnv>): string {
  return (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

/** Bodies (会議体), their members and schedule, and a body's calendar file. */
export function bodyRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const whoOf = (c: Context<AppEnv>, actor = requireWriter(c)) => ({
    actor,
    meta: c.get('meta'),
    at: deps.now(),
  });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary: 'Owners a new body may have and organisations for affiliations / 会議体の選択肢',
      responses: jsonOk(ZCouncilOptions),
    }),
    async (c) => c.json(await councilOptions(db, await councilPolicyFor(db, requireActor(c))), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/bodies',
      tags,
      summary: 'Bodies with next meeting, members and open action items / 会議体の一覧',
      request: { query: ZBodyListQuery },
      responses: jsonOk(ZBodyList),
    }),
    async (c) => {
      const policy = await councilPolicyFor(db, requireActor(c));
      return c.json(await listBodies(db, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/bodies',
      tags,
      summary: 'Create a body / 会議体の作成',
      request: { body: jsonBody(ZCreateBodyRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZBody } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const id = await db.transaction((tx) => createBody(tx, who, policy, c.req.valid('json')));
      return c.json(await bodyView(db, who, policy, id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/bodies/{id}',
      tags,
      summary: 'A body with members, meetings, action items and charter / 会議体の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZBody),
    }),
    async (c) => {
      const who = whoOf(c, requireActor(c));
      const policy = await councilPolicyFor(db, who.actor);
      return c.json(await bodyView(db, who, policy, c.req.valid('param').id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/bodies/{id}',
      tags,
      summary: 'Change a body, its charter or schedule (409 on a stale version) / 会議体の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateBodyRequest) },
      responses: jsonOk(ZBody),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateBody(tx, who, policy, id, c.req.valid('json')));
      return c.json(await bodyView(db, who, policy, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/bodies/{id}/members',
      tags,
      summary: 'Add a member (term, affiliation, category) / 委員の追加',
      request: { params: ZIdParam, body: jsonBody(ZCreateMemberRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZBody } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => addMember(tx, who, policy, id, c.req.valid('json')));
      return c.json(await bodyView(db, who, policy, id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/members/{id}',
      tags,
      summary: 'Change a member, e.g. end their term (409 on a stale version) / 委員の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMemberRequest) },
      responses: jsonOk(ZBody),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      const bodyId = await db.transaction((tx) => updateMember(tx, who, policy, id, c.req.valid('json')));
      return c.json(await bodyView(db, who, policy, bodyId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/bodies/{id}/meetings/generate',
      tags,
      summary: 'Plan the next meetings from the schedule / 定例の日程で会議を予定する',
      request: { params: ZIdParam, body: jsonBody(ZGenerateMeetingsRequest) },
      responses: jsonOk(ZGenerated),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      const created = await db.transaction((tx) =>
        generateMeetings(tx, who, policy, id, c.req.valid('json')),
      );
      return c.json({ created }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/bodies/{id}/assignees',
      tags,
      summary: 'People who may own an action item of the body / 宿題の担当者の候補',
      request: { params: ZIdParam },
      responses: jsonOk(ZAssignees),
    }),
    async (c) => {
      const policy = await councilPolicyFor(db, requireActor(c));
      return c.json(await assignees(db, policy, c.req.valid('param').id, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/bodies/{id}/calendar.ics',
      tags,
      summary: 'The body’s meetings as an iCalendar file / 会議の予定（.ics）',
      request: { params: ZIdParam },
      responses: {
        200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const who = whoOf(c, requireActor(c));
      const policy = await councilPolicyFor(db, who.actor);
      const cal = await bodyCalendar(db, who, policy, c.req.valid('param').id, originOf(deps, c));
      return c.body(cal.text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="council.ics"; filename*=UTF-8''${encodeURIComponent(cal.name)}.ics`,
        'cache-control': 'private, no-store',
      });
    },
  );

  return r;
}

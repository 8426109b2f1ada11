import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { createActionItem } from './action-items';
import { createMeeting, listMeetings, meetingView, updateMeeting } from './meetings';
import { recordAttendance, writeMinutes } from './minutes';
import {
  ZAttendanceRequest,
  ZCreateActionItemRequest,
  ZCreateMeetingRequest,
  ZMeeting,
  ZMeetingList,
  ZMeetingListQuery,
  ZMinutesRequest,
  ZUpdateMeetingRequest,
} from './schemas';
import { councilPolicyFor } from './scope';

const tags = ['councils'];

/** Meetings: list, page, plan, change, attendance, minutes with decisions, action items. */
export function meetingRoutes(deps: Deps) {
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
      path: '/meetings',
      tags,
      summary: 'Meetings of the bodies the caller reads / 会議の一覧',
      request: { query: ZMeetingListQuery },
      responses: jsonOk(ZMeetingList),
    }),
    async (c) => {
      const policy = await councilPolicyFor(db, requireActor(c));
      return c.json(await listMeetings(db, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/meetings',
      tags,
      summary: 'Plan a meeting (it may not end before it starts) / 会議の予定',
      request: { body: jsonBody(ZCreateMeetingRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZMeeting } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const id = await db.transaction((tx) => createMeeting(tx, who, policy, c.req.valid('json')));
      return c.json(await meetingView(db, who, policy, id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}',
      tags,
      summary: 'A meeting with agenda, attendance, minutes, decisions and action items / 会議の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZMeeting),
    }),
    async (c) => {
      const who = whoOf(c, requireActor(c));
      const policy = await councilPolicyFor(db, who.actor);
      return c.json(await meetingView(db, who, policy, c.req.valid('param').id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/meetings/{id}',
      tags,
      summary: 'Change a meeting or its status (409 on a stale version) / 会議の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMeetingRequest) },
      responses: jsonOk(ZMeeting),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateMeeting(tx, who, policy, id, c.req.valid('json')));
      return c.json(await meetingView(db, who, policy, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/meetings/{id}/attendance',
      tags,
      summary: 'Record attendance, members only (409 on a stale version) / 出欠の記録',
      request: { params: ZIdParam, body: jsonBody(ZAttendanceRequest) },
      responses: jsonOk(ZMeeting),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => recordAttendance(tx, who, policy, id, c.req.valid('json')));
      return c.json(await meetingView(db, who, policy, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/meetings/{id}/minutes',
      tags,
      summary: 'Write minutes (public and non-public parts) and decisions; publish / 議事録と決定事項',
      request: { params: ZIdParam, body: jsonBody(ZMinutesRequest) },
      responses: jsonOk(ZMeeting),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => writeMinutes(tx, who, policy, id, c.req.valid('json')));
      return c.json(await meetingView(db, who, policy, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/action-items',
      tags,
      summary: 'Add an action item with owner and due date / 宿題の追加',
      request: { params: ZIdParam, body: jsonBody(ZCreateActionItemRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZMeeting } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => createActionItem(tx, who, policy, id, c.req.valid('json')));
      return c.json(await meetingView(db, who, policy, id), 201);
    },
  );

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import {
  ZCreateSessionRequest,
  ZSession,
  ZSessionList,
  ZSessionListQuery,
  ZSessionStatusRequest,
  ZUpdateSessionRequest,
} from './schemas-courses';
import { learningPolicyFor } from './scope';
import { changeSessionStatus, createSession, listSessions, sessionView, updateSession } from './sessions';

const tags = ['learning'];

/** Sessions (研修の回): list, page, create, change (fields and days), open / close / complete / cancel. */
export function sessionRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      tags,
      summary: 'Training sessions with dates, place, seats and applicants / 研修の回の一覧',
      request: { query: ZSessionListQuery },
      responses: jsonOk(ZSessionList),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      return c.json(await listSessions(db, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sessions',
      tags,
      summary: 'Create a session of a course (a draft) / 研修の回の作成',
      request: { body: jsonBody(ZCreateSessionRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZSession } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const id = await db.transaction((tx) => createSession(tx, who, policy, c.req.valid('json')));
      return c.json(await sessionView(db, policy, id, who.at), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}',
      tags,
      summary: 'A training session with its days / 研修の回の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZSession),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      return c.json(await sessionView(db, policy, c.req.valid('param').id, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/sessions/{id}',
      tags,
      summary: 'Change a session and its days (409 on a stale version) / 研修の回の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateSessionRequest) },
      responses: jsonOk(ZSession),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateSession(tx, who, policy, id, c.req.valid('json')));
      return c.json(await sessionView(db, policy, id, who.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/status',
      tags,
      summary: 'Open, close, complete or cancel a session / 募集開始・締切・実施済み・中止',
      request: { params: ZIdParam, body: jsonBody(ZSessionStatusRequest) },
      responses: jsonOk(ZSession),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id } = c.req.valid('param');
      await db.transaction((tx) => changeSessionStatus(tx, who, policy, id, c.req.valid('json')));
      return c.json(await sessionView(db, policy, id, who.at), 200);
    },
  );

  return r;
}

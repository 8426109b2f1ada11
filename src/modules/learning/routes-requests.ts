import { createRoute, type z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, organisations } from '../../db/schema';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { learningOptions, type Who } from './courses';
import { addEntry, assignToMe, closeRequest, createRequest, linkSession, writeNeed } from './requests';
import { type RequestAccess, requestAccess } from './requests-access';
import { listRequests, requestView, transitionRequests } from './requests-queries';
import {
  ZCreateRequestRequest,
  ZNewProviders,
  ZNewProvidersQuery,
  ZRequest,
  ZRequestAssignRequest,
  ZRequestCloseRequest,
  ZRequestEntryRequest,
  ZRequestLinkRequest,
  ZRequestList,
  ZRequestListQuery,
  ZRequestNeedRequest,
  ZRequestOptions,
  ZTransitionRequests,
  ZTransitionRequestsQuery,
} from './requests-schemas';
import { NEW_PROVIDER_DAYS, newProviders } from './requests-triggers';

const tags = ['learning'];

/** Training requests (MI-6) and their triggers: first entries (KU-3) and newly opened providers. */
export function requestRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/requests',
      tags,
      summary: 'Training requests: who asks, what, state, days waiting, handler / 研修の依頼の一覧',
      request: { query: ZRequestListQuery },
      responses: jsonOk(ZRequestList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const access = await requestAccess(db, actor);
      return c.json(await listRequests(db, access, c.req.valid('query'), deps.now(), actor.userId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/requests/options',
      tags,
      summary: 'Who a request may come from and who may own it / 依頼元と担当の選択肢',
      responses: jsonOk(ZRequestOptions),
    }),
    async (c) => {
      const access = await requestAccess(db, requireActor(c));
      if (access.side === 'requester') {
        return c.json({ side: access.side, organisations: [], municipalities: [], owners: [] }, 200);
      }
      const pref = access.policy.prefectureCode!;
      const [orgs, munis, opts] = await Promise.all([
        db
          .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
          .from(organisations)
          .where(eq(organisations.prefectureCode, pref))
          .orderBy(asc(organisations.kana), asc(organisations.name)),
        db
          .select({ code: municipalities.code, name: municipalities.name })
          .from(municipalities)
          .where(and(eq(municipalities.prefectureCode, pref)))
          .orderBy(asc(municipalities.code)),
        learningOptions(db, access.policy),
      ]);
      return c.json(
        { side: access.side, organisations: orgs, municipalities: munis, owners: opts.owners },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/requests/transitions',
      tags,
      summary: 'First-entry requests per child of a 年度 (the transitions screen) / 入園・入学時研修の状況',
      request: { query: ZTransitionRequestsQuery },
      responses: jsonOk(ZTransitionRequests),
    }),
    async (c) => {
      const actor = requireActor(c);
      const access = await requestAccess(db, actor);
      return c.json(await transitionRequests(db, actor, access, c.req.valid('query').nendo), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/requests/new-providers',
      tags,
      summary: 'Providers newly opened in the resources directory / 新規開設の事業所（研修の提案）',
      request: { query: ZNewProvidersQuery },
      responses: jsonOk(ZNewProviders),
    }),
    async (c) => {
      const access = await requestAccess(db, requireActor(c));
      const days = c.req.valid('query').days ?? NEW_PROVIDER_DAYS;
      return c.json(await newProviders(db, access, days, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/requests',
      tags,
      summary: 'Record or file a training request / 研修の依頼の登録',
      request: { body: jsonBody(ZCreateRequestRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZRequest } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireWriter(c);
      const access = await requestAccess(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const id = await db.transaction((tx) => createRequest(tx, who, access, c.req.valid('json')));
      return c.json(await requestView(db, actor, access, id, who.at), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/requests/{id}',
      tags,
      summary: 'A training request with its dialogue / 研修の依頼の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZRequest),
    }),
    async (c) => {
      const actor = requireActor(c);
      const access = await requestAccess(db, actor);
      return c.json(await requestView(db, actor, access, c.req.valid('param').id, deps.now()), 200);
    },
  );

  const change = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (tx: DbOrTx, who: Who, access: RequestAccess, id: string, b: z.infer<S>) => Promise<void>,
  ) =>
    r.openapi(
      createRoute({
        method: 'post',
        path,
        tags,
        summary,
        request: { params: ZIdParam, body: jsonBody(body) },
        responses: jsonOk(ZRequest),
      }),
      async (c) => {
        const actor = requireWriter(c);
        const access = await requestAccess(db, actor);
        const who = { actor, meta: c.get('meta'), at: deps.now() };
        // Validated by the route's schemas before the handler runs; the generic body type is not inferred.
        const valid = c.req.valid.bind(c.req) as unknown as (target: 'param' | 'json') => unknown;
        const { id } = valid('param') as { id: string };
        const b = valid('json') as z.infer<S>;
        await db.transaction((tx) => run(tx, who, access, id, b));
        return c.json(await requestView(db, actor, access, id, who.at), 200);
      },
    );
  change(
    '/requests/{id}/entries',
    'Add an entry to the dialogue / やりとりの追加',
    ZRequestEntryRequest,
    (tx, who, a, id, b) => addEntry(tx, who, a, id, b.body),
  );
  change(
    '/requests/{id}/need',
    'Write down the need / ニーズの記入',
    ZRequestNeedRequest,
    (tx, who, a, id, b) => writeNeed(tx, who, a, id, b),
  );
  change(
    '/requests/{id}/session',
    'Link the resulting session / 研修の回の設定',
    ZRequestLinkRequest,
    (tx, who, a, id, b) => linkSession(tx, who, a, id, b),
  );
  change(
    '/requests/{id}/close',
    'Mark done or decline / 完了・見送り',
    ZRequestCloseRequest,
    (tx, who, a, id, b) => closeRequest(tx, who, a, id, b),
  );
  change(
    '/requests/{id}/assign',
    'Take the request as its handler / 担当する',
    ZRequestAssignRequest,
    (tx, who, a, id, b) => assignToMe(tx, who, a, id, b.version),
  );

  return r;
}

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { listFirstWindows, publicFirstWindowList, setFirstWindow } from './first-windows';
import { createPage, listPages, pageView, updatePage } from './pages';
import { publicPage, publicSite } from './public';
import {
  ZCodeParam,
  ZCreatePublicPageRequest,
  ZFirstWindowList,
  ZPublicFirstWindows,
  ZPublicPage,
  ZPublicPageList,
  ZPublicPageQuery,
  ZPublicPageView,
  ZPublicSite,
  ZPublicSiteQuery,
  ZSetFirstWindowRequest,
  ZSlugParam,
  ZUpdatePublicPageRequest,
} from './schemas';

const tags = ['public-site'];

/** The centre HQ's editing API (/api/public-site): pages, emergency notices and the first windows. */
export function publicSiteStaffRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const whoOf = (c: Context<AppEnv>) => ({ actor: requireWriter(c), meta: c.get('meta'), at: deps.now() });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/pages',
      tags,
      summary: 'The public site’s pages with status, languages and last edit / 公開ページの一覧',
      responses: jsonOk(ZPublicPageList),
    }),
    async (c) => c.json(await listPages(db, requireActor(c), deps.now()), 200),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/pages',
      tags,
      summary: 'Write a new page or emergency notice / 公開ページの作成',
      request: { body: jsonBody(ZCreatePublicPageRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZPublicPage } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const who = whoOf(c);
      const p = await createPage(db, who, c.req.valid('json'));
      return c.json(await pageView(db, who.actor, p.id, who.at), 201);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/pages/{id}',
      tags,
      summary: 'One page with its versions / 公開ページ',
      request: { params: ZIdParam },
      responses: jsonOk(ZPublicPage),
    }),
    async (c) => c.json(await pageView(db, requireActor(c), c.req.valid('param').id, deps.now()), 200),
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/pages/{id}',
      tags,
      summary: 'Change a page (with the version read; 409 when stale) / 公開ページの更新',
      request: { params: ZIdParam, body: jsonBody(ZUpdatePublicPageRequest) },
      responses: jsonOk(ZPublicPage),
    }),
    async (c) => {
      const who = whoOf(c);
      const p = await updatePage(db, who, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await pageView(db, who.actor, p.id, who.at), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/first-windows',
      tags,
      summary: 'Every municipality’s first window: contacts, choice and coordinators / 最初の窓口の設定',
      responses: jsonOk(ZFirstWindowList),
    }),
    async (c) => c.json(await listFirstWindows(db, requireActor(c)), 200),
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/first-windows/{code}',
      tags,
      summary: 'Choose a municipality’s public first window and coordinator / 最初の窓口の選択',
      request: { params: ZCodeParam, body: jsonBody(ZSetFirstWindowRequest) },
      responses: jsonOk(z.object({ version: z.number().int() })),
    }),
    async (c) =>
      c.json(await setFirstWindow(db, whoOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
  );
  return r;
}

/** The public reads (/api/public/site, no sign-in; rate-limited in index.ts). */
export function publicSiteRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['public'],
      summary: 'The public site’s frame: centre contact, notices on show, published pages / 公開サイト',
      request: { query: ZPublicSiteQuery },
      responses: { 200: jsonOk(ZPublicSite)[200], 400: ERROR_RESPONSES[400] },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=30');
      return c.json(await publicSite(db, c.req.valid('query'), deps.now()), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/first-windows',
      // The staff list at /api/public-site/first-windows would derive the same id.
      operationId: 'getPublishedFirstWindows',
      tags: ['public'],
      summary: 'The first window in every municipality, with its coordinator / 市町村の最初の相談窓口',
      request: { query: ZPublicPageQuery.pick({ prefecture: true }) },
      responses: { 200: jsonOk(ZPublicFirstWindows)[200], 400: ERROR_RESPONSES[400] },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=60');
      return c.json(await publicFirstWindowList(db, c.req.valid('query').prefecture), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/pages/{slug}',
      tags: ['public'],
      summary: 'One published page in the language asked for, or Japanese / 公開ページ',
      request: { params: ZSlugParam, query: ZPublicPageQuery },
      responses: { 200: jsonOk(ZPublicPageView)[200], 400: ERROR_RESPONSES[400], 404: ERROR_RESPONSES[404] },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=30');
      return c.json(await publicPage(db, c.req.valid('query'), c.req.valid('param').slug, deps.now()), 200);
    },
  );
  return r;
}

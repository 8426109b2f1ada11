import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { publicStories } from './public-offer';
import { ZPublicStory, ZPublicStoryList, ZPublicStoryQuery } from './schemas';

const tags = ['public'];

/**
 * The good practices on the centre's public site (no sign-in; mounted under /api/public/site): only published
 * stories whose consent to publication is recorded and which the centre put on the site; no contact, no source.
 */
export function publicStoryRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/good-practices',
      tags,
      summary: '公開サイトの好事例 / Good practices on the public site',
      request: { query: ZPublicStoryQuery },
      responses: jsonOk(ZPublicStoryList),
    }),
    async (c) => c.json({ items: await publicStories(db, c.req.valid('query').prefecture) }, 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/good-practices/{id}',
      tags,
      summary: '公開サイトの好事例（1件） / One good practice on the public site',
      request: { params: ZIdParam, query: ZPublicStoryQuery },
      responses: jsonOk(ZPublicStory),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const [story] = await publicStories(db, c.req.valid('query').prefecture, id);
      if (!story) throw new AppError('not_found');
      return c.json(story, 200);
    },
  );

  return r;
}

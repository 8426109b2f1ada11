import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, moduleRouter } from '../../server/openapi';
import { catalogue, ZCatalogue, ZCatalogueQuery } from './catalogue';

/** The public catalogue of trainings (no sign-in; the module's rate limit applies). */
export function publicCatalogueRoutes(deps: Deps) {
  const r = moduleRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      tags: ['public'],
      summary: 'Open and upcoming training sessions of public courses / 研修の案内（サインイン不要）',
      request: { query: ZCatalogueQuery },
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: ZCatalogue } } },
        400: ERROR_RESPONSES[400],
      },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=60');
      return c.json(await catalogue(deps.db.systemDb, c.req.valid('query'), deps.now()), 200);
    },
  );
  return r;
}

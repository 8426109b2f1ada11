import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { publicStoryRoutes } from '../good-practices/routes-public';
import { publicSiteRoutes, publicSiteStaffRoutes } from './routes';

/**
 * The centre's public site (docs/knowledge.md §3): pages the centre writes in Markdown (fixed kinds, free pages,
 * emergency notices) and the first window in every municipality, kept by the centre's HQ.
 */
export const publicSiteModule: Module = {
  name: 'public-site',
  basePath: '/api/public-site',
  routes: (deps) => publicSiteStaffRoutes(deps),
};

/** Public requests per client address and minute on each server, like the other public pages (decision 0015). */
export const PUBLIC_SITE_RATE_LIMIT = { limit: 300, windowMs: 60_000 };

/** The public reads (no sign-in). */
export const publicSitePublicModule: Module = {
  name: 'public-site-public',
  basePath: '/api/public/site',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', perServerLimit(deps, PUBLIC_SITE_RATE_LIMIT));
    r.route('/', publicSiteRoutes(deps));
    r.route('/', publicStoryRoutes(deps));
    return r;
  },
};

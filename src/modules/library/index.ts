import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { captionRoutes, publicCaptionRoutes } from './routes-captions';
import { publicLibraryRoutes } from './routes-public';
import { libraryRoutes } from './routes-staff';

/** 資料ライブラリ (NA-6, KA-7; docs/knowledge.md §2): forms, guides, videos and links, handed out from a case. */
export const libraryModule: Module = {
  name: 'library',
  basePath: '/api/library',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', libraryRoutes(deps));
    r.route('/', captionRoutes(deps));
    return r;
  },
};

/** Public requests per client address and minute on each server, like the other public pages (decision 0015). */
export const PUBLIC_LIBRARY_RATE_LIMIT = { limit: 300, windowMs: 60_000 };

/** The public library (no sign-in). */
export const publicLibraryModule: Module = {
  name: 'public-library',
  basePath: '/api/public/library',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', perServerLimit(deps, PUBLIC_LIBRARY_RATE_LIMIT));
    r.route('/', publicLibraryRoutes(deps));
    r.route('/', publicCaptionRoutes(deps));
    return r;
  },
};

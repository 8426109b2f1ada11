import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { registerPlaceRoutes } from './routes-places';
import { publicResourceRoutes } from './routes-public';
import { registerRoundRoutes } from './routes-rounds';
import { registerServiceRoutes } from './routes-services';
import { registerWorkRoutes } from './routes-work';
import { clearSearchCacheOnWrite } from './search-cache';

/**
 * 社会資源 (resources): the directory (organizations, services), provider confirmation, re-confirmation rounds,
 * open-data import, HSDS/xlsx export, gaps and bottlenecks — staff API.
 */
export const resourcesModule: Module = {
  name: 'resources',
  basePath: '/api/resources',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', clearSearchCacheOnWrite(deps));
    registerServiceRoutes(r, deps);
    registerRoundRoutes(r, deps);
    registerWorkRoutes(r, deps);
    registerPlaceRoutes(r, deps);
    return r;
  },
};

/** The public resources site's API: search, listing pages, provider confirmation links (no sign-in). */
export const publicResourcesModule: Module = {
  name: 'public-resources',
  basePath: '/api/public/resources',
  routes: publicResourceRoutes,
};

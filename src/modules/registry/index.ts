import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { registryRoutes } from './routes';

/**
 * The registry module. Its sub-routers are mounted here, one per area of the child record; routes with fixed
 * paths (e.g. /export) are mounted before the one taking /{id}.
 */
export const registryModule: Module = {
  name: 'registry',
  basePath: '/api/children',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', registryRoutes(deps));
    return r;
  },
};

import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { registryRoutes } from './routes';
import { registryCareRoutes } from './routes-care';
import { registryCollectionRoutes } from './routes-collections';
import { registryConsentRoutes } from './routes-consents';
import { registryExportRoutes } from './routes-export';
import { registryMoveRoutes } from './routes-move';
import { registryReadRoutes } from './routes-read';
import { registryWriteRoutes } from './routes-write';

/**
 * The registry module. Its sub-routers are mounted here, one per area of the child record; routes with fixed
 * paths (e.g. /export) are mounted before the one taking /{id}.
 */
export const registryModule: Module = {
  name: 'registry',
  basePath: '/api/children',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', registryExportRoutes(deps));
    r.route('/', registryRoutes(deps));
    r.route('/', registryWriteRoutes(deps));
    r.route('/', registryCareRoutes(deps));
    r.route('/', registryCollectionRoutes(deps));
    r.route('/', registryConsentRoutes(deps));
    r.route('/', registryMoveRoutes(deps));
    // Keep last: GET /{id} would otherwise answer fixed paths such as /export.
    r.route('/', registryReadRoutes(deps));
    return r;
  },
};

import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { cycleRoutes } from './routes-cycle';
import { engagementRoutes } from './routes-engagements';

/**
 * Engagements with municipalities (docs/municipal-support.md §2): hearing visits (MI-2), four-division meetings
 * with each municipality's cycle and the overdue list (KU-2), the support log with its analysis fields and
 * cross-tabulation (MI-3), good examples. Fixed paths are mounted before `/{id}`.
 */
export const engagementsModule: Module = {
  name: 'engagements',
  basePath: '/api/engagements',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', cycleRoutes(deps));
    r.route('/', engagementRoutes(deps));
    return r;
  },
};

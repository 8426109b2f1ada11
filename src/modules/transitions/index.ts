import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { transitionsRoutes } from './routes';
import { transitionFollowUpRoutes } from './routes-follow-ups';

/**
 * Transitions (KU-3): per 年度, the children who enter nursery or school, move on to a division of a
 * special-needs school, leave school, or turn 18 or 20 — over the children the user may see.
 */
export const transitionsModule: Module = {
  name: 'transitions',
  basePath: '/api/transitions',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', transitionFollowUpRoutes(deps));
    r.route('/', transitionsRoutes(deps));
    return r;
  },
};

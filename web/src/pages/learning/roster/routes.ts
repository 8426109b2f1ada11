import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * The coordinator roster and the supervise pools (docs/learning.md §7). Pages load lazily; each checks the role
 * itself (../courses/access.ts) and the API decides every request.
 */
export function rosterRoutes<P extends AnyRoute>(parent: P) {
  const roster = createRoute({
    getParentRoute: () => parent,
    path: 'learning/roster',
    component: lazyRouteComponent(() => import('./RosterPage'), 'RosterPage'),
  });
  const pool = createRoute({
    getParentRoute: () => parent,
    path: 'learning/supervise-pool',
    component: lazyRouteComponent(() => import('./PoolPage'), 'PoolPage'),
  });
  return [roster, pool] as const;
}

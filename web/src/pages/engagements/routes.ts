import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseEngagementSearch, parseNewEngagementSearch } from './search';

/**
 * Engagements with municipalities (docs/municipal-support.md §2). Pages load lazily; each checks the role
 * itself (./access.ts) and the API decides every request (404 outside the caller's area). Fixed paths first.
 */
export function engagementRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'engagements',
    validateSearch: parseEngagementSearch,
    component: lazyRouteComponent(() => import('./EngagementsPage'), 'EngagementsPage'),
  });
  const good = createRoute({
    getParentRoute: () => parent,
    path: 'engagements/good-examples',
    validateSearch: parseEngagementSearch,
    component: lazyRouteComponent(() => import('./EngagementsPage'), 'GoodExamplesPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'engagements/new',
    validateSearch: parseNewEngagementSearch,
    component: lazyRouteComponent(() => import('./NewEngagementPage'), 'NewEngagementPage'),
  });
  const fourDivision = createRoute({
    getParentRoute: () => parent,
    path: 'engagements/four-division',
    component: lazyRouteComponent(() => import('./FourDivisionPage'), 'FourDivisionPage'),
  });
  const analysis = createRoute({
    getParentRoute: () => parent,
    path: 'engagements/analysis',
    component: lazyRouteComponent(() => import('./CrossTabPage'), 'CrossTabPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'engagements/$engagementId',
    component: lazyRouteComponent(() => import('./EngagementPage'), 'EngagementPage'),
  });
  return [list, good, create, fourDivision, analysis, one] as const;
}

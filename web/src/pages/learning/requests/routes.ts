import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseNewRequestSearch, parseRequestSearch } from './search';

/**
 * Training requests (研修の依頼, docs/learning.md §6). Pages load lazily; each checks the role itself
 * (./access.ts) and the API decides every request (404 outside the caller's area). Fixed paths first.
 */
export function requestRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'learning/requests',
    validateSearch: parseRequestSearch,
    component: lazyRouteComponent(() => import('./RequestsPage'), 'RequestsPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'learning/requests/new',
    validateSearch: parseNewRequestSearch,
    component: lazyRouteComponent(() => import('./NewRequestPage'), 'NewRequestPage'),
  });
  const providers = createRoute({
    getParentRoute: () => parent,
    path: 'learning/requests/new-providers',
    component: lazyRouteComponent(() => import('./NewProvidersPage'), 'NewProvidersPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'learning/requests/$requestId',
    component: lazyRouteComponent(() => import('./RequestPage'), 'RequestPage'),
  });
  return [list, create, providers, one] as const;
}

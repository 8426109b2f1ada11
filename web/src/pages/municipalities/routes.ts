import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseNendoSearch } from './search';

/**
 * The page per municipality and the prefecture view (docs/municipal-support.md §1). Pages load lazily; each
 * checks the role itself (src/modules/municipalities/policy.ts) and the API decides every request (404 outside
 * the reader's area).
 */
export function municipalityRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'municipalities',
    validateSearch: parseNendoSearch,
    component: lazyRouteComponent(() => import('./MunicipalitiesPage'), 'MunicipalitiesPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'municipalities/$code',
    component: lazyRouteComponent(() => import('./MunicipalityPage'), 'MunicipalityPage'),
  });
  return [list, one] as const;
}

import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseGapsSearch, parseServiceListSearch } from './search';

/** The public site's routes live beside its pages (the light public entry imports them from there). */
export { publicResourceRoutes } from '../public/resources/routes';

/**
 * The routes of the resources (社会資源) screens. Every page is loaded lazily: the public search site must be
 * quick on a phone over a slow connection, and staff screens should not weigh on everybody's first load.
 * Only these definitions and the small search-param parsers are in the main bundle.
 */

/** Staff screens under the signed-in layout; each page checks the role itself (see ./access.ts). */
export function staffResourceRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'resources',
    validateSearch: parseServiceListSearch,
    component: lazyRouteComponent(() => import('./ServicesPage'), 'ServicesPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'resources/new',
    component: lazyRouteComponent(() => import('./ServiceEditPage'), 'NewServicePage'),
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: 'resources/services/$serviceId',
    component: lazyRouteComponent(() => import('./ServiceEditPage'), 'ServiceEditPage'),
  });
  const importCsv = createRoute({
    getParentRoute: () => parent,
    path: 'resources/import',
    component: lazyRouteComponent(() => import('./ImportPage'), 'ImportPage'),
  });
  const confirmation = createRoute({
    getParentRoute: () => parent,
    path: 'resources/confirmation',
    component: lazyRouteComponent(() => import('./ConfirmationPage'), 'ConfirmationPage'),
  });
  const gaps = createRoute({
    getParentRoute: () => parent,
    path: 'resources/gaps',
    validateSearch: parseGapsSearch,
    component: lazyRouteComponent(() => import('./GapsPage'), 'GapsPage'),
  });
  return [list, create, edit, importCsv, confirmation, gaps] as const;
}

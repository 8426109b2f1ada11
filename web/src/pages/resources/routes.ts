import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parsePublicResourceSearch } from '../public/resources/search';
import { parseGapsSearch, parseServiceListSearch } from './search';

/**
 * The routes of the resources (社会資源) screens. Every page is loaded lazily: the public search site must be
 * quick on a phone over a slow connection, and staff screens should not weigh on everybody's first load.
 * Only these definitions and the small search-param parsers are in the main bundle.
 */

/** The public site and the provider link, under the public layout (no sign-in). */
export function publicResourceRoutes<P extends AnyRoute>(parent: P) {
  const search = createRoute({
    getParentRoute: () => parent,
    path: 'public/resources',
    validateSearch: parsePublicResourceSearch,
    component: lazyRouteComponent(
      () => import('../public/resources/PublicResourcesPage'),
      'PublicResourcesPage',
    ),
  });
  const listing = createRoute({
    getParentRoute: () => parent,
    path: 'public/resources/$serviceId',
    component: lazyRouteComponent(() => import('../public/resources/PublicServicePage'), 'PublicServicePage'),
  });
  const confirm = createRoute({
    getParentRoute: () => parent,
    // The token comes in the fragment (#token=…), which never reaches server logs or Referer headers.
    path: 'public/resources/confirm',
    component: lazyRouteComponent(() => import('../public/resources/ConfirmLinkPage'), 'ConfirmLinkPage'),
  });
  return [search, listing, confirm] as const;
}

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

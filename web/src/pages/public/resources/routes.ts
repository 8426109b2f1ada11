import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parsePublicResourceSearch } from './search';

/**
 * The public resources site and the provider link (no sign-in). These routes are the whole router of the light
 * public entry (web/src/public-main.tsx, served for /public/resources…), and are also in the app's route tree
 * so links between them stay typed. Pages load lazily: the search must be quick on a phone over a slow
 * connection, and the listing and provider pages should not weigh on the search.
 */
export function publicResourceRoutes<P extends AnyRoute>(parent: P) {
  const search = createRoute({
    getParentRoute: () => parent,
    path: 'public/resources',
    validateSearch: parsePublicResourceSearch,
    component: lazyRouteComponent(() => import('./PublicResourcesPage'), 'PublicResourcesPage'),
  });
  const listing = createRoute({
    getParentRoute: () => parent,
    path: 'public/resources/$serviceId',
    component: lazyRouteComponent(() => import('./PublicServicePage'), 'PublicServicePage'),
  });
  const confirm = createRoute({
    getParentRoute: () => parent,
    // The token comes in the fragment (#token=…), which never reaches server logs or Referer headers.
    path: 'public/resources/confirm',
    component: lazyRouteComponent(() => import('./ConfirmLinkPage'), 'ConfirmLinkPage'),
  });
  return [search, listing, confirm] as const;
}

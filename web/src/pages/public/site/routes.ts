import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * The centre's public site (no sign-in): its home, its pages and the first windows. In the light public entry
 * (public-main.tsx, served for these addresses) and in the app's tree so links stay typed; each page loads
 * lazily so the entry stays small.
 */
export function publicSiteRoutes<P extends AnyRoute>(parent: P) {
  const home = createRoute({
    getParentRoute: () => parent,
    path: 'public',
    component: lazyRouteComponent(() => import('./SiteHomePage'), 'SiteHomePage'),
  });
  const page = createRoute({
    getParentRoute: () => parent,
    path: 'public/pages/$slug',
    component: lazyRouteComponent(() => import('./ContentPage'), 'ContentPage'),
  });
  const firstWindow = createRoute({
    getParentRoute: () => parent,
    path: 'public/first-window',
    component: lazyRouteComponent(() => import('./FirstWindowPage'), 'FirstWindowPage'),
  });
  const goodPractices = createRoute({
    getParentRoute: () => parent,
    path: 'public/good-practices',
    component: lazyRouteComponent(() => import('./GoodPracticesPage'), 'PublicGoodPracticesPage'),
  });
  const goodPractice = createRoute({
    getParentRoute: () => parent,
    path: 'public/good-practices/$storyId',
    component: lazyRouteComponent(() => import('./GoodPracticesPage'), 'PublicGoodPracticePage'),
  });
  return [home, page, firstWindow, goodPractices, goodPractice] as const;
}

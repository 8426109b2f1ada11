import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseCouncilsSearch, parsePublicMinutesSearch } from './search';

/**
 * Councils and meetings (協議の場; docs/municipal-support.md §3). Pages load lazily; each checks the role itself
 * (./access.ts) and the API decides every request (404 outside the caller's area). Fixed paths first.
 */
export function councilRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'councils',
    validateSearch: parseCouncilsSearch,
    component: lazyRouteComponent(() => import('./CouncilsPage'), 'CouncilsPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'councils/new',
    component: lazyRouteComponent(() => import('./NewBodyPage'), 'NewBodyPage'),
  });
  const mine = createRoute({
    getParentRoute: () => parent,
    path: 'councils/action-items',
    component: lazyRouteComponent(() => import('./ActionItemsPage'), 'ActionItemsPage'),
  });
  const meeting = createRoute({
    getParentRoute: () => parent,
    path: 'councils/meetings/$meetingId',
    component: lazyRouteComponent(() => import('./MeetingPage'), 'MeetingPage'),
  });
  const body = createRoute({
    getParentRoute: () => parent,
    path: 'councils/$bodyId',
    component: lazyRouteComponent(() => import('./BodyPage'), 'BodyPage'),
  });
  return [list, create, mine, meeting, body] as const;
}

/** The public minutes (/public/minutes?prefecture=14, no sign-in). */
export function publicMinutesRoutes<P extends AnyRoute>(parent: P) {
  const page = createRoute({
    getParentRoute: () => parent,
    path: 'public/minutes',
    validateSearch: parsePublicMinutesSearch,
    component: lazyRouteComponent(() => import('./PublicMinutesPage'), 'PublicMinutesPage'),
  });
  return [page] as const;
}

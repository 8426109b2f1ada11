import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseReportSearch } from './search';

/**
 * The yearly activity report (docs/municipal-support.md §6). The page checks the role itself
 * (src/modules/activity-report/policy.ts) and the API decides the area (404 for another branch).
 */
export function activityReportRoutes<P extends AnyRoute>(parent: P) {
  const page = createRoute({
    getParentRoute: () => parent,
    path: 'activity-report',
    validateSearch: parseReportSearch,
    component: lazyRouteComponent(() => import('./ActivityReportPage'), 'ActivityReportPage'),
  });
  return [page] as const;
}

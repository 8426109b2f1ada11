import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * Disaster readiness (docs/disaster.md §1–3, §7). Pages load lazily; each checks the role itself and the API decides
 * every request (404 outside the reader's area or the registry's scope).
 */
export function disasterRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'disaster',
    validateSearch: (s: Record<string, unknown>): { municipality?: string } =>
      typeof s.municipality === 'string' && /^\d{6}$/.test(s.municipality)
        ? { municipality: s.municipality }
        : {},
    component: lazyRouteComponent(() => import('./DisasterListPage'), 'DisasterListPage'),
  });
  const coverage = createRoute({
    getParentRoute: () => parent,
    path: 'disaster/coverage',
    component: lazyRouteComponent(() => import('./CoveragePage'), 'DisasterCoveragePage'),
  });
  const child = createRoute({
    getParentRoute: () => parent,
    path: 'children/$childId/disaster',
    component: lazyRouteComponent(() => import('./ChildDisasterPage'), 'ChildDisasterPage'),
  });
  return [list, coverage, child] as const;
}

/** The printable emergency sheet, in the print layout (no banner or menu). */
export function disasterPrintRoutes<P extends AnyRoute>(parent: P) {
  const sheet = createRoute({
    getParentRoute: () => parent,
    path: 'children/$childId/emergency-sheet',
    component: lazyRouteComponent(() => import('./EmergencySheetPage'), 'EmergencySheetPage'),
  });
  return [sheet] as const;
}

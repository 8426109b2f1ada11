import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * Outage lists and declared events (docs/disaster.md §4–6), reached from 「災害への備え」. Pages load lazily; each
 * checks the role itself and the API decides every request (404 outside the reader's area).
 */
export function disasterEventRoutes<P extends AnyRoute>(parent: P) {
  const index = createRoute({
    getParentRoute: () => parent,
    path: 'disaster-events',
    component: lazyRouteComponent(() => import('./DisasterEventsPage'), 'DisasterEventsPage'),
  });
  const outage = createRoute({
    getParentRoute: () => parent,
    path: 'disaster-events/outage',
    validateSearch: (s: Record<string, unknown>): { municipalities?: string; since?: string } => ({
      ...(typeof s.municipalities === 'string' ? { municipalities: s.municipalities } : {}),
      ...(typeof s.since === 'string' ? { since: s.since } : {}),
    }),
    component: lazyRouteComponent(() => import('./OutagePage'), 'DisasterOutagePage'),
  });
  const event = createRoute({
    getParentRoute: () => parent,
    path: 'disaster-events/$eventId',
    component: lazyRouteComponent(() => import('./EventPage'), 'DisasterEventPage'),
  });
  return [index, outage, event] as const;
}

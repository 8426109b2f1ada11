import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The public training page's address: ?prefecture=14&kind=…&open=true (bookmarkable, shareable). */
export type TrainingsSearch = { prefecture?: string; kind?: string; open?: boolean };

export function parseTrainingsSearch(raw: Record<string, unknown>): TrainingsSearch {
  const prefecture =
    typeof raw.prefecture === 'string' || typeof raw.prefecture === 'number' ? String(raw.prefecture) : '';
  return {
    prefecture: /^\d{2}$/.test(prefecture) ? prefecture : undefined,
    kind: typeof raw.kind === 'string' && /^[a-z_]{1,40}$/.test(raw.kind) ? raw.kind : undefined,
    open: raw.open === true || raw.open === 'true' ? true : undefined,
  };
}

/**
 * The public catalogue of trainings (/public/trainings, no sign-in). In the light public entry
 * (public-main.tsx, served for this address) and in the app's tree so links to it stay typed; the page loads
 * lazily so the entry stays small.
 */
export function publicTrainingRoutes<P extends AnyRoute>(parent: P) {
  const catalogue = createRoute({
    getParentRoute: () => parent,
    path: 'public/trainings',
    validateSearch: parseTrainingsSearch,
    component: lazyRouteComponent(() => import('./TrainingsPage'), 'TrainingsPage'),
  });
  return [catalogue] as const;
}

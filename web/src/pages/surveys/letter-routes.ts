import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** A survey's printed letters, one per personal link (the print layout: no banner or menu). */
export function surveyLetterRoutes<P extends AnyRoute>(parent: P) {
  const letters = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/$surveyId/letter',
    component: lazyRouteComponent(() => import('./LetterPage'), 'LetterPage'),
  });
  return [letters] as const;
}

import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * Applications and selection (docs/learning.md §3). Staff: a session's applicants and selection, and its
 * printable list. Learners: the apply form of a session and their applications. Pages are lazy; the API answers
 * 403/404 to anyone else and the pages show that answer.
 */
export function applicationRoutes<P extends AnyRoute>(parent: P) {
  const applicants = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/$sessionId/applicants',
    component: lazyRouteComponent(() => import('./ApplicantsPage'), 'ApplicantsPage'),
  });
  const apply = createRoute({
    getParentRoute: () => parent,
    path: 'learning/me/apply/$sessionId',
    component: lazyRouteComponent(() => import('../me/ApplyPage'), 'ApplyPage'),
  });
  const mine = createRoute({
    getParentRoute: () => parent,
    path: 'learning/me/applications',
    component: lazyRouteComponent(() => import('../me/ApplyMyApplicationsPage'), 'MyApplicationsPage'),
  });
  return [applicants, apply, mine] as const;
}

/** The printable applicant list, without the app's frame (like the other printouts). */
export function applicationPrintRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/$sessionId/applicants/print',
    component: lazyRouteComponent(() => import('./ApplicantsPrintPage'), 'ApplicantsPrintPage'),
  });
  return [list] as const;
}

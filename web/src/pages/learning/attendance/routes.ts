import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * Attendance and certificates (staff) and the learner's record of completions. Pages are lazy; the API answers
 * 403/404 to anyone outside the session's owner, and the pages show that answer.
 */
export function attendanceRoutes<P extends AnyRoute>(parent: P) {
  const tickList = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/$sessionId/attendance',
    component: lazyRouteComponent(() => import('./AttendancePage'), 'AttendancePage'),
  });
  const certificates = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/$sessionId/certificates',
    component: lazyRouteComponent(() => import('../certificates/CertificatesPage'), 'CertificatesPage'),
  });
  const myCompletions = createRoute({
    getParentRoute: () => parent,
    path: 'learning/me/completions',
    component: lazyRouteComponent(() => import('../me/MyCompletionsPage'), 'MyCompletionsPage'),
  });
  return [tickList, certificates, myCompletions] as const;
}

/** The sign-in sheet prints without the app's frame (like the other printouts). */
export function attendancePrintRoutes<P extends AnyRoute>(parent: P) {
  const sheet = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/$sessionId/attendance/sheet',
    component: lazyRouteComponent(() => import('./SignInSheetPage'), 'SignInSheetPage'),
  });
  return [sheet] as const;
}

import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseSessionSearch } from '../sessions/search';

/**
 * The staff screens of courses and sessions (研修と研修の回, docs/learning.md §1). Pages load lazily; each checks
 * the role itself (./access.ts) and the API decides every request (404 outside the caller's prefecture).
 * Fixed paths (…/new) come before the `$id` ones.
 */
export function trainingRoutes<P extends AnyRoute>(parent: P) {
  const courses = createRoute({
    getParentRoute: () => parent,
    path: 'learning/courses',
    component: lazyRouteComponent(() => import('./CoursesPage'), 'CoursesPage'),
  });
  const newCourse = createRoute({
    getParentRoute: () => parent,
    path: 'learning/courses/new',
    component: lazyRouteComponent(() => import('./NewCoursePage'), 'NewCoursePage'),
  });
  const course = createRoute({
    getParentRoute: () => parent,
    path: 'learning/courses/$courseId',
    component: lazyRouteComponent(() => import('./CoursePage'), 'CoursePage'),
  });
  const sessions = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions',
    validateSearch: parseSessionSearch,
    component: lazyRouteComponent(() => import('../sessions/SessionsPage'), 'SessionsPage'),
  });
  const newSession = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/new',
    validateSearch: (raw: Record<string, unknown>): { courseId?: string } => ({
      courseId: typeof raw.courseId === 'string' ? raw.courseId : undefined,
    }),
    component: lazyRouteComponent(() => import('../sessions/NewSessionPage'), 'NewSessionPage'),
  });
  const session = createRoute({
    getParentRoute: () => parent,
    path: 'learning/sessions/$sessionId',
    component: lazyRouteComponent(() => import('../sessions/SessionPage'), 'SessionPage'),
  });
  return [courses, newCourse, course, sessions, newSession, session] as const;
}

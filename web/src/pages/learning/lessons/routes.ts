import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { isLearner } from '../../../lib/roles';
import { readsElearning } from '../elearning/access';
import { forElearningRoles } from './Guard';

/**
 * The e-learning routes (NA-7): the learner's lessons, player and quiz; the staff's courses, lesson media,
 * quiz editor and learners' progress. Pages load lazily; each is guarded by role (the API refuses the rest).
 */
export function elearningRoutes<P extends AnyRoute>(parent: P) {
  const myLessons = createRoute({
    getParentRoute: () => parent,
    path: 'learning/lessons',
    component: forElearningRoles(
      isLearner,
      lazyRouteComponent(() => import('./MyLessonsPage'), 'MyLessonsPage'),
    ),
  });
  const lesson = createRoute({
    getParentRoute: () => parent,
    path: 'learning/lessons/$partId',
    component: forElearningRoles(
      isLearner,
      lazyRouteComponent(() => import('./LessonPage'), 'LessonPage'),
    ),
  });
  const quiz = createRoute({
    getParentRoute: () => parent,
    path: 'learning/lessons/$partId/quiz',
    component: forElearningRoles(
      isLearner,
      lazyRouteComponent(() => import('./QuizPage'), 'QuizPage'),
    ),
  });
  const courses = createRoute({
    getParentRoute: () => parent,
    path: 'learning/elearning',
    component: forElearningRoles(
      readsElearning,
      lazyRouteComponent(() => import('../elearning/ElearningCoursesPage'), 'ElearningCoursesPage'),
    ),
  });
  const course = createRoute({
    getParentRoute: () => parent,
    path: 'learning/elearning/$courseId',
    component: forElearningRoles(
      readsElearning,
      lazyRouteComponent(() => import('../elearning/CourseElearningPage'), 'CourseElearningPage'),
    ),
  });
  const progress = createRoute({
    getParentRoute: () => parent,
    path: 'learning/elearning/$courseId/progress',
    component: forElearningRoles(
      readsElearning,
      lazyRouteComponent(() => import('../elearning/ProgressPage'), 'ProgressPage'),
    ),
  });
  const quizEditor = createRoute({
    getParentRoute: () => parent,
    path: 'learning/elearning/$courseId/parts/$partId/quiz',
    component: forElearningRoles(
      readsElearning,
      lazyRouteComponent(() => import('../elearning/QuizEditorPage'), 'QuizEditorPage'),
    ),
  });
  return [myLessons, lesson, quiz, courses, course, progress, quizEditor] as const;
}

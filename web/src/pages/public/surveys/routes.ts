import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * Answering a survey by its link (/public/surveys/{token}, no sign-in; docs/knowledge.md §5) in the light public
 * entry (public-main.tsx). The page and its strings load lazily, so the entry carries nothing of it.
 */
export function publicSurveyRoutes<P extends AnyRoute>(parent: P) {
  const answer = createRoute({
    getParentRoute: () => parent,
    path: 'public/surveys/$token',
    component: lazyRouteComponent(() => import('./SurveyAnswerPage'), 'SurveyAnswerPage'),
  });
  return [answer] as const;
}

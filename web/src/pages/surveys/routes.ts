import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseResultsSearch, parseSurveySearch } from './search';

/** Surveys (アンケート; docs/knowledge.md §5). Pages load lazily; the API decides every request. */
export function surveyRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'surveys',
    validateSearch: parseSurveySearch,
    component: lazyRouteComponent(() => import('./SurveysPage'), 'SurveysPage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/new',
    component: lazyRouteComponent(() => import('./NewSurveyPage'), 'NewSurveyPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/$surveyId',
    component: lazyRouteComponent(() => import('./SurveyPage'), 'SurveyPage'),
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/$surveyId/edit',
    component: lazyRouteComponent(() => import('./EditSurveyPage'), 'EditSurveyPage'),
  });
  const results = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/$surveyId/results',
    validateSearch: parseResultsSearch,
    component: lazyRouteComponent(() => import('./ResultsPage'), 'ResultsPage'),
  });
  const care = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/$surveyId/care',
    component: lazyRouteComponent(() => import('./CarePage'), 'CarePage'),
  });
  const census = createRoute({
    getParentRoute: () => parent,
    path: 'surveys/$surveyId/census',
    component: lazyRouteComponent(() => import('./CensusCountsPage'), 'CensusCountsPage'),
  });
  return [list, create, one, edit, results, care, census] as const;
}

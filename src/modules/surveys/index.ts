import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { surveyRoutes } from './routes';
import { publicSurveyRoutes } from './routes-public';

/**
 * Surveys (アンケート; docs/knowledge.md §5, decision 0027): definitions, open and personal links with
 * reminders, answering without an account, results by region and municipality, exports.
 */
export const surveysModule: Module = {
  name: 'surveys',
  basePath: '/api/surveys',
  routes: (deps) => surveyRoutes(deps),
};

/** Public requests per client address and minute on each server (a family opens the page and answers once). */
export const PUBLIC_SURVEY_RATE_LIMIT = { limit: 120, windowMs: 60_000 };

/** Answering by link, without sign-in. */
export const publicSurveysModule: Module = {
  name: 'public-surveys',
  basePath: '/api/public/surveys',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', perServerLimit(deps, PUBLIC_SURVEY_RATE_LIMIT));
    r.route('/', publicSurveyRoutes(deps));
    return r;
  },
};

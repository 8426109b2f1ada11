import type { Deps } from '../../../server/context';
import { moduleRouter } from '../../../server/openapi';
import { learnerRoutes } from './routes-learner';
import { lessonRoutes } from './routes-lessons';
import { mediaRoutes } from './routes-media';
import { overviewRoutes } from './routes-overview';

/**
 * E-learning (NA-7, decision 0021), mounted at /api/learning/elearning: staff media and quizzes, the learner's
 * lessons, stream, progress and attempts. `lessonsCompleted` (progress-store.ts) tells attendance and
 * certificates which lessons a learner has completed.
 */
export function elearningRoutes(deps: Deps) {
  const r = moduleRouter();
  r.route('/', overviewRoutes(deps));
  r.route('/', mediaRoutes(deps));
  r.route('/', lessonRoutes(deps));
  r.route('/', learnerRoutes(deps));
  return r;
}

export { lessonsCompleted } from './progress-store';

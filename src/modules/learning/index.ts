import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { elearningRoutes } from './elearning';
import { courseLessonsCompletedAt } from './elearning/completed-at';
import { lessonsCompleted } from './elearning/progress-store';
import { REMIND_EVERY_MS, REMIND_JOB_KIND, remindJobHandler } from './reminder-job';
import { rosterRoutes } from './roster/routes';
import { applicationRoutes } from './routes-applications';
import { attendanceRoutes } from './routes-attendance';
import { publicCatalogueRoutes } from './routes-catalogue';
import { certificateRoutes, publicCertificateRoutes } from './routes-certificates';
import { courseRoutes } from './routes-courses';
import { learnerRoutes } from './routes-learners';
import { publicLearnerRoutes } from './routes-learners-public';
import { learnerStaffRoutes } from './routes-learners-staff';
import { requestRoutes } from './routes-requests';
import { sessionRoutes } from './routes-sessions';

/**
 * 研修・人材育成 (learning, decision 0020; docs/learning.md): courses and sessions, learners, applications and
 * selection, attendance and certificates, e-learning — the staff and learner API. One router per part, each
 * mounted here; fixed paths before `/{id}` ones.
 */
export const learningModule: Module = {
  name: 'learning',
  basePath: '/api/learning',
  routes: (deps) => {
    const r = moduleRouter();
    r.route('/', courseRoutes(deps));
    r.route('/', sessionRoutes(deps));
    r.route('/', learnerRoutes(deps));
    r.route('/', learnerStaffRoutes(deps));
    r.route('/', applicationRoutes(deps));
    r.route('/', attendanceRoutes(deps));
    r.route('/', certificateRoutes(deps, lessonsCompleted, courseLessonsCompletedAt));
    r.route('/', requestRoutes(deps));
    r.route('/', rosterRoutes(deps));
    r.route('/elearning', elearningRoutes(deps));
    return r;
  },
  // With mail on, learners with a seat are reminded a few days before a session (reminder-job.ts).
  jobs: (deps) => ({ [REMIND_JOB_KIND]: remindJobHandler(deps) }),
  schedules: [{ kind: REMIND_JOB_KIND, everyMs: REMIND_EVERY_MS }],
};

/**
 * Public requests per client address and minute on each server (the catalogue, the certificate check), kept in
 * memory like the public resources site's (decision 0015).
 */
export const PUBLIC_LEARNING_RATE_LIMIT = { limit: 300, windowMs: 60_000 };

/** The public side (no sign-in): the catalogue of open and upcoming sessions, the certificate check. */
export const publicLearningModule: Module = {
  name: 'public-learning',
  basePath: '/api/public/learning',
  routes: (deps) => {
    const r = moduleRouter();
    r.use('*', perServerLimit(deps, PUBLIC_LEARNING_RATE_LIMIT));
    r.route('/', publicCatalogueRoutes(deps));
    r.route('/', publicLearnerRoutes(deps));
    r.route('/', publicCertificateRoutes(deps));
    return r;
  },
};

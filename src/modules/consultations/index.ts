import type { Module } from '../../server/context';
import { moduleRouter } from '../../server/openapi';
import { ESCALATE_EVERY_MS, ESCALATE_JOB_KIND, escalateJobHandler } from './escalate-job';
import { consultationBoardRoutes } from './routes-board';
import { consultationCaseRoutes } from './routes-cases';
import { publicConsultationRoutes } from './routes-public';
import { superviseProposalRoutes } from './routes-supervise-proposal';
import { consultationTeamRoutes } from './routes-teams';

/** Consultations (相談支援): queues, intake, hand-offs, caseload board, hub, figures. */
export const consultationsModule: Module = {
  name: 'consultations',
  basePath: '/api/consultations',
  routes: (deps) => {
    const r = moduleRouter();
    // Fixed paths (/caseload, /figures, /teams) before /{id}.
    r.route('/', consultationTeamRoutes(deps));
    r.route('/', consultationBoardRoutes(deps));
    r.route('/', consultationCaseRoutes(deps));
    r.route('/', superviseProposalRoutes(deps));
    return r;
  },
  // Unanswered public requests move on after the prefecture's number of working days (escalate-job.ts).
  jobs: () => ({ [ESCALATE_JOB_KIND]: escalateJobHandler() }),
  schedules: [{ kind: ESCALATE_JOB_KIND, everyMs: ESCALATE_EVERY_MS }],
};

/** The public consultation request form (no sign-in). */
export const publicConsultationsModule: Module = {
  name: 'public-consultations',
  basePath: '/api/public/consultations',
  routes: publicConsultationRoutes,
};

import type { Module } from '../../server/context';
import { DIGEST_EVERY_MS, DIGEST_JOB_KIND, digestJobHandler } from './digest-job';
import { notificationRoutes } from './routes';

/**
 * In-app notifications (e.g. a child moved into the user's municipality). Others write them with notify(), which
 * also mails them at once to whoever chose so; the daily digest job mails the rest (decision 0030).
 */
export const notificationsModule: Module = {
  name: 'notifications',
  basePath: '/api/notifications',
  routes: notificationRoutes,
  jobs: (deps) => ({ [DIGEST_JOB_KIND]: digestJobHandler(deps) }),
  schedules: [{ kind: DIGEST_JOB_KIND, everyMs: DIGEST_EVERY_MS }],
};

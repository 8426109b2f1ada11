import type { Module } from '../../server/context';
import { activityReportRoutes } from './routes';

/** The yearly activity report (事業実績; docs/municipal-support.md §6): one 年度 across the modules. */
export const activityReportModule: Module = {
  name: 'activity-report',
  basePath: '/api/activity-report',
  routes: activityReportRoutes,
};

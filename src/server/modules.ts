import { CLEANUP_JOB_KIND, CLEANUP_SCHEDULE, cleanupJobHandler } from '../jobs/cleanup';
import type { JobHandler } from '../jobs/queue';
import type { Schedule } from '../jobs/schedule';
import { accountsModule } from '../modules/accounts';
import { activityReportModule } from '../modules/activity-report';
import { auditModule } from '../modules/audit';
import { calendarModule } from '../modules/calendar';
import { censusModule } from '../modules/census';
import { consultationsModule, publicConsultationsModule } from '../modules/consultations';
import { calendarFeedModule, councilsModule, publicCouncilsModule } from '../modules/councils';
import { disasterModule } from '../modules/disaster';
import { disasterEventsModule } from '../modules/disaster-events';
import { engagementsModule } from '../modules/engagements';
import { goodPracticesModule } from '../modules/good-practices';
import { homeModule } from '../modules/home';
import { learningModule, publicLearningModule } from '../modules/learning';
import { libraryModule, publicLibraryModule } from '../modules/library';
import { mailModule } from '../modules/mail';
import { municipalitiesModule } from '../modules/municipalities';
import { networkModule } from '../modules/network';
import { notificationsModule } from '../modules/notifications';
import { publicCareScoreModule } from '../modules/public-care-score';
import { publicSiteModule, publicSitePublicModule } from '../modules/public-site';
import { developmentProjectsModule, regionalIssuesModule } from '../modules/regional-issues';
import { publicRegistrationsModule, registrationsModule } from '../modules/registrations';
import { registryModule } from '../modules/registry';
import { publicResourcesModule, resourcesModule } from '../modules/resources';
import { savedFiltersModule } from '../modules/saved-filters';
import { publicSurveysModule, surveysModule } from '../modules/surveys';
import { transitionsModule } from '../modules/transitions';
import { usersModule } from '../modules/users';
import type { Deps, Module } from './context';

/** Every domain module, registered explicitly (no side-effect imports). Order = mount order. */
export const MODULES: readonly Module[] = [
  accountsModule,
  auditModule,
  homeModule,
  registryModule,
  transitionsModule,
  savedFiltersModule,
  networkModule,
  calendarModule,
  usersModule,
  notificationsModule,
  mailModule,
  publicRegistrationsModule,
  registrationsModule,
  publicCareScoreModule,
  censusModule,
  resourcesModule,
  publicResourcesModule,
  consultationsModule,
  publicConsultationsModule,
  learningModule,
  publicLearningModule,
  engagementsModule,
  municipalitiesModule,
  regionalIssuesModule,
  developmentProjectsModule,
  councilsModule,
  publicCouncilsModule,
  calendarFeedModule,
  activityReportModule,
  surveysModule,
  publicSurveysModule,
  libraryModule,
  publicLibraryModule,
  goodPracticesModule,
  publicSiteModule,
  publicSitePublicModule,
  disasterModule,
  disasterEventsModule,
];

/** Every module's scheduled jobs (src/jobs/schedule.ts), and the daily clean-up of their finished rows. */
export function moduleSchedules(): Schedule[] {
  return [...MODULES.flatMap((m) => m.schedules ?? []), CLEANUP_SCHEDULE];
}

/** Every module's background job handlers, by kind. */
export function moduleJobHandlers(deps: Deps): Record<string, JobHandler> {
  const table: Record<string, JobHandler> = {
    [CLEANUP_JOB_KIND]: cleanupJobHandler(() => moduleSchedules().map((s) => s.kind)),
  };
  for (const m of MODULES) {
    for (const [kind, handler] of Object.entries(m.jobs?.(deps) ?? {})) {
      if (table[kind]) throw new Error(`job kind registered twice: ${kind}`);
      table[kind] = handler;
    }
  }
  return table;
}

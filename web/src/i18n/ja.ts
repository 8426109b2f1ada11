import { jaActivityReport } from './ja/activity-report';
import { jaAdmin } from './ja/admin';
import { jaCensus } from './ja/census';
import { jaConsultationTeams } from './ja/consultation-teams';
import { jaConsultations } from './ja/consultations';
import { jaCore } from './ja/core';
import { jaCouncils } from './ja/councils';
import { jaDisaster } from './ja/disaster';
import { jaDisasterEvents } from './ja/disaster-events';
import { jaEngagements } from './ja/engagements';
import { jaGoodPractices } from './ja/good-practices';
import { jaLearningAttendance } from './ja/learning-attendance';
import { jaLearningCourses } from './ja/learning-courses';
import { jaLearningElearning } from './ja/learning-elearning';
import { jaLearningFigures } from './ja/learning-figures';
import { jaLearningLearners } from './ja/learning-learners';
import { jaLearningRequests } from './ja/learning-requests';
import { jaLearningSelection } from './ja/learning-selection';
import { jaLibrary } from './ja/library';
import { jaMail } from './ja/mail';
import { jaMunicipalities } from './ja/municipalities';
import { jaPublic } from './ja/public';
import { jaPublicLibrary } from './ja/public-library';
import { jaPublicSite } from './ja/public-site';
import { jaPublicSiteStaff } from './ja/public-site-staff';
import { jaPublicSurveys } from './ja/public-surveys';
import { jaPublicTrainings } from './ja/public-trainings';
import { jaRecord } from './ja/record';
import { jaRegionalIssues } from './ja/regional-issues';
import { jaRegistry } from './ja/registry';
import { jaResources } from './ja/resources';
import { jaResourcesStaff } from './ja/resources-staff';
import { jaSurveyCensus } from './ja/survey-census';
import { jaSurveyLetter } from './ja/survey-letter';
import { jaSurveys } from './ja/surveys';

/**
 * Japanese UI strings (the default language), split by area in ./ja/. Each English file is typed with
 * `satisfies Record<keyof typeof ja…, string>`, so a missing or extra key fails `tsc`; i18n.test.ts checks that
 * no key is defined in two areas. Placeholders are written {name} and filled by useT().
 */
export const ja = {
  ...jaCore,
  ...jaAdmin,
  ...jaRegistry,
  ...jaRecord,
  ...jaPublic,
  ...jaCensus,
  ...jaResources,
  ...jaResourcesStaff,
  ...jaConsultations,
  ...jaConsultationTeams,
  ...jaLearningLearners,
  ...jaLearningCourses,
  ...jaPublicTrainings,
  ...jaPublicSite,
  ...jaPublicSiteStaff,
  ...jaLearningElearning,
  ...jaLearningSelection,
  ...jaLearningAttendance,
  ...jaLearningRequests,
  ...jaLearningFigures,
  ...jaEngagements,
  ...jaRegionalIssues,
  ...jaLibrary,
  ...jaMail,
  ...jaPublicLibrary,
  ...jaMunicipalities,
  ...jaCouncils,
  ...jaActivityReport,
  ...jaGoodPractices,
  ...jaSurveys,
  ...jaPublicSurveys,
  ...jaSurveyLetter,
  ...jaSurveyCensus,
  ...jaDisaster,
  ...jaDisasterEvents,
} as const;

export type MessageKey = keyof typeof ja;

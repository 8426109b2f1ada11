import { enActivityReport } from './en/activity-report';
import { enAdmin } from './en/admin';
import { enCensus } from './en/census';
import { enConsultationTeams } from './en/consultation-teams';
import { enConsultations } from './en/consultations';
import { enCore } from './en/core';
import { enCouncils } from './en/councils';
import { enDisaster } from './en/disaster';
import { enDisasterEvents } from './en/disaster-events';
import { enEngagements } from './en/engagements';
import { enGoodPractices } from './en/good-practices';
import { enLearningAttendance } from './en/learning-attendance';
import { enLearningCourses } from './en/learning-courses';
import { enLearningElearning } from './en/learning-elearning';
import { enLearningFigures } from './en/learning-figures';
import { enLearningLearners } from './en/learning-learners';
import { enLearningRequests } from './en/learning-requests';
import { enLearningSelection } from './en/learning-selection';
import { enLibrary } from './en/library';
import { enMail } from './en/mail';
import { enMunicipalities } from './en/municipalities';
import { enPublic } from './en/public';
import { enPublicLibrary } from './en/public-library';
import { enPublicSite } from './en/public-site';
import { enPublicSiteStaff } from './en/public-site-staff';
import { enPublicSurveys } from './en/public-surveys';
import { enPublicTrainings } from './en/public-trainings';
import { enRecord } from './en/record';
import { enRegionalIssues } from './en/regional-issues';
import { enRegistry } from './en/registry';
import { enResources } from './en/resources';
import { enResourcesStaff } from './en/resources-staff';
import { enSurveyCensus } from './en/survey-census';
import { enSurveyLetter } from './en/survey-letter';
import { enSurveys } from './en/surveys';
import type { ja } from './ja';

/** English UI strings: the same keys as ja.ts, split by area in ./en/. */
export const en = {
  ...enCore,
  ...enAdmin,
  ...enRegistry,
  ...enRecord,
  ...enPublic,
  ...enCensus,
  ...enResources,
  ...enResourcesStaff,
  ...enConsultations,
  ...enConsultationTeams,
  ...enLearningLearners,
  ...enLearningCourses,
  ...enPublicTrainings,
  ...enPublicSite,
  ...enPublicSiteStaff,
  ...enLearningElearning,
  ...enLearningSelection,
  ...enLearningAttendance,
  ...enLearningRequests,
  ...enLearningFigures,
  ...enEngagements,
  ...enRegionalIssues,
  ...enLibrary,
  ...enMail,
  ...enPublicLibrary,
  ...enMunicipalities,
  ...enCouncils,
  ...enActivityReport,
  ...enGoodPractices,
  ...enSurveys,
  ...enPublicSurveys,
  ...enSurveyLetter,
  ...enSurveyCensus,
  ...enDisaster,
  ...enDisasterEvents,
} satisfies Record<keyof typeof ja, string>;

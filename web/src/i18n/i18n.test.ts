import { describe, expect, it } from 'vitest';
import { en } from './en';
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
import { ja } from './ja';
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

describe('UI dictionaries', () => {
  it('define every key in exactly one area', () => {
    const parts = [
      jaCore,
      jaAdmin,
      jaRegistry,
      jaRecord,
      jaPublic,
      jaCensus,
      jaResources,
      jaResourcesStaff,
      jaConsultations,
      jaConsultationTeams,
      jaLearningLearners,
      jaLearningCourses,
      jaPublicTrainings,
      jaPublicSite,
      jaPublicSiteStaff,
      jaLearningSelection,
      jaLearningAttendance,
      jaLearningElearning,
      jaLearningRequests,
      jaLearningFigures,
      jaEngagements,
      jaRegionalIssues,
      jaMunicipalities,
      jaCouncils,
      jaActivityReport,
      jaLibrary,
      jaMail,
      jaPublicLibrary,
      jaGoodPractices,
      jaSurveys,
      jaPublicSurveys,
      jaSurveyLetter,
      jaSurveyCensus,
      jaDisaster,
      jaDisasterEvents,
    ].map((p) => Object.keys(p));
    expect(parts.flat().length).toBe(Object.keys(ja).length);
    const enParts = [
      enCore,
      enAdmin,
      enRegistry,
      enRecord,
      enPublic,
      enCensus,
      enResources,
      enResourcesStaff,
      enConsultations,
      enConsultationTeams,
      enLearningLearners,
      enLearningCourses,
      enPublicTrainings,
      enPublicSite,
      enPublicSiteStaff,
      enLearningSelection,
      enLearningAttendance,
      enLearningElearning,
      enLearningRequests,
      enLearningFigures,
      enEngagements,
      enRegionalIssues,
      enMunicipalities,
      enCouncils,
      enActivityReport,
      enLibrary,
      enMail,
      enPublicLibrary,
      enGoodPractices,
      enSurveys,
      enPublicSurveys,
      enSurveyLetter,
      enSurveyCensus,
      enDisaster,
      enDisasterEvents,
    ].map((p) => Object.keys(p));
    expect(enParts.flat().length).toBe(Object.keys(en).length);
  });

  it('have the same keys in Japanese and English, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
  });
});

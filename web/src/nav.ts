import { readsActivityReport } from '../../src/modules/activity-report/policy';
import { censusAccessFor, censusOwnListFor } from '../../src/modules/census/policy';
import { readsMunicipalPages } from '../../src/modules/municipalities/policy';
import { keepsPublicSiteAs } from '../../src/modules/public-site/policy';
import { reviewsRegistrations } from '../../src/modules/registrations/policy';
import type { MessageKey } from './i18n';
import type { ScopeKind } from './lib/queries/auth';
import { administers, isLearner, type Role, readsAudit, seesPersonalData } from './lib/roles';
import { readsConsultations, readsSharedCases, recordsConsultations } from './pages/consultations/access';
import { readsCouncils } from './pages/councils/access';
import { readsEngagements } from './pages/engagements/access';
import { readsStories } from './pages/good-practices/access';
import { readsTrainings } from './pages/learning/courses/access';
import { readsElearning } from './pages/learning/elearning/access';
import { administersLearners } from './pages/learning/learners/access';
import { filesRequests, readsRequests } from './pages/learning/requests/access';
import { readsLibrary } from './pages/library/access';
import { readsIssues } from './pages/regional-issues/access';
import { readsResourceGaps, readsResources, runsResourceRounds } from './pages/resources/access';
import { readsSurveys } from './pages/surveys/access';

/**
 * The modules of the menu and who may open them. Routes use the same rules, so a page a role may not
 * use is neither listed nor reachable (it shows the not-found page; the API refuses it anyway).
 * Most rules read the role only; prefecture-wide work (census, resources import and rounds) also needs the
 * session's scope kind to be 'prefecture' (centre staff of a branch have 'regions').
 */
export type NavLinkItem = { to: NavPath; label: MessageKey };
export type NavGroup = { label: MessageKey; items: NavLinkItem[] };
export type NavEntry = NavLinkItem | NavGroup;

export type NavPath =
  | '/'
  | '/children'
  | '/transitions'
  | '/registry/review'
  | '/admin/regions'
  | '/admin/municipalities'
  | '/admin/closures'
  | '/admin/centres'
  | '/admin/organisations'
  | '/admin/people'
  | '/admin/users'
  | '/admin/mail'
  | '/census'
  | '/resources'
  | '/resources/confirmation'
  | '/resources/gaps'
  | '/consultations'
  | '/consultations/new'
  | '/consultations/caseload'
  | '/consultations/figures'
  | '/consultations/teams'
  | '/audit'
  | '/learning/sessions'
  | '/learning/courses'
  | '/learning/requests'
  | '/learning/roster'
  | '/learning/supervise-pool'
  | '/learning/figures'
  | '/learning/me'
  | '/learning/me/profile'
  | '/learning/learners'
  | '/learning/lessons'
  | '/learning/elearning'
  | '/engagements'
  | '/engagements/four-division'
  | '/engagements/analysis'
  | '/municipalities'
  | '/regional-issues'
  | '/development-projects'
  | '/councils'
  | '/councils/action-items'
  | '/activity-report'
  | '/library'
  | '/good-practices'
  | '/surveys'
  | '/disaster'
  | '/public-site'
  | '/account';

export const ACCESS = {
  registry: seesPersonalData,
  admin: administers,
  audit: readsAudit,
  review: reviewsRegistrations,
  census: (role: Role, scopeKind: ScopeKind) =>
    censusAccessFor(role, scopeKind) !== 'none' || censusOwnListFor(role, scopeKind),
  resources: readsResources,
  resourceRounds: runsResourceRounds,
  resourceGaps: readsResourceGaps,
  consultations: readsConsultations,
  everyone: (_role: Role) => true,
  /** The learner's own pages ("my learning", profile): learners only (staff have no learner profile). */
  myLearning: isLearner,
  /** Staff pages: every role but learners (the API refuses them every staff area). */
  staff: (role: Role) => !isLearner(role),
  /** The sign-up queue and bulk invitations (pages/learning/learners/access.ts). */
  learnerAccounts: administersLearners,
  /** The training year's courses and sessions (pages/learning/courses/access.ts). */
  trainings: readsTrainings,
  /** E-learning's staff screens (pages/learning/elearning/access.ts). */
  elearning: readsElearning,
  /** Training requests (pages/learning/requests/access.ts): the centre's, and municipal and provider staff's own. */
  trainingRequests: readsRequests,
  /** Visits, four-division meetings and the support log (pages/engagements/access.ts). */
  engagements: readsEngagements,
  /** The page per municipality and the prefecture view (src/modules/municipalities/policy.ts). */
  municipalPages: readsMunicipalPages,
  /** Regional issues and development projects (pages/regional-issues/access.ts). */
  regionalIssues: readsIssues,
  /** Councils, meetings and one's own action items (pages/councils/access.ts). */
  councils: readsCouncils,
  /** The good-practice library (src/modules/good-practices/policy.ts): every staff role of the prefecture. */
  goodPractices: readsStories,
  /** The library (src/modules/library/policy.ts): every staff role of a prefecture. */
  library: readsLibrary,
  /** Surveys (src/modules/surveys/policy.ts): the centre builds and sends them, auditors read them. */
  surveys: readsSurveys,
  /** Disaster readiness: the municipality's list and the coverage (src/modules/disaster/scope.ts, the municipal pages' area). */
  disaster: readsMunicipalPages,
  /** The yearly activity report (src/modules/activity-report/policy.ts). */
  activityReport: readsActivityReport,
  /** Editing the public site: the centre's HQ (src/modules/public-site/policy.ts). */
  publicSite: keepsPublicSiteAs,
} as const satisfies Record<string, (role: Role, scopeKind: ScopeKind) => boolean>;

export function navFor(role: Role, scopeKind: ScopeKind): NavEntry[] {
  // Learners: their own learning and their account, nothing of the staff screens.
  if (ACCESS.myLearning(role)) return learnerNav();
  const entries: NavEntry[] = [{ to: '/', label: 'nav.home' }];
  if (ACCESS.registry(role)) entries.push({ to: '/children', label: 'nav.registry' });
  if (ACCESS.registry(role)) entries.push({ to: '/transitions', label: 'nav.transitions' });
  if (ACCESS.review(role)) entries.push({ to: '/registry/review', label: 'nav.review' });
  if (ACCESS.census(role, scopeKind)) entries.push({ to: '/census', label: 'nav.census' });
  if (ACCESS.resources(role)) {
    const items: NavLinkItem[] = [{ to: '/resources', label: 'nav.resourceDirectory' }];
    if (ACCESS.resourceRounds(role, scopeKind))
      items.push({ to: '/resources/confirmation', label: 'nav.resourceRounds' });
    if (ACCESS.resourceGaps(role)) items.push({ to: '/resources/gaps', label: 'nav.resourceGaps' });
    entries.push({ label: 'nav.resources', items });
  }
  if (ACCESS.consultations(role)) {
    const items: NavLinkItem[] = [{ to: '/consultations', label: 'nav.consultationQueue' }];
    if (recordsConsultations(role)) items.push({ to: '/consultations/new', label: 'nav.consultationNew' });
    items.push({ to: '/consultations/caseload', label: 'nav.consultationCaseload' });
    items.push({ to: '/consultations/figures', label: 'nav.consultationFigures' });
    items.push({ to: '/consultations/teams', label: 'nav.consultationTeams' });
    entries.push({ label: 'nav.consultations', items });
  } else if (readsSharedCases(role)) {
    // Provider staff in a supervise team: the cases shared with it, nothing of the centre's boards.
    entries.push({
      label: 'nav.consultations',
      items: [{ to: '/consultations', label: 'nav.consultationQueue' }],
    });
  }
  if (ACCESS.goodPractices(role)) entries.push({ to: '/good-practices', label: 'nav.goodPractices' });
  if (ACCESS.library(role)) entries.push({ to: '/library', label: 'nav.library' });
  if (ACCESS.surveys(role)) entries.push({ to: '/surveys', label: 'nav.surveys' });
  if (ACCESS.disaster(role)) entries.push({ to: '/disaster', label: 'nav.disaster' });
  // 市町村支援: one group; each of its modules adds its own entries.
  const municipalSupport: NavLinkItem[] = [];
  if (ACCESS.municipalPages(role))
    municipalSupport.push({ to: '/municipalities', label: 'nav.municipalPages' });
  if (ACCESS.regionalIssues(role)) {
    municipalSupport.push({ to: '/regional-issues', label: 'nav.regionalIssues' });
    municipalSupport.push({ to: '/development-projects', label: 'nav.developmentProjects' });
  }
  if (ACCESS.engagements(role)) {
    municipalSupport.push({ to: '/engagements', label: 'nav.engagements' });
    municipalSupport.push({ to: '/engagements/four-division', label: 'nav.fourDivision' });
    municipalSupport.push({ to: '/engagements/analysis', label: 'nav.engagementAnalysis' });
  }
  if (ACCESS.councils(role)) {
    municipalSupport.push({ to: '/councils', label: 'nav.councils' });
    municipalSupport.push({ to: '/councils/action-items', label: 'nav.councilActions' });
  }
  if (ACCESS.activityReport(role))
    municipalSupport.push({ to: '/activity-report', label: 'nav.activityReport' });
  if (municipalSupport.length) entries.push({ label: 'nav.municipalSupport', items: municipalSupport });
  if (ACCESS.publicSite(role, scopeKind)) entries.push({ to: '/public-site', label: 'nav.publicSite' });
  if (ACCESS.admin(role)) {
    entries.push({
      label: 'nav.admin',
      items: [
        { to: '/admin/regions', label: 'nav.regions' },
        { to: '/admin/municipalities', label: 'nav.municipalities' },
        { to: '/admin/closures', label: 'nav.closures' },
        { to: '/admin/centres', label: 'nav.centres' },
        { to: '/admin/organisations', label: 'nav.organisations' },
        { to: '/admin/people', label: 'nav.people' },
        { to: '/admin/users', label: 'nav.users' },
        { to: '/admin/mail', label: 'nav.outbox' },
      ],
    });
  }
  if (ACCESS.trainings(role)) {
    entries.push({
      label: 'nav.trainings',
      items: [
        { to: '/learning/sessions', label: 'nav.trainingSessions' },
        { to: '/learning/courses', label: 'nav.trainingCourses' },
        { to: '/learning/requests', label: 'nav.trainingRequests' },
        { to: '/learning/roster', label: 'nav.coordinatorRoster' },
        { to: '/learning/supervise-pool', label: 'nav.supervisePool' },
        { to: '/learning/figures', label: 'nav.trainingFigures' },
      ],
    });
  } else if (filesRequests(role)) {
    // Municipal and provider staff: the requests they file for their municipality or organisation.
    entries.push({
      label: 'nav.trainings',
      items: [{ to: '/learning/requests', label: 'nav.trainingRequests' }],
    });
  }
  if (ACCESS.elearning(role)) entries.push({ to: '/learning/elearning', label: 'nav.elearning' });
  if (ACCESS.learnerAccounts(role, scopeKind)) {
    entries.push({ to: '/learning/learners', label: 'nav.learnerAccounts' });
  }
  if (ACCESS.audit(role)) entries.push({ to: '/audit', label: 'nav.audit' });
  entries.push({ to: '/account', label: 'nav.account' });
  return entries;
}

/** The learner's menu: "my learning" is their home (the learning owners add their pages to it there). */
function learnerNav(): NavEntry[] {
  return [
    { to: '/learning/me', label: 'nav.myLearning' },
    { to: '/learning/lessons', label: 'nav.myLessons' },
    { to: '/learning/me/profile', label: 'nav.myLearningProfile' },
    { to: '/account', label: 'nav.account' },
  ];
}

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'items' in entry;
}

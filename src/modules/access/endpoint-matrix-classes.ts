/**
 * The classification of every GET endpoint for the endpoint matrix (endpoint-matrix.db.test.ts, which explains
 * the rule): what each endpoint returns, and the query parameters a list endpoint requires. Who may call each
 * class is fixed in endpoint-matrix-access.ts.
 */

export type EndpointClass =
  | 'session' // the caller's own session
  | 'demo' // the demo's role switch: only on a seeded demo database on the embedded engine, 404 everywhere else (accounts/demo-switch.db.test.ts)
  | 'children' // children's personal data, scoped per role (permission-matrix)
  | 'children_figures' // aggregates over the same scope
  | 'audit' // who read or changed what: centre administrators and auditors of the prefecture
  | 'user_admin' // staff accounts: administrators
  | 'network' // configuration and professional contacts of the caller's prefecture
  | 'public' // open to anyone without signing in (no personal data)
  | 'own' // the caller's own settings (saved filters): every signed-in role, never another user's
  | 'inbox' // notifications addressed to the caller or the caller's municipality: every signed-in role
  | 'registrations' // registrations sent through the public form: reviewers of the area (centre, regional coordinators)
  | 'census' // census lists, linkage runs and results: the centre with a whole-prefecture scope; auditors read
  | 'census_lists' // census sources, imports, runs' counts and the common sheet: as census, and municipal staff their own municipality's (census/own-list.db.test.ts)
  | 'directory' // the resource directory (no personal data): every role of the prefecture (providers: their own)
  | 'directory_admin' // re-confirmation rounds and whole-directory exports: the centre with a prefecture scope
  | 'consultations' // consultations, queues, caseload, figures: scoped to the caller's teams (no team: empty lists)
  | 'training' // training courses and sessions (no personal data): centre staff, coordinators, auditors
  | 'gaps' // supply and demand counts and bottlenecks: every role of the prefecture but providers
  | 'learning_session' // a session's attendance, completions and certificates, by id only: staff who manage the session, a certificate's holder (404 outside; learning/attendance.db.test.ts, certificates.db.test.ts)
  | 'learner_own' // a learner's own learning and profile: learners only (staff have no learner profile)
  | 'learner_admin' // learner sign-ups to confirm: whoever manages the whole prefecture's learning
  | 'training_requests' // training requests (MI-6): the centre scoped like sessions, auditors read; municipal and provider staff their own (learning/requests-denied.db.test.ts)
  | 'training_offers' // newly opened providers to offer a training: staff who handle requests
  | 'regional_issues' // regional issues and development projects: the centre, coordinators and municipal staff of their area, auditors read (404 outside; regional-issues/regional-issues-denied.db.test.ts)
  | 'good_practices' // the good-practice library: published stories for every staff role of the prefecture, drafts in the area (404 outside; good-practices/good-practices-denied.db.test.ts)
  | 'engagements' // hearing visits, four-division meetings, the support log: the centre, coordinators and municipal staff of their area, auditors read (404 outside; engagements/engagements-denied.db.test.ts)
  | 'municipal_pages' // the page per municipality and the prefecture view: the centre, coordinators and municipal staff of their area, auditors read (404 outside; municipalities/municipalities-denied.db.test.ts)
  | 'councils' // councils, meetings, minutes and action items: the centre, branches and coordinators by the body's owner, municipal staff their region's and their own memberships, auditors read (404 outside; councils/councils-denied.db.test.ts)
  | 'activity_report' // the yearly activity report (counts only): the centre, branch staff (their branch) and coordinators (their region), auditors read (404 for another branch; activity-report/activity-report.db.test.ts)
  | 'public_site' // the public site's pages, notices and first windows as the staff edit them: the centre's HQ (administrators, staff of the whole prefecture); every other role 403 by role (public-site/public-site.db.test.ts)
  | 'library' // the library's items (no personal data): every staff role of the prefecture reads, the centre keeps them; a case's handouts through the consultation's scope (404 outside; library/library.db.test.ts)
  | 'surveys' // surveys, their personal links and results: the centre (administrators and staff) manage, auditors read; every other role 403 by role, another prefecture's survey 404 (surveys/surveys-denied.db.test.ts)
  | 'learning_course'; // learners' progress on a course's lessons, by id only: staff who manage the course (404 outside; learning/elearning/overview.db.test.ts)

export const GET_ENDPOINTS: Record<string, EndpointClass> = {
  '/api/auth/session': 'session',
  '/api/auth/demo/accounts': 'demo',
  '/api/children': 'children',
  '/api/children/{id}': 'children',
  '/api/children/{id}/history': 'children',
  '/api/notifications': 'inbox',
  '/api/notifications/mail-preferences': 'own',
  '/api/children/export': 'children',
  '/api/transitions': 'children',
  '/api/transitions/owners': 'children',
  '/api/saved-filters': 'own',
  '/api/home/figures': 'children_figures',
  '/api/audit': 'audit',
  '/api/audit/actors': 'audit',
  '/api/audit/export': 'audit',
  '/api/audit/verify': 'audit',
  '/api/admin/users': 'user_admin',
  '/api/admin/users/{id}': 'user_admin',
  '/api/mail/outbox': 'user_admin',
  '/api/mail/bounces': 'user_admin',
  '/api/network/prefectures': 'network',
  '/api/network/municipalities': 'network',
  '/api/network/regions': 'network',
  '/api/calendar/closures': 'network',
  '/api/network/centres': 'network',
  '/api/network/organisations': 'network',
  '/api/network/organisations/{id}': 'network',
  '/api/network/people': 'network',
  '/api/network/people/{id}': 'network',
  '/api/public/care-score/items': 'public',
  '/api/public/registrations/options': 'public',
  '/api/registrations': 'registrations',
  '/api/registrations/{id}': 'registrations',
  '/api/census/sources': 'census_lists',
  '/api/census/imports': 'census_lists',
  '/api/census/imports/{id}': 'census',
  '/api/census/jobs/{id}': 'census',
  '/api/census/runs': 'census_lists',
  '/api/census/template.xlsx': 'census_lists',
  '/api/census/runs/{id}': 'census',
  '/api/census/runs/{id}/review': 'census',
  '/api/census/runs/{id}/results': 'census',
  '/api/census/runs/{id}/discrepancies': 'census',
  '/api/census/runs/{id}/discrepancies/{municipalityCode}': 'census',
  '/api/census/runs/{id}/discrepancies/{municipalityCode}/xlsx': 'census',
  '/api/resources/organizations': 'directory',
  '/api/resources/organizations/{id}': 'directory',
  '/api/resources/services': 'directory',
  '/api/resources/services/{id}': 'directory',
  '/api/resources/rounds': 'directory_admin',
  '/api/resources/rounds/{id}': 'directory_admin',
  '/api/resources/export.json': 'directory_admin',
  '/api/resources/export.xlsx': 'directory_admin',
  '/api/resources/places': 'directory_admin',
  '/api/resources/gaps': 'gaps',
  '/api/resources/gaps.xlsx': 'gaps',
  '/api/resources/bottlenecks': 'gaps',
  '/api/consultations': 'consultations',
  '/api/consultations/{id}': 'consultations',
  '/api/consultations/{id}/similar': 'consultations',
  '/api/consultations/{id}/supervise-proposal': 'consultations',
  '/api/consultations/teams': 'consultations',
  '/api/consultations/teams/overview': 'consultations',
  '/api/consultations/caseload': 'consultations',
  '/api/consultations/figures': 'consultations',
  '/api/consultations/figures/export': 'consultations',
  '/api/public/resources': 'public',
  '/api/public/resources/options': 'public',
  '/api/public/resources/{id}': 'public',
  '/api/public/resources/confirm/{token}': 'public',
  '/api/learning/options': 'training',
  '/api/learning/courses': 'training',
  '/api/learning/courses/{id}': 'training',
  '/api/learning/sessions': 'training',
  '/api/learning/sessions/{id}': 'training',
  '/api/public/learning/sessions': 'public',
  '/api/learning/me': 'learner_own',
  '/api/learning/me/profile': 'learner_own',
  '/api/learning/me/completions': 'learner_own',
  '/api/learning/sessions/{id}/attendance': 'learning_session',
  '/api/learning/sessions/{id}/completions': 'learning_session',
  // Applications and selection (learning/applications.db.test.ts): a session's applicants for staff who manage it
  // (404 outside); the apply form and one's own applications for learners only.
  '/api/learning/sessions/{id}/applicants': 'learning_session',
  '/api/learning/sessions/{id}/apply': 'learner_own',
  '/api/learning/me/applications': 'learner_own',
  // A certificate's PDF (`{id}` is `<uuid>.pdf`): its holder (a learner) or staff who manage its session.
  '/api/learning/certificates/{id}': 'learner_own',
  '/api/public/learning/certificates/{serial}': 'public',
  '/api/learning/learners/sign-ups': 'learner_admin',
  '/api/public/learning/sign-up/options': 'public',
  '/api/public/learning/sign-up/workplaces': 'public',
  // E-learning (learning/elearning/*.db.test.ts): a course's lessons, media and quizzes are course data, read by
  // the staff who read courses (404 outside); learners' progress per course follows its management; a learner's
  // own lessons, progress and attempts are theirs only (another learner's attempt answers 404).
  '/api/learning/elearning/courses': 'training',
  '/api/learning/elearning/courses/{courseId}/media': 'training',
  '/api/learning/elearning/courses/{courseId}/lessons': 'training',
  '/api/learning/elearning/courses/{courseId}/progress': 'learning_course',
  '/api/learning/elearning/media/{id}': 'training',
  '/api/learning/elearning/parts/{partId}/quiz': 'training',
  '/api/learning/elearning/me/courses': 'learner_own',
  '/api/learning/elearning/me/lessons/{partId}': 'learner_own',
  '/api/learning/elearning/me/attempts/{id}': 'learner_own',
  '/api/learning/requests': 'training_requests',
  '/api/learning/requests/options': 'training_requests',
  '/api/learning/requests/transitions': 'training_requests',
  '/api/learning/requests/new-providers': 'training_offers',
  '/api/learning/requests/{id}': 'training_requests',
  // Coordinator roster, supervise pools and figures (learning/roster/roster.db.test.ts): the roster follows the
  // manage area by workplace; learners and the public never see these.
  '/api/learning/roster': 'training',
  '/api/learning/roster/export': 'training',
  '/api/learning/supervise-pool': 'training',
  '/api/learning/supervise-pool/proposal': 'training',
  '/api/learning/figures': 'training',
  '/api/learning/figures/export': 'training',
  // Regional issues and development projects (regional-issues/regional-issues-denied.db.test.ts): the centre,
  // branches and coordinators of their regions, municipal staff of their municipality (and their region's as a
  // whole), auditors read; 404 outside the area.
  '/api/regional-issues': 'regional_issues',
  '/api/regional-issues/options': 'regional_issues',
  '/api/regional-issues/{id}': 'regional_issues',
  '/api/regional-issues/{id}/candidates': 'regional_issues',
  '/api/development-projects': 'regional_issues',
  '/api/development-projects/figures': 'regional_issues',
  '/api/development-projects/{id}': 'regional_issues',
  // Engagements with municipalities (engagements/engagements-denied.db.test.ts): the caller's area.
  '/api/engagements': 'engagements',
  '/api/engagements/options': 'engagements',
  '/api/engagements/four-division': 'engagements',
  '/api/engagements/four-division/export': 'engagements',
  '/api/engagements/cross-tab': 'engagements',
  '/api/engagements/cross-tab/export': 'engagements',
  '/api/engagements/municipalities/{municipalityCode}': 'engagements',
  '/api/engagements/{id}': 'engagements',
  // The page per municipality (municipalities/): its area follows the caller's scope.
  '/api/municipalities': 'municipal_pages',
  '/api/municipalities/export': 'municipal_pages',
  '/api/municipalities/{code}': 'municipal_pages',
  '/api/municipalities/{code}/figures': 'municipal_pages',
  '/api/municipalities/{code}/history': 'municipal_pages',
  // Councils and meetings (councils/councils-denied.db.test.ts); the personal calendar feed is opened by its token.
  '/api/councils/options': 'councils',
  '/api/councils/bodies': 'councils',
  '/api/councils/bodies/{id}': 'councils',
  '/api/councils/bodies/{id}/assignees': 'councils',
  '/api/councils/bodies/{id}/calendar.ics': 'councils',
  '/api/councils/meetings': 'councils',
  '/api/councils/meetings/{id}': 'councils',
  '/api/councils/action-items/mine': 'councils',
  '/api/councils/calendar-feed': 'councils',
  '/api/public/councils/minutes': 'public',
  '/api/public/calendar/{file}': 'public',
  '/api/activity-report': 'activity_report',
  // The library (library/library.db.test.ts); its public items without sign-in.
  '/api/library/items': 'library',
  '/api/library/items/{id}': 'library',
  '/api/library/consultations/{consultationId}/handouts': 'library',
  '/api/library/items/{id}/captions/{language}': 'library',
  '/api/public/library/items': 'public',
  '/api/public/library/items/{id}': 'public',
  '/api/public/library/items/{id}/captions/{language}': 'public',
  // The good-practice library (good-practices/good-practices-denied.db.test.ts): published stories prefecture-wide,
  // drafts in the area; a consultation's suggestions and a source's pre-fill through the source's own scope.
  '/api/good-practices': 'good_practices',
  '/api/good-practices/options': 'good_practices',
  '/api/good-practices/{id}': 'good_practices',
  '/api/good-practices/for-consultation/{consultationId}': 'good_practices',
  '/api/good-practices/prefill/{sourceKind}/{sourceId}': 'good_practices',
  '/api/public-site/pages': 'public_site',
  '/api/public-site/pages/{id}': 'public_site',
  '/api/public-site/first-windows': 'public_site',
  '/api/public/site': 'public',
  '/api/public/site/first-windows': 'public',
  '/api/public/site/pages/{slug}': 'public',
  '/api/public/site/good-practices': 'public',
  '/api/public/site/good-practices/{id}': 'public',
  '/api/surveys': 'surveys',
  '/api/surveys/{id}': 'surveys',
  '/api/surveys/{id}/invitations': 'surveys',
  '/api/surveys/{id}/results': 'surveys',
  '/api/surveys/{id}/answers': 'surveys',
  '/api/surveys/{id}/care-proposals': 'surveys',
  '/api/surveys/{id}/census-counts': 'surveys',
  '/api/surveys/{id}/export': 'surveys',
  '/api/public/surveys/{token}': 'public',
  // Disaster readiness: a child's profile and sheet by the registry's by-id scope; the municipality's list, its
  // files and the coverage by the municipal pages' area (disaster/disaster-denied.db.test.ts).
  '/api/disaster/children/{id}': 'children',
  '/api/disaster/children/{id}/sheet': 'children',
  '/api/disaster/list': 'municipal_pages',
  '/api/disaster/list/export': 'municipal_pages',
  '/api/disaster/coverage': 'municipal_pages',
  // Outage lists, shelters and declared events follow the municipal pages' area too; an event, its outage list and
  // its access review by id (disaster-events/disaster-events-denied.db.test.ts).
  '/api/disaster-events/outage': 'municipal_pages',
  '/api/disaster-events/shelters': 'municipal_pages',
  '/api/disaster-events/responders': 'municipal_pages',
  '/api/disaster-events/events': 'municipal_pages',
  '/api/disaster-events/events/{id}': 'municipal_pages',
  '/api/disaster-events/events/{id}/outage': 'municipal_pages',
  '/api/disaster-events/events/{id}/review': 'municipal_pages',
};

/** Query parameters a list endpoint requires. */
export const REQUIRED_QUERY: Record<string, string> = {
  '/api/census/imports': 'nendo=2025',
  '/api/census/runs': 'nendo=2025',
  '/api/census/template.xlsx': 'nendo=2025',
  '/api/consultations/figures': 'nendo=2025',
  '/api/disaster/list': 'municipality=142051',
  '/api/disaster/list/export': 'municipality=142051',
  '/api/disaster-events/outage': 'municipalities=142051&since=2026-01-01T00:00:00Z',
  '/api/disaster-events/shelters': 'municipalities=142051',
  '/api/activity-report': 'fiscalYear=2025',
  '/api/consultations/figures/export': 'nendo=2025',
  '/api/public/learning/sessions': 'prefecture=14',
  '/api/public/councils/minutes': 'prefecture=14',
  '/api/public/site/good-practices': 'prefecture=14',
  '/api/public/site/good-practices/{id}': 'prefecture=14',
  '/api/public/library/items': 'prefecture=14',
  '/api/public/site/first-windows': 'prefecture=14',
  '/api/public/learning/sign-up/workplaces': 'prefecture=14&q=%E7%97%85%E9%99%A2',
  '/api/learning/requests/transitions': 'nendo=2027',
  '/api/learning/supervise-pool/proposal': 'tags=medical',
  '/api/consultations/{id}/supervise-proposal': 'tags=medical',
};

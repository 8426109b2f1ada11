/**
 * The classification of every write operation for the write part of the endpoint matrix
 * (endpoint-matrix-writes.db.test.ts, which explains the rules): PROBES for the operations naming a record in
 * their path, with a valid body so that only the id decides the answer, collected from one file per module
 * (write-probes-<module>.ts); OTHER_WRITES for the rest.
 */
import { ROLES, type Role } from './roles';
import type { Probe } from './write-probe-kit';
import { CENSUS_PROBES } from './write-probes-census';
import { CONSULTATION_PROBES } from './write-probes-consultations';
import { COUNCIL_PROBES } from './write-probes-councils';
import { DISASTER_PROBES } from './write-probes-disaster';
import { DISASTER_EVENT_PROBES } from './write-probes-disaster-events';
import { ENGAGEMENT_PROBES } from './write-probes-engagements';
import { GOOD_PRACTICE_PROBES } from './write-probes-good-practices';
import { LEARNING_PROBES } from './write-probes-learning';
import { LIBRARY_PROBES } from './write-probes-library';
import { MAIL_PROBES } from './write-probes-mail';
import { MUNICIPALITY_PROBES } from './write-probes-municipalities';
import { NETWORK_PROBES } from './write-probes-network';
import { OWN_PROBES } from './write-probes-own';
import { PUBLIC_SITE_PROBES } from './write-probes-public-site';
import { REGIONAL_ISSUE_PROBES } from './write-probes-regional-issues';
import { REGISTRATION_PROBES } from './write-probes-registrations';
import { REGISTRY_PROBES } from './write-probes-registry';
import { RESOURCE_PROBES } from './write-probes-resources';
import { SURVEY_PROBES } from './write-probes-surveys';
import { USER_PROBES } from './write-probes-users';

export type { Probe };

export type WriteClass =
  | 'session' // the caller's own sign-in and account, or a one-time token handed over (accounts module)
  | 'public' // open forms and the calculator: no sign-in, no record named
  | 'token' // a provider link: the token is the credential; unknown, used and expired ones answer alike
  | 'area' // creates or acts within the caller's area without naming a record in the path
  | 'record'; // names a record in the path: probed in PROBES

/** Who the record of a probe belongs to, for the deliberate 403s and the records of prefecture 14. */
export type Group =
  | 'child'
  | 'regional_issue' // a regional issue: read in the area, moved by the region's and the prefecture's staff
  | 'development_project' // a development project: kept by the centre and coordinators of the area
  | 'engagement' // a municipality's engagements and its four-division cycle: its area's centre, coordinators and own staff
  | 'transition_follow_up' // a child's transition follow-up: those who keep the registry, in their area
  | 'own'
  | 'network'
  | 'users'
  | 'registrations'
  | 'census'
  | 'resource_org'
  | 'service'
  | 'rounds'
  | 'bottleneck'
  | 'supervise'
  | 'consultation'
  | 'training'
  | 'training_application' // a session's applicant, for the staff who manage the session
  | 'learner_application' // the learner's own application
  | 'learner_apply' // applying to a session: learners only
  | 'learner_sign_up'
  | 'training_request' // a request's centre steps: the need, the session, done or declined, the handler
  | 'training_request_dialogue' // a request's dialogue: the centre and the requester
  | 'elearning_learner'
  | 'coordinator_roster' // a trained coordinator's activity flag: kept by the staff whose area they work in
  | 'supervise_pool' // a member of a centre's supervise pool: kept by the prefecture's managers and the branch
  | 'council' // a council body, its members, meetings and minutes: managed by the centre, branches and coordinators of its owner
  | 'council_action_item' // an action item: its owner marks it done, the body's managers change it
  | 'public_site' // the centre's public site: its pages and first windows, kept by the centre's HQ only
  | 'good_practice' // a good-practice story: drafts read and changed in their area, published ones read prefecture-wide
  | 'library_item' // a library item's changes: kept by the centre; every other role reads only
  | 'library_handout' // handing an item out: every reader of the item, then the consultation's own scope
  | 'survey' // a survey, its links and reminders: managed by the centre, read by auditors, no other role
  | 'mail_outbox' // a message in the outbox: administrators only (mail/policy.ts); the system administrator sees every prefecture's
  | 'disaster_event' // a declared disaster event (disaster-events/policy.ts): seen in its areas, changed by the centre's administrators
  | 'municipal_page'; // a municipality's page (municipalities/policy.ts): kept by the centre, coordinators and its own staff

const NON_ADMINS: readonly Role[] = [
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
  'provider_staff',
  'auditor',
  'learner',
];

/** Learners may do nothing to any staff record (access/learner-fence.ts): 403 for every id. */
const LEARNERS: readonly Role[] = ['learner'];

/** Roles refused a whole kind of record before its id is read: 403 for a real and an unknown id alike. */
export const REFUSED_BY_ROLE: Record<Group, readonly Role[]> = {
  // Surveys (surveys/policy.ts) are the centre's: roles other than its staff and auditors are refused by role.
  survey: ['system_admin', 'regional_coordinator', 'municipal_staff', 'provider_staff', ...LEARNERS],
  // The library (library/policy.ts): every staff role of the prefecture reads its items, the centre keeps them.
  library_item: [
    'system_admin',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'auditor',
    ...LEARNERS,
  ],
  library_handout: ['system_admin', ...LEARNERS],
  // The public site (public-site/policy.ts) is kept by the centre's HQ: every other role is refused by role.
  public_site: [
    'system_admin',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'auditor',
    ...LEARNERS,
  ],
  child: LEARNERS,
  // Engagements (engagements/policy.ts): no access for providers, learners and system administrators, auditors
  // read only; the others find the record in their area first.
  engagement: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
  // Only the roles that keep the registry set a transition's follow-up (transitions/follow-ups.ts).
  transition_follow_up: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
  own: [],
  network: NON_ADMINS,
  users: NON_ADMINS,
  mail_outbox: NON_ADMINS,
  registrations: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  census: ['auditor', ...LEARNERS],
  resource_org: LEARNERS,
  service: LEARNERS,
  rounds: ['regional_coordinator', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  bottleneck: LEARNERS,
  supervise: ['auditor', ...LEARNERS],
  consultation: LEARNERS,
  // Courses and sessions: staff of the centre and coordinators; the others may change none (auditors read).
  training: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  // Seats and cancellations are decided by the staff who manage the session (the training roles).
  training_application: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  // Only learners apply and cancel their own; staff act on applications through the routes above.
  learner_application: ROLES.filter((r) => r !== 'learner'),
  learner_apply: ROLES.filter((r) => r !== 'learner'),
  // Learner accounts are the prefecture's: administered by whoever manages its whole learning.
  learner_sign_up: [
    'system_admin',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'auditor',
    ...LEARNERS,
  ],
  // Training requests (learning/requests-denied.db.test.ts): the centre takes the steps; municipal and provider
  // staff add to the dialogue of their own requests only (others 404); auditors read.
  training_request: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  training_request_dialogue: ['system_admin', 'auditor', ...LEARNERS],
  // A learner's own watching and quiz attempts: learners only; staff are refused by role before any id is read.
  elearning_learner: ROLES.filter((r) => r !== 'learner'),
  // The coordinator roster and the supervise pools (learning/roster/area.ts): centre staff and coordinators keep
  // them; auditors read them; everyone else may not read them at all.
  coordinator_roster: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  supervise_pool: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  // Regional issues (regional-issues/policy.ts): read by every staff role of the area, so the id decides first
  // (auditors write nothing at all); development projects are kept by the centre and coordinators only.
  regional_issue: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
  development_project: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  // Councils (councils/policy.ts): municipal staff read their region's bodies but manage none, so every change is
  // refused before the id is read; an action item's owner may mark it done, so there the id decides first.
  council: ['system_admin', 'municipal_staff', 'provider_staff', 'auditor', ...LEARNERS],
  council_action_item: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
  // Municipality pages: no page for providers and learners, auditors read only, system administrators have none.
  municipal_page: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
  // Declared events (disaster-events/policy.ts): no outage lists for providers, learners and system
  // administrators, and auditors write nothing; the others find the event in their area first.
  disaster_event: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
  // Good-practice stories (good-practices/policy.ts): providers and auditors read but write none, so every change
  // is refused before the id is read; the writing roles find the story in their area first.
  good_practice: ['system_admin', 'provider_staff', 'auditor', ...LEARNERS],
};

/** The system administrator manages the users of every prefecture, so it sees the record of 43. */
export const SEES_FOREIGN: Partial<Record<Group, readonly Role[]>> = {
  users: ['system_admin'],
  mail_outbox: ['system_admin'],
};

/** Records of prefecture 14 (write-world.ts `local`) and the roles of 14 that cannot see them. */
const AREA_OUTSIDERS: readonly Role[] = [
  'system_admin',
  'regional_coordinator',
  'municipal_staff',
  'provider_staff',
  'learner',
];
export const LOCAL_OUTSIDERS: Partial<Record<Group, readonly Role[]>> = {
  // 平塚市: outside the coordinator's region and not the municipal staff's own municipality.
  municipal_page: AREA_OUTSIDERS,
  disaster_event: AREA_OUTSIDERS, // an event declared for 平塚市
  child: AREA_OUTSIDERS,
  engagement: AREA_OUTSIDERS, // an engagement of 平塚市 and its cycle
  good_practice: AREA_OUTSIDERS, // a draft story of 平塚市
  transition_follow_up: AREA_OUTSIDERS,
  regional_issue: AREA_OUTSIDERS, // an issue and a project of 平塚市
  development_project: AREA_OUTSIDERS,
  consultation: AREA_OUTSIDERS,
  council: AREA_OUTSIDERS, // a council of 湘南西部 with its meeting and action item
  council_action_item: AREA_OUTSIDERS,
  service: ['system_admin', 'provider_staff', 'learner'],
  bottleneck: ['system_admin', 'provider_staff', 'learner'], // providers do not read bottlenecks at all
  own: ROLES, // another user's saved filter and notification
  // An application to a session of the HQ: the coordinator of a region does not manage it.
  training_application: [
    'system_admin',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'auditor',
    'learner',
  ],
  learner_application: ROLES, // another learner's application
  // A request of 平塚市 owned by the HQ.
  training_request: ['system_admin', 'regional_coordinator', 'municipal_staff', 'provider_staff', 'learner'],
  training_request_dialogue: [
    'system_admin',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'learner',
  ],
  // A coordinator of 14 with no municipality on record: on no region's roster, so not the coordinator's.
  coordinator_roster: [
    'system_admin',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'learner',
  ],
};

/** Every write operation naming a record in its path, with a valid body, so only the id decides the answer. */
export const PROBES: Record<string, Probe> = {
  ...REGISTRY_PROBES,
  ...OWN_PROBES,
  ...NETWORK_PROBES,
  ...USER_PROBES,
  ...REGISTRATION_PROBES,
  ...CENSUS_PROBES,
  ...RESOURCE_PROBES,
  ...CONSULTATION_PROBES,
  ...LEARNING_PROBES,
  ...REGIONAL_ISSUE_PROBES,
  ...LIBRARY_PROBES,
  ...MUNICIPALITY_PROBES,
  ...COUNCIL_PROBES,
  ...ENGAGEMENT_PROBES,
  ...SURVEY_PROBES,
  ...GOOD_PRACTICE_PROBES,
  ...DISASTER_PROBES,
  ...DISASTER_EVENT_PROBES,
  ...MAIL_PROBES,
  ...PUBLIC_SITE_PROBES,
};

export const OTHER_WRITES: Record<string, Exclude<WriteClass, 'record'>> = {
  'POST /api/auth/sign-in': 'session',
  'POST /api/auth/totp': 'session',
  'POST /api/auth/totp/enrol': 'session',
  'POST /api/auth/totp/confirm': 'session',
  'POST /api/auth/sign-out': 'session',
  'POST /api/auth/password': 'session',
  'POST /api/auth/locale': 'session',
  'POST /api/auth/invitations/accept': 'session',
  'POST /api/auth/password-reset/complete': 'session',
  'POST /api/auth/password-reset': 'session',
  'PATCH /api/notifications/mail-preferences': 'session',
  'POST /api/mail/bounces/clear': 'area',
  'POST /api/auth/demo/sign-in': 'session',
  'POST /api/public/registrations': 'public',
  'POST /api/public/care-score': 'public',
  'POST /api/public/consultations': 'public',
  'PUT /api/public/resources/confirm/{token}': 'token',
  'POST /api/public/resources/confirm/{token}': 'token',
  'POST /api/children': 'area',
  'POST /api/saved-filters': 'area',
  'POST /api/network/prefectures': 'area',
  'POST /api/network/regions': 'area',
  'POST /api/network/centres': 'area',
  'POST /api/network/organisations': 'area',
  'POST /api/network/people': 'area',
  'POST /api/admin/users': 'area',
  'POST /api/census/sources': 'area',
  'POST /api/disaster-events/events': 'area',
  'POST /api/disaster-events/safety-checks': 'area',
  'POST /api/census/imports/preview': 'area',
  'POST /api/census/imports': 'area',
  'POST /api/census/imports/rejected': 'area',
  'POST /api/census/runs': 'area',
  'POST /api/resources/organizations': 'area',
  'POST /api/resources/services': 'area',
  'POST /api/resources/rounds': 'area',
  'POST /api/resources/import/preview': 'area',
  'POST /api/resources/import': 'area',
  'POST /api/resources/import/hsds/preview': 'area',
  'POST /api/resources/import/hsds': 'area',
  'POST /api/resources/places/import/preview': 'area',
  'POST /api/resources/places/import': 'area',
  'POST /api/resources/places/refresh': 'area',
  'POST /api/resources/bottlenecks': 'area',
  'POST /api/consultations/supervise-teams': 'area',
  'PUT /api/consultations/caseload/rule': 'area',
  'POST /api/calendar/closures': 'area',
  'DELETE /api/calendar/closures': 'area',
  'POST /api/consultations': 'area',
  'POST /api/learning/courses': 'area',
  'POST /api/learning/sessions': 'area',
  'POST /api/learning/requests': 'area',
  'POST /api/learning/supervise-pool': 'area',
  'POST /api/public/learning/sign-up': 'public',
  'POST /api/public/learning/sign-up/confirm': 'token',
  'PUT /api/learning/me/profile': 'area',
  'POST /api/learning/learners/invitations/preview': 'area',
  'POST /api/learning/learners/invitations': 'area',
  'POST /api/regional-issues': 'area',
  'POST /api/development-projects': 'area',
  'POST /api/engagements': 'area',
  'POST /api/good-practices': 'area',
  'POST /api/councils/bodies': 'area',
  'POST /api/library/items': 'area',
  'POST /api/councils/meetings': 'area',
  'POST /api/councils/calendar-feed': 'session',
  'DELETE /api/councils/calendar-feed': 'session',
  'POST /api/surveys': 'area',
  'POST /api/surveys/definition-sheet': 'area',
  'POST /api/public/surveys/{token}/answers': 'token',
  'POST /api/public-site/pages': 'area',
};

import type { Role } from '../../lib/roles';

/**
 * Who uses the consultation screens: the roles that belong to teams (decision 0010), and auditors who read.
 * The server decides everything again (scope, then the per-case allowed actions); this only hides what would fail.
 */
const TEAM_ROLES: readonly Role[] = [
  'centre_admin',
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
];

export function readsConsultations(role: Role): boolean {
  return TEAM_ROLES.includes(role) || role === 'auditor';
}

/**
 * Who opens the queue and a case: the readers above, and provider staff — a provider's nurse or therapist can
 * be a member of a supervise team (ME-2), and sees exactly the cases shared with that team (the server's scope;
 * none otherwise).
 */
export function readsSharedCases(role: Role): boolean {
  return readsConsultations(role) || role === 'provider_staff';
}

export function recordsConsultations(role: Role): boolean {
  return TEAM_ROLES.includes(role);
}

/** The caseload concentration rule is the prefecture's, changed by its centre administrators. */
export function editsCaseloadRule(role: Role): boolean {
  return role === 'centre_admin';
}

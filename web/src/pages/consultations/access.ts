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

export function recordsConsultations(role: Role): boolean {
  return TEAM_ROLES.includes(role);
}

/** The caseload concentration rule is the prefecture's, changed by its centre administrators. */
export function editsCaseloadRule(role: Role): boolean {
  return role === 'centre_admin';
}

import type { Role } from '../../lib/roles';

/**
 * Who sees the survey screens — the role-level view of src/modules/surveys/policy.ts, which decides every
 * request: the centre builds and sends surveys, auditors read them, every other role has no survey screen.
 */
export function readsSurveys(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff' || role === 'auditor';
}

/** Who builds, publishes and sends surveys: the centre. */
export function managesSurveys(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff';
}

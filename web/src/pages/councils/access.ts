import type { Role } from '../../lib/roles';

/**
 * Who sees the councils screens — the role-level view of src/modules/councils/policy.ts, which decides every
 * request (404 outside the caller's area): the centre, branches and coordinators, municipal staff (their region's
 * bodies and those they are members of), auditors read.
 */
export function readsCouncils(role: Role): boolean {
  return (
    role === 'centre_admin' ||
    role === 'centre_staff' ||
    role === 'regional_coordinator' ||
    role === 'municipal_staff' ||
    role === 'auditor'
  );
}

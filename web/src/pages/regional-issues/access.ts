import type { Role } from '../../lib/roles';

/**
 * Who sees the regional issues and development projects screens — the role-level view of
 * src/modules/regional-issues/policy.ts, which decides every request (404 outside the caller's area): the centre,
 * branches and coordinators, municipal staff for their municipality, auditors read.
 */
export function readsIssues(role: Role): boolean {
  return (
    role === 'centre_admin' ||
    role === 'centre_staff' ||
    role === 'regional_coordinator' ||
    role === 'municipal_staff' ||
    role === 'auditor'
  );
}

/** Roles that raise issues (municipal staff for their own municipality). */
export function raisesIssues(role: Role): boolean {
  return readsIssues(role) && role !== 'auditor';
}

/** Roles that keep development projects. */
export function keepsProjects(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff' || role === 'regional_coordinator';
}

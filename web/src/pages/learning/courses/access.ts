import type { Role } from '../../../lib/roles';

/**
 * Who sees the courses and sessions screens — the role-level view of the learning policy
 * (src/modules/learning/policy.ts, decision 0020), which still decides every request: centre administrators and
 * staff, regional coordinators and auditors read the prefecture's training year; each manages only the courses
 * and sessions it owns (the server says so per record, `canManage`, and in the options). Municipal and provider
 * staff, learners and system administrators: none (they have the public catalogue).
 */
export function readsTrainings(role: Role): boolean {
  return (
    role === 'centre_admin' ||
    role === 'centre_staff' ||
    role === 'regional_coordinator' ||
    role === 'auditor'
  );
}

/** Roles that may create courses and sessions at all (within their branch or region; auditors only read). */
export function writesTrainings(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff' || role === 'regional_coordinator';
}

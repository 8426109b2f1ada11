import type { Role } from '../../../lib/roles';

/**
 * Who sees the e-learning staff screens — the role-level view of the learning policy
 * (src/modules/learning/policy.ts), which still decides every request: centre administrators and staff,
 * regional coordinators and auditors read the prefecture's courses; each manages only its own (the screens ask
 * the server, `canManage`). Municipal and provider staff, learners and system administrators: none.
 */
export function readsElearning(role: Role): boolean {
  return (
    role === 'centre_admin' ||
    role === 'centre_staff' ||
    role === 'regional_coordinator' ||
    role === 'auditor'
  );
}

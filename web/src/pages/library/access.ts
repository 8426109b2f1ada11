import type { Role } from '../../lib/roles';

/** Who sees the library screens — the role-level view of src/modules/library/policy.ts, which decides every request. */
export function readsLibrary(role: Role): boolean {
  return role !== 'system_admin' && role !== 'learner';
}

/** Who publishes and keeps items: the centre. */
export function keepsLibrary(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff';
}

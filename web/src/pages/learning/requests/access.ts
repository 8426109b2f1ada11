import type { Role } from '../../../lib/roles';
import { readsTrainings } from '../courses/access';

/**
 * Who sees the training requests screens (docs/learning.md §6) — the role-level view of
 * src/modules/learning/requests-access.ts, which still decides every request: the centre's staff and
 * coordinators handle the requests of their area, auditors read them; municipal and provider staff file and
 * follow their own.
 */
export function handlesRequests(role: Role): boolean {
  return readsTrainings(role);
}

/** Municipal and provider staff: they file requests for their own municipality or organisation. */
export function filesRequests(role: Role): boolean {
  return role === 'municipal_staff' || role === 'provider_staff';
}

export function readsRequests(role: Role): boolean {
  return handlesRequests(role) || filesRequests(role);
}

/** Roles that take the centre's steps (auditors only read). */
export function writesRequests(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff' || role === 'regional_coordinator';
}

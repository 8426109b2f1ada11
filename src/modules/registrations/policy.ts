import type { Role } from '../access/roles';

/**
 * Who reviews registrations: the centre and the regional coordinators, who create and merge child records.
 * Municipal and provider staff receive the accepted records through the registry; auditors read the audit log.
 * Pure data, shared with the web menu.
 */
export const REVIEWS_REGISTRATIONS = {
  system_admin: false,
  centre_admin: true,
  centre_staff: true,
  regional_coordinator: true,
  municipal_staff: false,
  provider_staff: false,
  auditor: false,
  learner: false,
} as const satisfies Record<Role, boolean>;

/** True when the role works the registration review queue. */
export function reviewsRegistrations(role: Role): boolean {
  return REVIEWS_REGISTRATIONS[role];
}

import type { Role } from './roles';

/**
 * The API areas open to a learner (role `learner`): their own sign-in and account, the Learning module (whose
 * routes decide again what a learner may do there), the public pages, their own inbox and saved settings, and
 * the API description. Every other area is staff work over children, consultations, the network, the
 * directory or the census: a learner may do nothing there at all, so it answers 403 before any record is read
 * — the same answer for every id, real or unknown (no existence oracle), as for the other roles refused a
 * whole kind of record.
 *
 * An allow-list, not a deny-list: a staff module added later is closed to learners without anyone remembering
 * to close it. Pure, shared with the web menu (web/src/lib/roles.ts `isLearner`).
 */
export const LEARNER_API_AREAS = [
  '/api/auth',
  '/api/learning',
  '/api/public',
  '/api/notifications',
  '/api/saved-filters',
  '/api/openapi.json',
] as const;

/** Roles confined to LEARNER_API_AREAS. */
export const FENCED_ROLES: readonly Role[] = ['learner'];

/** Whether a signed-in user of this role may call this path at all (the fence's rule). */
export function mayCallArea(role: Role, path: string): boolean {
  if (!FENCED_ROLES.includes(role)) return true;
  return LEARNER_API_AREAS.some((area) => path === area || path.startsWith(`${area}/`));
}

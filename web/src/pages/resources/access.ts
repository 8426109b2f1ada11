import type { ScopeKind } from '../../lib/queries/auth';
import type { Role } from '../../lib/roles';

/**
 * Who sees which resources screen — the role-level view of the server's policy
 * (src/modules/resources/policy.ts), which still decides every request (area, own organisation):
 * - the directory: every role of a prefecture (provider staff see and correct their own listings);
 * - creating listings: centre admin and staff, regional coordinators (in their area);
 * - prefecture-wide work (import, re-confirmation rounds, export): centre admin and staff whose scope is the
 *   whole prefecture (not a branch's regions);
 * - gaps: everyone of the prefecture but providers;
 * - learners: none of it (the public search is theirs).
 */
export function readsResources(role: Role): boolean {
  return role !== 'system_admin' && role !== 'learner';
}

export function writesResources(role: Role): boolean {
  return role === 'centre_admin' || role === 'centre_staff' || role === 'regional_coordinator';
}

/** The server's `prefectureWide` (resources/policy.ts): centre roles with a whole-prefecture scope. */
export function runsResourceRounds(role: Role, scopeKind: ScopeKind): boolean {
  return (role === 'centre_admin' || role === 'centre_staff') && scopeKind === 'prefecture';
}

export function readsResourceGaps(role: Role): boolean {
  return role !== 'system_admin' && role !== 'provider_staff' && role !== 'learner';
}

/** Who may add qualitative bottlenecks (server: centre staff and coordinators, within their area). */
export function writesBottlenecks(role: Role): boolean {
  return writesResources(role);
}

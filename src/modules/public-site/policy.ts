import type { Actor, ScopeKind } from '../access/actor';
import type { Role } from '../access/roles';

/**
 * Who keeps the centre's public site (pure): the centre's HQ — its administrators, and centre staff whose scope
 * is the whole prefecture. Everyone else (branch staff, coordinators, municipal and provider staff, auditors,
 * learners, system administrators) is refused by role before any page is read (403): the site speaks for the
 * whole centre, and the first-window list names every municipality's contact. The web menu asks the same rule
 * with the session's role and scope kind.
 */
export function keepsPublicSiteAs(role: Role, scopeKind: ScopeKind): boolean {
  return role === 'centre_admin' || (role === 'centre_staff' && scopeKind === 'prefecture');
}

export function keepsPublicSite(actor: Actor): boolean {
  return !!actor.prefectureCode && keepsPublicSiteAs(actor.role, actor.scope.kind);
}

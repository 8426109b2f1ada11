import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';
import type { ChildAccess } from './scope';

/**
 * Who may change child records. Pure rules, no I/O: *which* children an actor reaches is decided by the
 * scope (scope.ts) before these rules are asked; these say what the role may do with a child it reaches.
 */

type PolicyActor = Pick<Actor, 'role' | 'prefectureCode' | 'scope'>;

/** Roles that keep the registry: each within its own area. Providers, auditors and system admins do not. */
const EDITS_CHILDREN = {
  system_admin: false,
  centre_admin: true,
  centre_staff: true,
  regional_coordinator: true,
  municipal_staff: true,
  provider_staff: false,
  auditor: false,
  learner: false,
} as const satisfies Record<Role, boolean>;

function hasArea(actor: PolicyActor): boolean {
  return actor.prefectureCode !== null && actor.scope.kind !== 'none';
}

/** May create child records (in a municipality of its own area; the route checks the area). */
export function canCreateChild(actor: PolicyActor): boolean {
  return EDITS_CHILDREN[actor.role] && hasArea(actor);
}

/** May change a child record it reaches with full access: identity, care items, sub-collections. */
export function canEditChild(actor: PolicyActor, access: ChildAccess = 'full'): boolean {
  return access === 'full' && EDITS_CHILDREN[actor.role] && hasArea(actor);
}

/** May record the guardian's consent decisions and their withdrawal. */
export function canManageConsents(actor: PolicyActor, access: ChildAccess = 'full'): boolean {
  return canEditChild(actor, access);
}

/** May record a change of residence (which hands the record over to the new municipality). */
export function canMoveChild(actor: PolicyActor, access: ChildAccess = 'full'): boolean {
  return canEditChild(actor, access);
}

/** What the actor may do with a child it has opened: returned with the record so the UI shows the buttons. */
export function allowedChildActions(actor: PolicyActor, access: ChildAccess) {
  return {
    edit: canEditChild(actor, access),
    manageConsents: canManageConsents(actor, access),
    move: canMoveChild(actor, access),
  };
}

export type ChildAction = keyof ReturnType<typeof allowedChildActions>;

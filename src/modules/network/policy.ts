import type { Actor } from '../access/actor';
import { ROLE_INFO } from '../access/roles';

/**
 * Who may read and change the network configuration of a prefecture (tenant). Pure rules, no I/O:
 * the routes resolve the tenant with `networkTenant` and then ask `canReadNetwork` / `canAdminister`.
 */

type PolicyActor = Pick<Actor, 'role' | 'prefectureCode'>;

/** The deployment-wide administrator: no prefecture of its own, names one per request. */
export function isSystemAdmin(actor: PolicyActor): boolean {
  return actor.role === 'system_admin' && actor.prefectureCode === null;
}

export type TenantDecision =
  | { ok: true; prefectureCode: string }
  | { ok: false; error: 'prefecture_required' | 'not_found' | 'forbidden' };

/**
 * The prefecture a network request is about. A system administrator must name it (`?prefecture=`);
 * everybody else works in their own prefecture, and naming another one is answered as not found so
 * that the existence of other tenants is never revealed.
 */
export function networkTenant(actor: PolicyActor, requested: string | undefined): TenantDecision {
  if (isSystemAdmin(actor)) {
    return requested ? { ok: true, prefectureCode: requested } : { ok: false, error: 'prefecture_required' };
  }
  if (!actor.prefectureCode) return { ok: false, error: 'forbidden' };
  if (requested !== undefined && requested !== actor.prefectureCode) return { ok: false, error: 'not_found' };
  return { ok: true, prefectureCode: actor.prefectureCode };
}

/** Every signed-in role may read its own prefecture's network; the system administrator reads any tenant. */
export function canReadNetwork(actor: PolicyActor, prefectureCode: string): boolean {
  return isSystemAdmin(actor) || actor.prefectureCode === prefectureCode;
}

/** Changing the network (regions, centres, organisations, people) of a prefecture. */
export function canAdminister(actor: PolicyActor, prefectureCode: string): boolean {
  const info = ROLE_INFO[actor.role];
  if (!info.administers || info.readOnly) return false;
  return isSystemAdmin(actor) || actor.prefectureCode === prefectureCode;
}

/** Enabling a prefecture as a tenant is a deployment decision. */
export function canManagePrefectures(actor: PolicyActor): boolean {
  return isSystemAdmin(actor);
}

/** The prefectures an actor may list: all tenants for the system administrator, else its own. */
export function listablePrefectures(actor: PolicyActor): 'all' | string[] {
  if (isSystemAdmin(actor)) return 'all';
  return actor.prefectureCode ? [actor.prefectureCode] : [];
}

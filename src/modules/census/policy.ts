import { AppError } from '../../server/errors';
import type { Actor, ScopeKind } from '../access/actor';
import type { Role } from '../access/roles';

/**
 * Who works the census (実態把握): the prefecture's centre, across the whole prefecture — the lists come from
 * every municipality and one child may appear in several of them, so linkage cannot be split by area. Staff
 * limited to a branch's regions, regional coordinators, municipal and provider staff do not see other areas'
 * lists; auditors read everything and change nothing. Pure data, shared with the web menu.
 */
export const CENSUS_ACCESS = {
  system_admin: 'none',
  centre_admin: 'write',
  centre_staff: 'write',
  regional_coordinator: 'none',
  municipal_staff: 'none',
  provider_staff: 'none',
  auditor: 'read',
  learner: 'none',
} as const satisfies Record<Role, 'none' | 'read' | 'write'>;

/**
 * Census access of a role with a scope of this kind: only a whole-prefecture scope (centre staff of a branch
 * have 'regions'). Pure, shared with the web menu, which knows the session's scope kind.
 */
export function censusAccessFor(role: Role, scopeKind: ScopeKind): 'none' | 'read' | 'write' {
  return scopeKind === 'prefecture' ? CENSUS_ACCESS[role] : 'none';
}

/** The actor's census access: centre staff need a whole-prefecture scope. */
export function censusAccess(
  actor: Pick<Actor, 'role' | 'scope' | 'prefectureCode'>,
): 'none' | 'read' | 'write' {
  if (!actor.prefectureCode) return 'none';
  return censusAccessFor(actor.role, actor.scope.kind);
}

/**
 * The prefecture whose census the actor may read; throws not_found otherwise (census pages do not exist for
 * users without access, as with every other out-of-scope record).
 */
export function censusReader(actor: Actor): string {
  if (censusAccess(actor) === 'none') throw new AppError('not_found');
  return actor.prefectureCode!;
}

/** As {@link censusReader}, and the actor may change census data (auditors get forbidden). */
export function censusWriter(actor: Actor): string {
  const prefectureCode = censusReader(actor);
  if (censusAccess(actor) !== 'write') throw new AppError('forbidden');
  return prefectureCode;
}

/**
 * Municipal staff keep their own municipality's list (ME-3, NA-3): they upload it, follow its import and read
 * their municipality's discrepancies, and see nothing of other municipalities. Pure, shared with the web menu.
 */
export function censusOwnListFor(role: Role, scopeKind: ScopeKind): boolean {
  return role === 'municipal_staff' && scopeKind === 'municipality';
}

/**
 * Whose lists the actor works with: the centre's whole prefecture (`municipalityCodes` null), or a municipality's
 * staff their own municipality only. `write` when the actor may upload. Throws not_found without either.
 */
export type CensusListScope = { prefectureCode: string; municipalityCodes: string[] | null; write: boolean };

export function censusListScope(actor: Actor): CensusListScope {
  const access = censusAccess(actor);
  if (access !== 'none')
    return { prefectureCode: actor.prefectureCode!, municipalityCodes: null, write: access === 'write' };
  if (
    actor.prefectureCode &&
    actor.scope.kind === 'municipality' &&
    censusOwnListFor(actor.role, 'municipality')
  ) {
    return {
      prefectureCode: actor.prefectureCode,
      municipalityCodes: [actor.scope.municipalityCode],
      write: true,
    };
  }
  throw new AppError('not_found');
}

/** As {@link censusListScope}, for a change (auditors get forbidden). */
export function censusListWriter(actor: Actor): CensusListScope {
  const scope = censusListScope(actor);
  if (!scope.write) throw new AppError('forbidden');
  return scope;
}

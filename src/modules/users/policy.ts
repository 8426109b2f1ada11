import type { Division } from '../../db/schema/network';
import type { ErrorIssue } from '../../server/errors';
import type { Actor } from '../access/actor';
import { ROLE_INFO, type Role, type ScopeKind } from '../access/roles';

/**
 * User administration rules, pure (no I/O). A centre administrator manages the users of its own
 * prefecture and never a system administrator; the system administrator manages everybody.
 */

type PolicyActor = Pick<Actor, 'userId' | 'role' | 'prefectureCode'>;
type Target = { id: string; role: Role; prefectureCode: string | null };

/** The columns that limit what a user sees, as the API names them. */
export type UserScope = {
  centreId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  division: Division | null;
  organisationId: string | null;
};
export type ScopeField = keyof UserScope;

export const EMPTY_SCOPE: UserScope = {
  centreId: null,
  regionId: null,
  municipalityCode: null,
  division: null,
  organisationId: null,
};

/** Which scope fields each scope kind needs and allows; typed data so a new kind must be handled. */
export const SCOPE_FIELDS = {
  none: { required: [], optional: [] },
  prefecture: { required: [], optional: [] },
  branch_or_prefecture: { required: [], optional: ['centreId'] },
  region: { required: ['regionId'], optional: [] },
  municipality: { required: ['municipalityCode'], optional: ['division'] },
  organisation: { required: ['organisationId'], optional: [] },
} as const satisfies Record<ScopeKind, { required: readonly ScopeField[]; optional: readonly ScopeField[] }>;

function isSystemAdmin(actor: Pick<Actor, 'role' | 'prefectureCode'>): boolean {
  return actor.role === 'system_admin' && actor.prefectureCode === null;
}

/** May open the user administration at all (centre and system administrators). */
export function canAdministerUsers(actor: PolicyActor): boolean {
  const info = ROLE_INFO[actor.role];
  if (!info.administers || info.readOnly) return false;
  return isSystemAdmin(actor) || actor.prefectureCode !== null;
}

/** May change this user: the system administrator anyone, a centre administrator its prefecture's non-system users. */
export function canManageUser(actor: PolicyActor, target: Target): boolean {
  if (!canAdministerUsers(actor)) return false;
  if (isSystemAdmin(actor)) return true;
  return target.role !== 'system_admin' && target.prefectureCode === actor.prefectureCode;
}

/** May give this role: only the system administrator creates or promotes system administrators. */
export function canAssignRole(actor: PolicyActor, role: Role): boolean {
  if (!canAdministerUsers(actor)) return false;
  return isSystemAdmin(actor) || role !== 'system_admin';
}

/** Disabling oneself or changing one's own role would lock the administrator out. */
export function isSelfLockout(actor: PolicyActor, target: Pick<Target, 'id'>): boolean {
  return actor.userId === target.id;
}

export type PrefectureDecision =
  | { ok: true; prefectureCode: string | null }
  | { ok: false; error: 'forbidden' }
  | { ok: false; error: 'validation_failed'; issue: ErrorIssue };

/**
 * The prefecture a new user belongs to. A system administrator has none; every other role has one:
 * the centre administrator's own (naming another is forbidden), or the one the system administrator names.
 */
export function newUserPrefecture(
  actor: PolicyActor,
  role: Role,
  requested: string | null | undefined,
): PrefectureDecision {
  if (!canAssignRole(actor, role)) return { ok: false, error: 'forbidden' };
  if (role === 'system_admin') {
    return requested
      ? {
          ok: false,
          error: 'validation_failed',
          issue: {
            path: 'prefectureCode',
            message: 'A system administrator has no prefecture / システム管理者は都道府県を持ちません',
          },
        }
      : { ok: true, prefectureCode: null };
  }
  if (isSystemAdmin(actor)) {
    return requested
      ? { ok: true, prefectureCode: requested }
      : {
          ok: false,
          error: 'validation_failed',
          issue: {
            path: 'prefectureCode',
            message: 'Required for this role / この役割では都道府県が必要です',
          },
        };
  }
  if (requested && requested !== actor.prefectureCode) return { ok: false, error: 'forbidden' };
  return { ok: true, prefectureCode: actor.prefectureCode };
}

/** Keeps only the scope fields the role uses (for a role change that does not name a new scope). */
export function fitScopeToRole(role: Role, scope: UserScope): UserScope {
  const rule = SCOPE_FIELDS[ROLE_INFO[role].scope];
  const allowed = new Set<ScopeField>([...rule.required, ...rule.optional]);
  const out = { ...EMPTY_SCOPE };
  for (const f of allowed) (out as Record<ScopeField, unknown>)[f] = scope[f];
  return out;
}

/** Shape check of a scope for a role: required fields present, no field the role does not use. */
export function scopeIssues(role: Role, scope: UserScope): ErrorIssue[] {
  const rule = SCOPE_FIELDS[ROLE_INFO[role].scope];
  const allowed = new Set<ScopeField>([...rule.required, ...rule.optional]);
  const issues: ErrorIssue[] = [];
  for (const f of rule.required) {
    if (!scope[f])
      issues.push({ path: `scope.${f}`, message: `Required for ${role} / この役割では必須です` });
  }
  for (const f of Object.keys(EMPTY_SCOPE) as ScopeField[]) {
    if (scope[f] && !allowed.has(f)) {
      issues.push({ path: `scope.${f}`, message: `Not used by ${role} / この役割では指定できません` });
    }
  }
  return issues;
}

import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { deleteUserSessions } from '../accounts/sessions';
import { issueToken } from '../accounts/tokens';
import { recordAudit } from '../audit/record';
import { canAssignRole, fitScopeToRole, isSelfLockout, newUserPrefecture, type UserScope } from './policy';
import { findManagedUser, toUserView, type UserRow, type UserView } from './queries';
import type { CreateUserInput, UpdateUserInput } from './schemas';
import { assertScopeFits, assertTenant, scopeFromRequest } from './scope-check';

/** Who acts, from where, when: the second argument of recordAudit, with a non-null actor. */
export type AdminWho = { actor: Actor; meta: Parameters<typeof recordAudit>[1]['meta']; at: Date };

/** The link an invited user opens; the token travels in the fragment so it never reaches server logs. */
export const invitationUrl = (token: string) => `/invite#token=${token}`;
export const resetUrl = (token: string) => `/reset-password#token=${token}`;

function scopeColumns(scope: UserScope) {
  return {
    scopeCentreId: scope.centreId,
    scopeRegionId: scope.regionId,
    scopeMunicipalityCode: scope.municipalityCode,
    scopeDivision: scope.division,
    scopeOrganisationId: scope.organisationId,
  };
}

/** The scope a stored user has, in API form. */
export function scopeOf(row: UserRow): UserScope {
  return {
    centreId: row.scopeCentreId,
    regionId: row.scopeRegionId,
    municipalityCode: row.scopeMunicipalityCode,
    division: row.scopeDivision,
    organisationId: row.scopeOrganisationId,
  };
}

/**
 * Creates a user without a password and issues an invitation link (there is no mail server in closed
 * government networks: the administrator hands the link over). Audited.
 */
export async function createUser(
  tx: DbOrTx,
  who: AdminWho,
  input: CreateUserInput,
): Promise<{ user: UserView; invitationUrl: string }> {
  const decision = newUserPrefecture(who.actor, input.role, input.prefectureCode);
  if (!decision.ok) {
    throw decision.error === 'forbidden'
      ? new AppError('forbidden')
      : new AppError('validation_failed', { issues: [decision.issue] });
  }
  const prefectureCode = decision.prefectureCode;
  await assertTenant(tx, prefectureCode);
  const scope = scopeFromRequest(input.scope);
  await assertScopeFits(tx, input.role, prefectureCode, scope);
  const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (clash) throw new AppError('duplicate', { issues: [{ path: 'email', message: input.email }] });
  const [row] = await tx
    .insert(users)
    .values({
      prefectureCode,
      email: input.email,
      displayName: input.displayName,
      passwordHash: null,
      role: input.role,
      ...scopeColumns(scope),
    })
    .returning({ id: users.id });
  const token = await issueToken(tx, row!.id, 'invitation', { createdBy: who.actor.userId, now: who.at });
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'user',
    entityIds: [row!.id],
    detail: { event: 'user_invited', role: input.role, scope },
    prefectureCode,
  });
  const created = await findManagedUser(tx, who.actor, row!.id);
  return { user: toUserView(created!, who.at), invitationUrl: invitationUrl(token) };
}

/**
 * Changes a user's name, role or scope (optimistic lock). A role change without a new scope keeps the
 * scope fields the new role uses. Moving between system and prefectural accounts is refused: the
 * prefecture would have to change too, so such a person gets a new account.
 *
 * A learner given a staff role keeps the account (and with it the learning record) but not its password: the
 * learner chose it when signing up, under an address nobody at the centre checked, so the staff access must
 * rest on an invitation link the administrator hands over, as for every staff account. The password is
 * cleared, sessions end and the answer carries the new invitation link (docs/learning.md, learner accounts).
 */
export async function updateUser(
  tx: DbOrTx,
  who: AdminWho,
  unverifiedId: string,
  input: UpdateUserInput,
): Promise<UserView & { invitationUrl?: string }> {
  const target = await findManagedUser(tx, who.actor, unverifiedId);
  if (!target) throw new AppError('not_found');
  const roleChanges = input.role !== undefined && input.role !== target.role;
  if (roleChanges && input.role) {
    if (isSelfLockout(who.actor, target)) throw new AppError('cannot_change_self');
    if (!canAssignRole(who.actor, input.role)) throw new AppError('forbidden');
    if ((input.role === 'system_admin') !== (target.role === 'system_admin')) {
      throw new AppError('validation_failed', {
        issues: [
          { path: 'role', message: 'Create a new account to move between system and prefecture roles' },
        ],
      });
    }
  }
  const role = input.role ?? target.role;
  const leavesLearner = roleChanges && target.role === 'learner';
  const scope =
    input.scope !== undefined ? scopeFromRequest(input.scope) : fitScopeToRole(role, scopeOf(target));
  // A name-only change must not fail on an older, incomplete scope: the scope is checked when it changes.
  if (roleChanges || input.scope !== undefined) await assertScopeFits(tx, role, target.prefectureCode, scope);
  const updated = await tx
    .update(users)
    .set({
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      role,
      ...scopeColumns(scope),
      ...(leavesLearner ? { passwordHash: null } : {}),
      version: sql`${users.version} + 1`,
    })
    .where(and(eq(users.id, target.id), eq(users.version, input.version)))
    .returning({ id: users.id });
  if (updated.length === 0) {
    const current = await findManagedUser(tx, who.actor, target.id);
    throw current
      ? new AppError('conflict', { detail: { current: toUserView(current, who.at) } })
      : new AppError('not_found');
  }
  const changed = [
    ...(input.displayName !== undefined && input.displayName !== target.displayName ? ['displayName'] : []),
    ...(roleChanges ? ['role'] : []),
    ...(JSON.stringify(scope) !== JSON.stringify(scopeOf(target)) ? ['scope'] : []),
  ];
  // The learner's password no longer opens the account: its sessions end and an invitation link replaces it.
  if (leavesLearner) await deleteUserSessions(tx, target.id);
  const token = leavesLearner
    ? await issueToken(tx, target.id, 'invitation', { createdBy: who.actor.userId, now: who.at })
    : null;
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'user',
    entityIds: [target.id],
    detail: {
      event: 'user_updated',
      changed,
      role,
      ...(changed.includes('scope') ? { scope } : {}),
      ...(leavesLearner ? { from: 'learner', passwordCleared: true } : {}),
    },
    prefectureCode: target.prefectureCode,
  });
  const view = toUserView((await findManagedUser(tx, who.actor, target.id))!, who.at);
  return token ? { ...view, invitationUrl: invitationUrl(token) } : view;
}

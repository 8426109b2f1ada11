import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { deleteUserSessions } from '../accounts/sessions';
import { issueToken } from '../accounts/tokens';
import { recordAudit } from '../audit/record';
import { type AdminWho, invitationUrl, resetUrl } from './manage-user';
import { isSelfLockout } from './policy';
import { findManagedUser, toUserView, type UserRow, type UserView } from './queries';

/** The account actions that change the user row and answer with the user. */
export type UserAction = 'disable' | 'enable' | 'reset_totp' | 'unlock';

type ActionSpec = {
  event: string;
  /** Columns to set, given the user as loaded. */
  set: (target: UserRow, now: Date) => Partial<typeof users.$inferInsert>;
  /** Ends every session of the user (their access changed underneath them). */
  endSessions: boolean;
  refuseSelf: boolean;
};

const ACTIONS = {
  disable: {
    event: 'user_disabled',
    set: (target, now) => ({ disabledAt: target.disabledAt ?? now }),
    endSessions: true,
    refuseSelf: true,
  },
  enable: { event: 'user_enabled', set: () => ({ disabledAt: null }), endSessions: false, refuseSelf: false },
  reset_totp: {
    event: 'totp_reset',
    set: () => ({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }),
    endSessions: true,
    refuseSelf: false,
  },
  unlock: {
    event: 'user_unlocked',
    set: () => ({ lockedUntil: null, failedSignIns: 0 }),
    endSessions: false,
    refuseSelf: false,
  },
} as const satisfies Record<UserAction, ActionSpec>;

async function loadTarget(tx: DbOrTx, who: AdminWho, unverifiedId: string): Promise<UserRow> {
  const target = await findManagedUser(tx, who.actor, unverifiedId);
  if (!target) throw new AppError('not_found');
  return target;
}

/** Disables, enables, resets TOTP of, or unlocks a user the administrator manages; audited. */
export async function applyUserAction(
  tx: DbOrTx,
  who: AdminWho,
  unverifiedId: string,
  action: UserAction,
): Promise<UserView> {
  const spec: ActionSpec = ACTIONS[action];
  const target = await loadTarget(tx, who, unverifiedId);
  if (spec.refuseSelf && isSelfLockout(who.actor, target)) throw new AppError('cannot_change_self');
  await tx
    .update(users)
    .set({ ...spec.set(target, who.at), version: sql`${users.version} + 1` })
    .where(eq(users.id, target.id));
  if (spec.endSessions) await deleteUserSessions(tx, target.id);
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'user',
    entityIds: [target.id],
    detail: { event: spec.event, sessionsEnded: spec.endSessions },
    prefectureCode: target.prefectureCode,
  });
  return toUserView((await findManagedUser(tx, who.actor, target.id))!, who.at);
}

/** Issues a password-reset link for the user (earlier unused links die); audited. */
export async function issuePasswordReset(tx: DbOrTx, who: AdminWho, unverifiedId: string): Promise<string> {
  const target = await loadTarget(tx, who, unverifiedId);
  const token = await issueToken(tx, target.id, 'password_reset', {
    createdBy: who.actor.userId,
    now: who.at,
  });
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'user',
    entityIds: [target.id],
    detail: { event: 'password_reset_issued' },
    prefectureCode: target.prefectureCode,
  });
  return resetUrl(token);
}

/** Issues a new invitation link to a user who has not accepted one yet (links expire); audited. */
export async function reissueInvitation(tx: DbOrTx, who: AdminWho, unverifiedId: string): Promise<string> {
  const target = await loadTarget(tx, who, unverifiedId);
  if (target.hasPassword) throw new AppError('invitation_accepted');
  const token = await issueToken(tx, target.id, 'invitation', { createdBy: who.actor.userId, now: who.at });
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'user',
    entityIds: [target.id],
    detail: { event: 'invitation_reissued' },
    prefectureCode: target.prefectureCode,
  });
  return invitationUrl(token);
}

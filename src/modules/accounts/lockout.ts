import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { sessions, users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { ROLE_INFO } from '../access/roles';

type UserRow = typeof users.$inferSelect;

/** Whether the user's account is locked for new sign-ins at this moment. */
export function isLocked(user: Pick<UserRow, 'lockedUntil'>, now: Date): boolean {
  return Boolean(user.lockedUntil && user.lockedUntil > now);
}

/**
 * Whether a session of this user still owes its second factor: enrolment (a role that requires TOTP and has
 * none) or the code (an enrolled user). The same rule the session loader applies.
 */
export function secondFactorPending(
  user: Pick<UserRow, 'role' | 'totpEnabledAt'>,
  session: { secondFactorDone: boolean },
): boolean {
  if (session.secondFactorDone) return false;
  return Boolean(user.totpEnabledAt) || ROLE_INFO[user.role].requiresTotp;
}

/**
 * Ends the user's half-signed sessions (password given, second factor still owed). Complete sessions stay:
 * someone guessing an account's password must not sign its owner out.
 */
export async function endHalfSignedSessions(
  db: DbOrTx,
  user: Pick<UserRow, 'id' | 'role' | 'totpEnabledAt'>,
): Promise<void> {
  if (!secondFactorPending(user, { secondFactorDone: false })) return;
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), eq(sessions.secondFactorDone, false)));
}

/**
 * Counts one failed attempt (wrong password or wrong TOTP code) against the account, atomically so that
 * concurrent attempts all count. At the configured number of consecutive failures the account locks and its
 * half-signed sessions end. Run it inside the transaction that audits the failure.
 */
export async function recordFailedAttempt(
  deps: Pick<Deps, 'config'>,
  tx: DbOrTx,
  user: Pick<UserRow, 'id' | 'role' | 'totpEnabledAt'>,
  now: Date,
): Promise<{ locked: boolean }> {
  const max = deps.config.signInMaxFailures;
  const until = new Date(now.getTime() + deps.config.signInLockMs).toISOString();
  const reached = sql`${users.failedSignIns} + 1 >= ${max}`;
  const [row] = await tx
    .update(users)
    .set({
      failedSignIns: sql`case when ${reached} then 0 else ${users.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${until}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, user.id))
    .returning({ failedSignIns: users.failedSignIns });
  // The counter only returns to 0 when this attempt locked the account (it is at least 1 otherwise).
  const locked = row?.failedSignIns === 0;
  if (locked) await endHalfSignedSessions(tx, user);
  return { locked };
}

import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps, SessionState } from '../../server/context';
import { AppError } from '../../server/errors';
import type { RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { openSecret } from './crypto';
import { endHalfSignedSessions, isLocked, recordFailedAttempt, secondFactorPending } from './lockout';
import { hitRateLimit } from './throttle';
import { verifyTotp } from './totp';

/** Codes tried per half-signed session in 15 minutes (the account lock usually ends the session sooner). */
export const TOTP_SESSION_LIMIT = 10;
/** Codes tried per client address in 15 minutes, whichever accounts they are for (as for passwords). */
export const TOTP_IP_LIMIT = 30;
const TOTP_WINDOW_MS = 15 * 60_000;

/**
 * Checks a TOTP code for the session's user: at sign-in (`enrolling` false) or to confirm enrolment.
 *
 * Throttled per session and per client address. A wrong code counts towards the account lock-out like a
 * wrong password; the attempt that locks ends every half-signed session of the account. While the account is
 * locked, a session still owing its second factor is ended and refused without the code being looked at, so
 * the answer says nothing about the code. The user row is locked for the check, so concurrent guesses all
 * count and a code is used once.
 */
export async function checkSecondFactor(
  deps: Deps,
  input: { session: SessionState; code: string; meta: RequestMeta; enrolling?: boolean },
): Promise<void> {
  const db = deps.db.systemDb;
  const now = deps.now();
  const window = { windowMs: TOTP_WINDOW_MS, now };
  await hitRateLimit(db, `totp:session:${input.session.id}`, { limit: TOTP_SESSION_LIMIT, ...window });
  await hitRateLimit(db, `totp:ip:${input.meta.ip ?? 'unknown'}`, { limit: TOTP_IP_LIMIT, ...window });
  const enrolling = Boolean(input.enrolling);
  // Errors are thrown after the transaction so that what it records (failure count, lock, audit) commits.
  const outcome = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.session.userId)).for('update');
    if (!user?.totpSecret || (!enrolling && !user.totpEnabledAt)) return 'unauthenticated' as const;
    if (isLocked(user, now) && secondFactorPending(user, input.session)) {
      await endHalfSignedSessions(tx, user);
      return 'account_locked' as const;
    }
    const secret = openSecret(user.totpSecret, deps.config.secret);
    const step = verifyTotp(secret, input.code, now, user.totpLastStep);
    if (step !== null) {
      // A complete sign-in ends the run of failures (the password step leaves the count while a code is owed).
      await tx.update(users).set({ totpLastStep: step, failedSignIns: 0 }).where(eq(users.id, user.id));
      return 'ok' as const;
    }
    const { locked } = await recordFailedAttempt(deps, tx, user, now);
    await recordAudit(
      tx,
      { actor: null, meta: input.meta, at: now },
      {
        action: 'sign_in_failed',
        entityType: 'user',
        entityIds: [user.id],
        detail: { reason: enrolling ? 'wrong_totp_enrolment' : 'wrong_totp', locked },
        prefectureCode: user.prefectureCode,
      },
    );
    return locked ? ('account_locked' as const) : ('invalid_totp' as const);
  });
  if (outcome !== 'ok') throw new AppError(outcome);
}

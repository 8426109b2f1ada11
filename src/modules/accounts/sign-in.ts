import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import type { RequestMeta } from '../access/actor';
import { ROLE_INFO } from '../access/roles';
import { recordAudit } from '../audit/record';
import { isLocked, recordFailedAttempt } from './lockout';
import { dummyPasswordHash, verifyPassword } from './password';
import { sessionUserOf } from './session-user';
import { createSession } from './sessions';
import { hitRateLimit } from './throttle';

/** Sign-in attempts allowed per client address in 15 minutes, whichever accounts they target. */
const IP_LIMIT = 30;
const IP_WINDOW_MS = 15 * 60_000;

/**
 * Password step of sign-in. Throttled per address; an account locks after N consecutive failures (wrong
 * passwords and wrong TOTP codes together). Unknown e-mail, wrong password, disabled and locked account all
 * answer the same way, at the same cost (no enumeration).
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; meta: RequestMeta; previousToken: string | undefined },
) {
  const db = deps.db.systemDb;
  const now = deps.now();
  await hitRateLimit(db, `sign-in:ip:${input.meta.ip ?? 'unknown'}`, {
    limit: IP_LIMIT,
    windowMs: IP_WINDOW_MS,
    now,
  });
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  const active = user?.passwordHash && !user.disabledAt ? { ...user, passwordHash: user.passwordHash } : null;
  if (!active || isLocked(active, now)) {
    // Unknown e-mail, disabled account and locked account answer alike, and each spends one password hash
    // (the account's own when it has one, so timing says no more than the answer): nothing tells whether
    // the address has an account or whether the password was right.
    await verifyPassword(active?.passwordHash ?? (await dummyPasswordHash()), input.password);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, meta: input.meta, at: now },
        {
          action: 'sign_in_failed',
          entityType: 'user',
          entityIds: user ? [user.id] : [],
          detail: { reason: active ? 'locked' : user ? 'not_active' : 'unknown_email' },
          prefectureCode: user?.prefectureCode ?? null,
        },
      ),
    );
    throw new AppError('invalid_credentials');
  }
  const ok = await verifyPassword(active.passwordHash, input.password);
  if (!ok) {
    await db.transaction(async (tx) => {
      const { locked } = await recordFailedAttempt(deps, tx, active, now);
      await recordAudit(
        tx,
        { actor: null, meta: input.meta, at: now },
        {
          action: 'sign_in_failed',
          entityType: 'user',
          entityIds: [active.id],
          detail: { reason: 'wrong_password', locked },
          prefectureCode: active.prefectureCode,
        },
      );
    });
    // The attempt that locks answers like any other failure: the lock must not confirm that the account exists.
    throw new AppError('invalid_credentials');
  }
  const mustEnrolTotp = ROLE_INFO[active.role].requiresTotp && !active.totpEnabledAt;
  const mustVerifyTotp = Boolean(active.totpEnabledAt);
  const session = await db.transaction(async (tx) => {
    // With a code still to come, the failure count stays: wrong codes and wrong passwords add up until a
    // complete sign-in, so signing in again cannot reset the guesses left on the code.
    await tx
      .update(users)
      .set(
        mustVerifyTotp ? { lastSignInAt: now } : { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
      )
      .where(eq(users.id, active.id));
    const s = await createSession(deps, tx, active.id, {
      previousToken: input.previousToken,
      secondFactorDone: false,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent,
    });
    await recordAudit(
      tx,
      { actor: null, meta: input.meta, at: now },
      {
        action: 'sign_in',
        entityType: 'user',
        entityIds: [active.id],
        detail: {
          secondFactor: mustVerifyTotp ? 'pending' : mustEnrolTotp ? 'enrolment_required' : 'not_required',
        },
        prefectureCode: active.prefectureCode,
      },
    );
    return s;
  });
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    mustEnrolTotp,
    mustVerifyTotp,
    totpEnabled: Boolean(active.totpEnabledAt),
    user: await sessionUserOf(db, active),
  };
}

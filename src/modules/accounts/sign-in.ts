import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import type { RequestMeta } from '../access/actor';
import { ROLE_INFO } from '../access/roles';
import { recordAudit } from '../audit/record';
import { dummyPasswordHash, verifyPassword } from './password';
import { sessionUserOf } from './session-user';
import { createSession } from './sessions';
import { hitRateLimit } from './throttle';

/** Sign-in attempts allowed per client address in 15 minutes, whichever accounts they target. */
const IP_LIMIT = 30;
const IP_WINDOW_MS = 15 * 60_000;

/**
 * Password step of sign-in. Throttled per address; an account locks after N consecutive failures.
 * Unknown e-mail, wrong password and disabled account all answer the same way (no enumeration).
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
  if (!user?.passwordHash || user.disabledAt) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, meta: input.meta, at: now },
        {
          action: 'sign_in_failed',
          entityType: 'user',
          entityIds: user ? [user.id] : [],
          detail: { reason: user ? 'not_active' : 'unknown_email' },
          prefectureCode: user?.prefectureCode ?? null,
        },
      ),
    );
    throw new AppError('invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('account_locked');
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedSignIns + 1;
    const lock = failures >= deps.config.signInMaxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedSignIns: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + deps.config.signInLockMs) : null,
        })
        .where(eq(users.id, user.id));
      await recordAudit(
        tx,
        { actor: null, meta: input.meta, at: now },
        {
          action: 'sign_in_failed',
          entityType: 'user',
          entityIds: [user.id],
          detail: { reason: 'wrong_password', locked: lock },
          prefectureCode: user.prefectureCode,
        },
      );
    });
    throw new AppError(lock ? 'account_locked' : 'invalid_credentials');
  }
  const mustEnrolTotp = ROLE_INFO[user.role].requiresTotp && !user.totpEnabledAt;
  const mustVerifyTotp = Boolean(user.totpEnabledAt);
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(users.id, user.id));
    const s = await createSession(deps, tx, user.id, {
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
        entityIds: [user.id],
        detail: {
          secondFactor: mustVerifyTotp ? 'pending' : mustEnrolTotp ? 'enrolment_required' : 'not_required',
        },
        prefectureCode: user.prefectureCode,
      },
    );
    return s;
  });
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    mustEnrolTotp,
    mustVerifyTotp,
    totpEnabled: Boolean(user.totpEnabledAt),
    user: await sessionUserOf(db, user),
  };
}

/**
 * A learner's sign-up confirmed by e-mail (docs/learning.md, confirmation; decision 0032). With mail on, a
 * sign-up gets a link `/learning/sign-up/confirm#token=…`: the token is random, kept only as its SHA-256 hash
 * with an expiry, and works once; opening it and pressing the page's button creates the account exactly as the
 * centre's 承認 does ({@link createLearnerFromSignUp}, `confirmed_by = 'email'`). The centre can still approve a
 * pending sign-up by hand (a mailbox that never receives). With mail off nothing here runs.
 */
import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { learnerSignUps } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import type { RequestMeta } from '../access/actor';
import { randomToken, tokenHash } from '../accounts/crypto';
import { recordAudit } from '../audit/record';
import { queueMail } from '../mail/outbox';
import type { MailSettings } from '../mail/settings';
import { createLearnerFromSignUp } from './learners-sign-up';

/** How long a confirmation link works. */
export const SIGN_UP_LINK_TTL_MS = 48 * 3_600_000;

type SignUpRow = typeof learnerSignUps.$inferSelect;

/**
 * Gives the sign-up a new confirmation link (an earlier one dies) and queues it to the address given, in `tx`.
 * The mail is in the language the form was filled in.
 */
export async function mailSignUpLink(
  tx: DbOrTx,
  settings: MailSettings,
  signUp: Pick<SignUpRow, 'id' | 'email' | 'displayName' | 'prefectureCode'>,
  locale: 'ja' | 'en',
  at: Date,
): Promise<void> {
  const token = randomToken();
  await tx
    .update(learnerSignUps)
    .set({
      confirmTokenHash: tokenHash(token),
      confirmExpiresAt: new Date(at.getTime() + SIGN_UP_LINK_TTL_MS),
    })
    .where(eq(learnerSignUps.id, signUp.id));
  await queueMail(
    tx,
    settings,
    {
      userId: null,
      prefectureCode: signUp.prefectureCode,
      email: signUp.email,
      displayName: signUp.displayName,
      locale,
    },
    {
      kind: 'learner_sign_up_confirm',
      name: signUp.displayName,
      link: `/learning/sign-up/confirm#token=${token}`,
      expiresHours: SIGN_UP_LINK_TTL_MS / 3_600_000,
    },
    { createdBy: null, now: at },
  );
}

/** A pending sign-up of the address whose e-mail link has run out: a new sign-up replaces it. */
export async function expiredEmailSignUp(db: DbOrTx, email: string, now: Date): Promise<SignUpRow | null> {
  const [row] = await db
    .select()
    .from(learnerSignUps)
    .where(
      and(
        eq(learnerSignUps.email, email),
        eq(learnerSignUps.status, 'pending'),
        isNotNull(learnerSignUps.confirmExpiresAt),
      ),
    );
  return row?.confirmExpiresAt && row.confirmExpiresAt <= now ? row : null;
}

/**
 * Confirms the sign-up whose link carries `token`: creates the learner's account and profile (they sign in with
 * the password they chose). An unknown, used or expired token is `token_invalid` (400) and changes nothing; an
 * address that got an account meanwhile is `duplicate` (409). Audited without an actor, naming the sign-up.
 */
export async function confirmSignUpByEmail(deps: Deps, token: string, meta: RequestMeta): Promise<void> {
  const at = deps.now();
  await deps.db.systemDb.transaction(async (tx) => {
    const [signUp] = await tx
      .select()
      .from(learnerSignUps)
      .where(
        and(
          eq(learnerSignUps.confirmTokenHash, tokenHash(token)),
          eq(learnerSignUps.status, 'pending'),
          gt(learnerSignUps.confirmExpiresAt, at),
        ),
      )
      .for('update');
    if (!signUp) throw new AppError('token_invalid');
    const userId = await createLearnerFromSignUp(tx, signUp, { confirmedBy: 'email', userId: null, at });
    await recordAudit(
      tx,
      { actor: null, meta, at },
      {
        action: 'create',
        entityType: 'learner_sign_up',
        entityIds: [signUp.id, userId],
        detail: { event: 'learner_sign_up_confirmed', userId },
        prefectureCode: signUp.prefectureCode,
      },
    );
  });
}

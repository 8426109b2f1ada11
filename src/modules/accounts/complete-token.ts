import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import type { RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { assertStrongPassword, hashPassword } from './password';
import { deleteUserSessions } from './sessions';
import { hitRateLimit } from './throttle';
import { consumeToken, isLiveToken } from './tokens';

/**
 * Attempts per client address in 15 minutes at accepting an invitation or completing a password reset
 * (together). Generous for an office behind one address onboarding its staff; a guesser gains nothing from
 * 256-bit tokens anyway, so the limit is there to cap the work an address can make the server do.
 */
export const LINK_TOKEN_IP_LIMIT = 20;
const LINK_TOKEN_WINDOW_MS = 15 * 60_000;

/**
 * Sets the password of the user named by a one-time link (invitation or password reset) and uses the link.
 * Order matters: throttle, then the cheap checks (password length, the token is live), and only then the
 * costly Argon2 hash, so invalid links cannot be used to make the server hash.
 */
export async function completeWithToken(
  deps: Deps,
  input: { token: string; password: string; purpose: 'invitation' | 'password_reset'; meta: RequestMeta },
): Promise<void> {
  const db = deps.db.systemDb;
  await hitRateLimit(db, `link-token:ip:${input.meta.ip ?? 'unknown'}`, {
    limit: LINK_TOKEN_IP_LIMIT,
    windowMs: LINK_TOKEN_WINDOW_MS,
    now: deps.now(),
  });
  assertStrongPassword(input.password);
  if (!(await isLiveToken(db, input.token, input.purpose, deps.now()))) throw new AppError('token_invalid');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // Used here, atomically: of two concurrent requests with one link only one gets past this line.
    const userId = await consumeToken(tx, input.token, input.purpose, deps.now());
    await tx
      .update(users)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    const [u] = await tx.select().from(users).where(eq(users.id, userId));
    await recordAudit(
      tx,
      { actor: null, meta: input.meta, at: deps.now() },
      {
        action: 'configure',
        entityType: 'user',
        entityIds: [userId],
        detail: { event: input.purpose === 'invitation' ? 'invitation_accepted' : 'password_reset' },
        prefectureCode: u?.prefectureCode ?? null,
      },
    );
  });
}

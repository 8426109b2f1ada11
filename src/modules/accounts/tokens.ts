import { and, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { authTokens } from '../../db/schema';
import { AppError } from '../../server/errors';
import { randomToken, tokenHash } from './crypto';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
export const RESET_TTL_MS = 24 * 3_600_000;

/** Issues a one-time link token (invitation or password reset); earlier unused tokens of the same kind die. */
export async function issueToken(
  db: DbOrTx,
  userId: string,
  purpose: 'invitation' | 'password_reset',
  opts: { createdBy: string | null; now: Date },
): Promise<string> {
  await db
    .update(authTokens)
    .set({ usedAt: opts.now })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
  const token = randomToken();
  await db.insert(authTokens).values({
    id: tokenHash(token),
    userId,
    purpose,
    createdBy: opts.createdBy,
    createdAt: opts.now,
    expiresAt: new Date(opts.now.getTime() + (purpose === 'invitation' ? INVITATION_TTL_MS : RESET_TTL_MS)),
  });
  return token;
}

function liveToken(token: string, purpose: 'invitation' | 'password_reset', now: Date): SQL | undefined {
  return and(
    eq(authTokens.id, tokenHash(token)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, now),
  );
}

/**
 * Whether the token is live (known, unused, unexpired), without using it: checked before any costly work
 * (hashing the new password), so an invalid link costs the server one indexed lookup.
 */
export async function isLiveToken(
  db: DbOrTx,
  token: string,
  purpose: 'invitation' | 'password_reset',
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(liveToken(token, purpose, now));
  return Boolean(row);
}

/** Marks a live token used and returns its user; any unknown, used or expired token is token_invalid. */
export async function consumeToken(
  db: DbOrTx,
  token: string,
  purpose: 'invitation' | 'password_reset',
  now: Date,
): Promise<string> {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(liveToken(token, purpose, now))
    .returning({ userId: authTokens.userId });
  if (!row) throw new AppError('token_invalid');
  return row.userId;
}

/**
 * Self-service "forgot password" (decision 0028): `POST /api/auth/password-reset` with an e-mail address. The
 * answer is 202 whatever the address — known, unknown, disabled, throttled — so it tells nobody whether an
 * account exists; a reset link is mailed only to an existing, enabled account, and only with mail on.
 *
 * Throttled three ways through the database counter every app server shares (accounts/throttle.ts): per client
 * address (the only limit that answers 429 — it says nothing about any account), per e-mail address and per
 * account (silently: the answer stays 202, nothing more is sent), so nobody can flood a mailbox or keep
 * replacing someone's live link.
 */
import { createHash } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { errorAnswer, jsonBody, type moduleRouter } from '../../server/openapi';
import { CSRF_SCHEME, SESSION_SCHEME } from '../../server/openapi-document';
import type { RequestMeta } from '../access/actor';
import { hitRateLimit } from '../accounts/throttle';
import { issueToken } from '../accounts/tokens';
import { recordAudit } from '../audit/record';
import { resetUrl } from '../users/manage-user';
import { mailAccountLink } from './account-mail';
import { ZAccepted, ZForgotPasswordRequest } from './schemas';

export const FORGOT_IP_LIMIT = 10;
export const FORGOT_IP_WINDOW_MS = 15 * 60_000;
/** Links per e-mail address and per account in an hour. */
export const FORGOT_ACCOUNT_LIMIT = 3;
export const FORGOT_ACCOUNT_WINDOW_MS = 60 * 60_000;

/** Counts a hit; false (instead of 429) once the limit is passed. */
async function withinLimit(deps: Deps, key: string, limit: number, windowMs: number): Promise<boolean> {
  try {
    await hitRateLimit(deps.db.systemDb, key, { limit, windowMs, now: deps.now() });
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'rate_limited') return false;
    throw e;
  }
}

/** Issues and mails a reset link when the address names an enabled account and no limit is passed. */
export async function requestPasswordReset(
  deps: Deps,
  input: { email: string; meta: RequestMeta },
): Promise<void> {
  const db = deps.db.systemDb;
  await hitRateLimit(db, `forgot:ip:${input.meta.ip ?? 'unknown'}`, {
    limit: FORGOT_IP_LIMIT,
    windowMs: FORGOT_IP_WINDOW_MS,
    now: deps.now(),
  });
  const settings = deps.config.mail;
  if (!settings) return;
  const email = input.email.trim().toLowerCase();
  // The counter's key holds no address in clear: the rate_limits table is not a list of who asked.
  const emailKey = createHash('sha256').update(email).digest('hex').slice(0, 32);
  if (!(await withinLimit(deps, `forgot:email:${emailKey}`, FORGOT_ACCOUNT_LIMIT, FORGOT_ACCOUNT_WINDOW_MS)))
    return;
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt, prefectureCode: users.prefectureCode })
    .from(users)
    .where(eq(users.email, email));
  if (!user || user.disabledAt) return;
  if (!(await withinLimit(deps, `forgot:user:${user.id}`, FORGOT_ACCOUNT_LIMIT, FORGOT_ACCOUNT_WINDOW_MS)))
    return;
  const now = deps.now();
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'password_reset', { createdBy: null, now });
    await mailAccountLink(tx, settings, {
      userId: user.id,
      kind: 'password_reset',
      path: resetUrl(token),
      requested: 'self',
      createdBy: null,
      now,
    });
    await recordAudit(
      tx,
      { actor: null, meta: input.meta, at: now },
      {
        action: 'configure',
        entityType: 'user',
        entityIds: [user.id],
        detail: { event: 'password_reset_requested' },
        prefectureCode: user.prefectureCode,
      },
    );
  });
}

/** Open without a session; a request that carries one must also send its CSRF token (csrfGuard). */
const SIGNED_OUT_OR_IN: Record<string, string[]>[] = [{}, { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];

/** Registers `POST /password-reset` on the accounts router (mounted at /api/auth). */
export function registerForgotPassword(r: ReturnType<typeof moduleRouter>, deps: Deps) {
  r.openapi(
    createRoute({
      method: 'post',
      path: '/password-reset',
      tags: ['auth'],
      summary: 'パスワードを忘れたとき / Forgot password: mail a reset link to this address',
      description:
        'Always 202, whether or not the address has an account. A link (24 hours, once) is mailed only to an existing, enabled account and only when mail is configured; limits per e-mail address and per account pass silently. Only the limit per client address answers 429.',
      security: SIGNED_OUT_OR_IN,
      request: { body: jsonBody(ZForgotPasswordRequest) },
      responses: {
        202: { description: 'Accepted', content: { 'application/json': { schema: ZAccepted } } },
        429: errorAnswer('`rate_limited` / リクエスト過多'),
      },
    }),
    async (c) => {
      await requestPasswordReset(deps, { email: c.req.valid('json').email, meta: c.get('meta') });
      return c.json({ accepted: true as const, mailOn: Boolean(deps.config.mail) }, 202);
    },
  );
}

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
import { createHash, randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { authTokens, mailMessages, users } from '../../db/schema';
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
  const now = deps.now();
  if (!user || user.disabledAt) {
    // The same work as for an account (a counter, one transaction of the same statements), so the time of the
    // answer does not tell whether the address has one (decision 0030).
    await withinLimit(deps, `forgot:user:${emailKey}`, FORGOT_ACCOUNT_LIMIT, FORGOT_ACCOUNT_WINDOW_MS);
    await db.transaction((tx) => unmatchedRequest(tx, { meta: input.meta, now }));
    return;
  }
  if (!(await withinLimit(deps, `forgot:user:${user.id}`, FORGOT_ACCOUNT_LIMIT, FORGOT_ACCOUNT_WINDOW_MS)))
    return;
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

/** No account: a user id that matches no row, so the statements below read and write nothing but the audit. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The transaction of a request for an address without an enabled account: the statements of a real one — the
 * earlier links ended, a token written, the account read, a mail queued — each matching no row, and an audit
 * entry that names no account (nor the address): someone asked for a reset of an address unknown here.
 */
async function unmatchedRequest(tx: DbOrTx, o: { meta: RequestMeta; now: Date }): Promise<void> {
  await tx
    .update(authTokens)
    .set({ usedAt: o.now })
    .where(
      and(
        eq(authTokens.userId, NO_USER),
        eq(authTokens.purpose, 'password_reset'),
        isNull(authTokens.usedAt),
      ),
    );
  await tx.execute(sql`insert into ${authTokens} (id, user_id, purpose, created_at, expires_at)
    select ${randomUUID()}, ${users.id}, 'password_reset', ${o.now.toISOString()}::timestamptz,
           ${o.now.toISOString()}::timestamptz from ${users} where ${users.id} = ${NO_USER}`);
  await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, NO_USER));
  await tx.execute(sql`insert into ${mailMessages} (to_name, locale, kind, subject, status)
    select ${users.displayName}, ${users.locale}, 'password_reset', '', 'queued' from ${users}
    where ${users.id} = ${NO_USER}`);
  await recordAudit(
    tx,
    { actor: null, meta: o.meta, at: o.now },
    {
      action: 'configure',
      entityType: 'user',
      entityIds: [],
      detail: { event: 'password_reset_unmatched' },
      prefectureCode: null,
    },
  );
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

import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { users } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { errorAnswer, jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { CSRF_SCHEME, SESSION_SCHEME } from '../../server/openapi-document';
import { recordAudit } from '../audit/record';
import { registerForgotPassword } from '../mail/forgot-password';
import { completeWithToken } from './complete-token';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookie';
import { sealSecret } from './crypto';
import { registerDemoSwitch } from './demo-switch';
import { requireActor } from './middleware';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from './password';
import {
  ZAcceptTokenRequest,
  ZChangePasswordRequest,
  ZLocaleRequest,
  ZOk,
  ZSessionResponse,
  ZSignInRequest,
  ZTotpEnrolResponse,
  ZTotpRequest,
} from './schemas';
import { checkSecondFactor } from './second-factor';
import { sessionUserOf } from './session-user';
import { deleteSession, markSecondFactorDone } from './sessions';
import { signIn } from './sign-in';
import { generateTotpSecret, otpauthUri } from './totp';

const tag = ['auth'];

/** Open without a session; a request that does carry one must also send its CSRF token (csrfGuard). */
const SIGNED_OUT_OR_IN: Record<string, string[]>[] = [{}, { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];

export function accountsRoutes(deps: Deps) {
  const r = moduleRouter();
  // Made now, not at the first sign-in with an unknown e-mail, which would otherwise take two hashes' time.
  void dummyPasswordHash();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: tag,
      summary: 'サインインの状態 / The session: who is signed in and which step is due',
      description:
        'Without a session, `authenticated: false`. With one, `mustVerifyTotp` or `mustEnrolTotp` names the TOTP step still due; `csrfToken` is the value to send as X-CSRF-Token.',
      security: [{}, { [SESSION_SCHEME]: [] }],
      responses: jsonOk(ZSessionResponse),
    }),
    async (c) => c.json(await sessionView(deps, c), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sign-in',
      tags: tag,
      summary: 'サインイン / Sign in with e-mail and password',
      description:
        'The password step: sets the session cookie. When the answer says `mustVerifyTotp`, finish with `POST /api/auth/totp`; when `mustEnrolTotp`, enrol with `/api/auth/totp/enrol` and `/api/auth/totp/confirm`. Repeated failures lock the account for a while.',
      security: SIGNED_OUT_OR_IN,
      request: { body: jsonBody(ZSignInRequest) },
      responses: {
        ...jsonOk(ZSessionResponse),
        401: errorAnswer('`invalid_credentials` / メールアドレスまたはパスワードの誤り'),
        429: errorAnswer('`rate_limited` / リクエスト過多'),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const meta = c.get('meta');
      const result = await signIn(deps, { email, password, meta, previousToken: readSessionCookie(deps, c) });
      setSessionCookie(deps, c, result.token);
      return c.json(
        {
          authenticated: !result.mustEnrolTotp && !result.mustVerifyTotp,
          csrfToken: result.csrfToken,
          mustEnrolTotp: result.mustEnrolTotp,
          mustVerifyTotp: result.mustVerifyTotp,
          totpEnabled: result.totpEnabled,
          user: result.user,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/totp',
      tags: tag,
      summary: '2段階認証コードの入力 / The TOTP step: complete the sign-in with the 6-digit code',
      description:
        'Takes the session of a password step that answered `mustVerifyTotp`. A wrong code answers 401 `invalid_totp` and counts towards the lock-out.',
      request: { body: jsonBody(ZTotpRequest) },
      responses: {
        ...jsonOk(ZSessionResponse),
        423: errorAnswer('`account_locked`: too many wrong codes / 失敗が続いたためロック中'),
        429: errorAnswer('`rate_limited` / リクエスト過多'),
      },
    }),
    async (c) => {
      const session = c.get('session');
      if (!session?.mustVerifyTotp) throw new AppError('unauthenticated');
      const { code } = c.req.valid('json');
      await checkSecondFactor(deps, { session, code, meta: c.get('meta') });
      await markSecondFactorDone(deps.db.systemDb, session.id);
      return c.json(await sessionView(deps, c, { secondFactorDone: true }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/totp/enrol',
      tags: tag,
      summary: '2段階認証の設定開始 / Start TOTP enrolment: a new secret and its otpauth URI',
      description:
        'For a session that must enrol (`mustEnrolTotp`) or a complete one without TOTP; confirm with `POST /api/auth/totp/confirm`.',
      responses: jsonOk(ZTotpEnrolResponse),
    }),
    async (c) => {
      const session = c.get('session');
      // Enrolment is open to a session that must enrol, or to a complete session replacing nothing.
      if (!session || session.mustVerifyTotp) throw new AppError('unauthenticated');
      const [user] = await deps.db.systemDb.select().from(users).where(eq(users.id, session.userId));
      if (!user) throw new AppError('unauthenticated');
      if (user.totpEnabledAt) throw new AppError('forbidden');
      const secret = generateTotpSecret();
      await deps.db.systemDb
        .update(users)
        .set({ totpSecret: sealSecret(secret, deps.config.secret) })
        .where(eq(users.id, user.id));
      return c.json({ secret, otpauthUri: otpauthUri(secret, user.email) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/totp/confirm',
      tags: tag,
      summary: '2段階認証の設定完了 / Confirm TOTP enrolment with a first code',
      description: 'Turns TOTP on and completes the session, as the TOTP step does.',
      request: { body: jsonBody(ZTotpRequest) },
      responses: {
        ...jsonOk(ZSessionResponse),
        423: errorAnswer('`account_locked`: too many wrong codes / 失敗が続いたためロック中'),
        429: errorAnswer('`rate_limited` / リクエスト過多'),
      },
    }),
    async (c) => {
      const session = c.get('session');
      if (!session || session.mustVerifyTotp) throw new AppError('unauthenticated');
      const { code } = c.req.valid('json');
      await checkSecondFactor(deps, { session, code, meta: c.get('meta'), enrolling: true });
      await deps.db.systemDb.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabledAt: deps.now() }).where(eq(users.id, session.userId));
        await markSecondFactorDone(tx, session.id);
        const [u] = await tx.select().from(users).where(eq(users.id, session.userId));
        await recordAudit(
          tx,
          { actor: null, meta: c.get('meta'), at: deps.now() },
          {
            action: 'configure',
            entityType: 'user',
            entityIds: [session.userId],
            detail: { event: 'totp_enabled' },
            prefectureCode: u?.prefectureCode ?? null,
          },
        );
      });
      return c.json(await sessionView(deps, c, { secondFactorDone: true, totpEnabled: true }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sign-out',
      tags: tag,
      summary: 'サインアウト / Sign out: end the session and clear the cookie',
      security: SIGNED_OUT_OR_IN,
      responses: jsonOk(ZOk),
    }),
    async (c) => {
      const session = c.get('session');
      if (session) {
        await deps.db.systemDb.transaction(async (tx) => {
          await deleteSession(tx, session.id);
          await recordAudit(
            tx,
            { actor: c.get('actor'), meta: c.get('meta'), at: deps.now() },
            { action: 'sign_out', entityType: 'user', entityIds: [session.userId] },
          );
        });
      }
      clearSessionCookie(deps, c);
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/password',
      tags: tag,
      summary: 'パスワードの変更 / Change your password (the current one is asked)',
      request: { body: jsonBody(ZChangePasswordRequest) },
      responses: jsonOk(ZOk),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      assertStrongPassword(newPassword);
      const [user] = await deps.db.systemDb.select().from(users).where(eq(users.id, actor.userId));
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError('invalid_credentials');
      }
      const passwordHash = await hashPassword(newPassword);
      await deps.db.systemDb.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'configure',
            entityType: 'user',
            entityIds: [actor.userId],
            detail: { event: 'password_changed' },
          },
        );
      });
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/locale',
      tags: tag,
      summary: '表示言語の保存 / Save your language (ja or en)',
      request: { body: jsonBody(ZLocaleRequest) },
      responses: jsonOk(ZOk),
    }),
    async (c) => {
      const actor = requireActor(c);
      await deps.db.systemDb
        .update(users)
        .set({ locale: c.req.valid('json').locale })
        .where(eq(users.id, actor.userId));
      return c.json({ ok: true as const }, 200);
    },
  );

  // The demo database's role switch (404 everywhere else).
  registerDemoSwitch(r, deps);
  // Self-service "forgot password": a reset link by mail (decision 0028).
  registerForgotPassword(r, deps);

  // Invitation acceptance and password reset share one shape: a one-time token and a new password.
  for (const [path, purpose] of [
    ['/invitations/accept', 'invitation'],
    ['/password-reset/complete', 'password_reset'],
  ] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path,
        tags: tag,
        summary:
          purpose === 'invitation'
            ? '招待の受諾 / Accept an invitation: set your password with its one-time link'
            : 'パスワードの再設定 / Reset your password with its one-time link',
        security: SIGNED_OUT_OR_IN,
        request: { body: jsonBody(ZAcceptTokenRequest) },
        responses: jsonOk(ZOk),
      }),
      async (c) => {
        const { token, password } = c.req.valid('json');
        await completeWithToken(deps, { token, password, purpose, meta: c.get('meta') });
        return c.json({ ok: true as const }, 200);
      },
    );
  }

  return r;
}

async function sessionView(
  deps: Deps,
  c: Context<AppEnv>,
  overrides: { secondFactorDone?: boolean; totpEnabled?: boolean } = {},
) {
  const session = c.get('session');
  if (!session) {
    return {
      authenticated: false,
      csrfToken: null,
      mustEnrolTotp: false,
      mustVerifyTotp: false,
      totpEnabled: false,
      user: null,
    };
  }
  const [user] = await deps.db.systemDb.select().from(users).where(eq(users.id, session.userId));
  if (!user)
    return {
      authenticated: false,
      csrfToken: null,
      mustEnrolTotp: false,
      mustVerifyTotp: false,
      totpEnabled: false,
      user: null,
    };
  const mustEnrolTotp = overrides.totpEnabled ? false : session.mustEnrolTotp;
  const mustVerifyTotp = overrides.secondFactorDone ? false : session.mustVerifyTotp;
  return {
    authenticated: !mustEnrolTotp && !mustVerifyTotp,
    csrfToken: session.csrfToken,
    mustEnrolTotp,
    mustVerifyTotp,
    totpEnabled: Boolean(user.totpEnabledAt) || Boolean(overrides.totpEnabled),
    user: await sessionUserOf(deps.db.systemDb, user),
  };
}

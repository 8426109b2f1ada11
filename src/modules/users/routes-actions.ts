import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonOk, type moduleRouter, ZIdParam } from '../../server/openapi';
import { mailAccountLink } from '../mail/account-mail';
import { deliveryOf } from '../mail/schemas';
import { pathId, requireUserAdmin } from './guard';
import { ZInvitationResponse, ZResetPasswordResponse, ZUser } from './schemas';
import { applyUserAction, issuePasswordReset, reissueInvitation, type UserAction } from './user-actions';

const tags = ['users'];

const ACTION_ROUTES: { path: string; action: UserAction; summary: string }[] = [
  { path: '/{id}/disable', action: 'disable', summary: 'Disable a user and end their sessions / 利用停止' },
  { path: '/{id}/enable', action: 'enable', summary: 'Enable a disabled user / 利用再開' },
  {
    path: '/{id}/reset-totp',
    action: 'reset_totp',
    summary: 'Clear two-factor authentication and end sessions / 2段階認証のリセット',
  },
  { path: '/{id}/unlock', action: 'unlock', summary: 'Lift a sign-in lock / ロック解除' },
];

/** Account actions on one user: disable, enable, reset TOTP, unlock, reset password, re-invite. */
export function registerUserActionRoutes(r: ReturnType<typeof moduleRouter>, deps: Deps) {
  const db = deps.db.systemDb;

  for (const { path, action, summary } of ACTION_ROUTES) {
    r.openapi(
      createRoute({
        method: 'post',
        path,
        tags,
        summary,
        request: { params: ZIdParam },
        responses: jsonOk(ZUser),
      }),
      async (c) => {
        const who = requireUserAdmin(c, deps);
        const id = pathId(c.req.valid('param').id);
        return c.json(await db.transaction((tx) => applyUserAction(tx, who, id, action)), 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reset-password',
      tags,
      summary: 'Issue a password-reset link to hand over / パスワード再設定リンクの発行',
      request: { params: ZIdParam },
      responses: jsonOk(ZResetPasswordResponse),
    }),
    async (c) => {
      const who = requireUserAdmin(c, deps);
      const id = pathId(c.req.valid('param').id);
      const answer = await db.transaction(async (tx) => {
        const resetUrl = await issuePasswordReset(tx, who, id);
        // With mail on, the link is mailed as well as shown (decision 0028), in the same transaction.
        const mail = await mailAccountLink(tx, deps.config.mail, {
          userId: id,
          kind: 'password_reset',
          path: resetUrl,
          requested: 'admin',
          createdBy: who.actor.userId,
          now: who.at,
        });
        return { resetUrl, mail: deliveryOf(mail) };
      });
      return c.json(answer, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/resend-invitation',
      tags,
      summary: 'Issue a new invitation link to a user who has not accepted yet / 招待リンクの再発行',
      request: { params: ZIdParam },
      responses: jsonOk(ZInvitationResponse),
    }),
    async (c) => {
      const who = requireUserAdmin(c, deps);
      const id = pathId(c.req.valid('param').id);
      const answer = await db.transaction(async (tx) => {
        const invitationUrl = await reissueInvitation(tx, who, id);
        const mail = await mailAccountLink(tx, deps.config.mail, {
          userId: id,
          kind: 'invitation',
          path: invitationUrl,
          requested: 'admin',
          createdBy: who.actor.userId,
          now: who.at,
        });
        return { invitationUrl, mail: deliveryOf(mail) };
      });
      return c.json(answer, 200);
    },
  );
}

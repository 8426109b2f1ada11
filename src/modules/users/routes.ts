import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { mailAccountLink } from '../mail/account-mail';
import { deliveryOf } from '../mail/schemas';
import { pathId, requireUserAdmin } from './guard';
import { createUser, updateUser } from './manage-user';
import { findManagedUser, listManagedUsers, toUserView } from './queries';
import { registerUserActionRoutes } from './routes-actions';
import {
  ZCreateUserRequest,
  ZCreateUserResponse,
  ZListUsersQuery,
  ZListUsersResponse,
  ZUpdateUserRequest,
  ZUpdateUserResponse,
  ZUser,
} from './schemas';

const tags = ['users'];

/**
 * User administration. A centre administrator manages its prefecture's users; the system administrator
 * manages everybody. Users outside the administrator's reach answer 404, as if they did not exist.
 */
export function usersRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Users the administrator manages / 管理対象のユーザー一覧',
      request: { query: ZListUsersQuery },
      responses: jsonOk(ZListUsersResponse),
    }),
    async (c) => {
      const who = requireUserAdmin(c, deps);
      return c.json(await listManagedUsers(db, who.actor, c.req.valid('query'), who.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One user / ユーザー',
      request: { params: ZIdParam },
      responses: jsonOk(ZUser),
    }),
    async (c) => {
      const who = requireUserAdmin(c, deps);
      const row = await findManagedUser(db, who.actor, pathId(c.req.valid('param').id));
      if (!row) throw new AppError('not_found');
      return c.json(toUserView(row, who.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Invite a user; answers the invitation link to hand over / ユーザーの招待',
      request: { body: jsonBody(ZCreateUserRequest) },
      responses: jsonOk(ZCreateUserResponse),
    }),
    async (c) => {
      const who = requireUserAdmin(c, deps);
      const body = c.req.valid('json');
      const result = await mapConstraintErrors(() =>
        db.transaction(async (tx) => {
          const created = await createUser(tx, who, body);
          // With mail on, the invitation is mailed as well as shown (decision 0028), in the same transaction.
          const mail = await mailAccountLink(tx, deps.config.mail, {
            userId: created.user.id,
            kind: 'invitation',
            path: created.invitationUrl,
            requested: 'admin',
            createdBy: who.actor.userId,
            now: who.at,
          });
          return { ...created, mail: deliveryOf(mail) };
        }),
      );
      return c.json(result, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: "Change a user's name, role or scope / ユーザーの変更",
      request: { params: ZIdParam, body: jsonBody(ZUpdateUserRequest) },
      responses: jsonOk(ZUpdateUserResponse),
    }),
    async (c) => {
      const who = requireUserAdmin(c, deps);
      const id = pathId(c.req.valid('param').id);
      const body = c.req.valid('json');
      const user = await mapConstraintErrors(() => db.transaction((tx) => updateUser(tx, who, id, body)));
      return c.json(user, 200);
    },
  );

  registerUserActionRoutes(r, deps);
  return r;
}

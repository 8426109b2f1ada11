import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { listNotifications, markNotificationRead } from './queries';
import { ZListNotificationsResponse, ZReadNotificationResponse } from './schemas';

const tags = ['notifications'];

/** The signed-in user's in-app notifications. */
export function notificationRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'My notifications, newest first / お知らせ',
      responses: jsonOk(ZListNotificationsResponse),
    }),
    async (c) => c.json(await listNotifications(db, requireActor(c)), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/read',
      tags,
      summary: 'Mark a notification read / 既読にする',
      request: { params: ZIdParam },
      responses: jsonOk(ZReadNotificationResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const row = await markNotificationRead(db, actor, id, deps.now());
      if (!row) throw new AppError('not_found');
      return c.json(row, 200);
    },
  );

  return r;
}

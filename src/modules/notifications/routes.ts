import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { errorAnswer, isUuid, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { readMailPreferences, saveMailPreferences } from './mail-preferences';
import { listNotifications, markNotificationRead } from './queries';
import {
  ZListNotificationsResponse,
  ZMailPreferences,
  ZReadNotificationResponse,
  ZSaveMailPreferences,
} from './schemas';

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

  r.openapi(
    createRoute({
      method: 'get',
      path: '/mail-preferences',
      tags,
      summary: 'My notification mail preferences / お知らせのメール設定',
      description:
        'Per kind of notification the account receives: off (default), immediate or in the daily digest.',
      responses: jsonOk(ZMailPreferences),
    }),
    async (c) => {
      const prefs = await readMailPreferences(db, requireActor(c));
      return c.json({ mailOn: Boolean(deps.config.mail), ...prefs }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/mail-preferences',
      tags,
      summary: 'Change my notification mail preferences / お知らせのメール設定を変更',
      description:
        'Kinds left out keep their choice. 400 for a kind the account does not receive or a delivery the kind does not take; 409 on a stale version. Audited.',
      request: { body: jsonBody(ZSaveMailPreferences) },
      responses: {
        ...jsonOk(ZMailPreferences),
        400: errorAnswer('`validation_failed`'),
        409: errorAnswer('`conflict`: changed since it was read'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const body = c.req.valid('json');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const prefs = await db.transaction((tx) => saveMailPreferences(tx, who, body));
      return c.json({ mailOn: Boolean(deps.config.mail), ...prefs }, 200);
    },
  );

  return r;
}

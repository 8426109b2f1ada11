import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { canEditChild } from '../registry/policy';
import { profileView, reachProfileChild, updateProfile, type Who } from './profile';
import { ZChildParam, ZProfile, ZProfileUpdate, ZSheet, ZSheetConfirm, ZSheetUpdate } from './schemas';
import { confirmSheet, sheetView, updateSheet } from './sheet';

const tags = ['disaster'];

/**
 * The disaster profile and the emergency sheet of one child (docs/disaster.md §1, §7), within the registry's
 * by-id scope: out of scope answers 404, read-only roles 403 on changes, a stale version 409.
 */
export function disasterChildRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: ReturnType<typeof requireActor>): Who => {
    const at = deps.now();
    return { actor, meta: c.get('meta'), at, today: isoDateInJapan(at) };
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/children/{id}',
      tags,
      summary: "A child's disaster profile / 災害への備え",
      request: { params: ZChildParam },
      responses: jsonOk(ZProfile),
    }),
    async (c) => {
      const actor = requireActor(c);
      const child = await reachProfileChild(db, actor, c.req.valid('param').id);
      const view = await profileView(db, actor, child);
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'child_disaster_profile',
        entityIds: [child.id],
      });
      return c.json(view, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/children/{id}',
      tags,
      summary: "Change a child's disaster profile / 災害への備えの更新",
      request: { params: ZChildParam, body: jsonBody(ZProfileUpdate) },
      responses: jsonOk(ZProfile),
    }),
    async (c) => {
      const actor = requireActor(c);
      const w = who(c, actor);
      const view = await db.transaction((tx) =>
        updateProfile(tx, w, c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json(view, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/children/{id}/sheet',
      tags,
      summary: "A child's emergency sheet / 緊急時シート",
      request: { params: ZChildParam },
      responses: jsonOk(ZSheet),
    }),
    async (c) => {
      const actor = requireActor(c);
      const child = await reachProfileChild(db, actor, c.req.valid('param').id);
      const view = await sheetView(db, child, canEditChild(actor, 'full'));
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'emergency_sheet',
        entityIds: [child.id],
      });
      return c.json(view, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/children/{id}/sheet',
      tags,
      summary: "Change a child's emergency sheet / 緊急時シートの更新",
      request: { params: ZChildParam, body: jsonBody(ZSheetUpdate) },
      responses: jsonOk(ZSheet),
    }),
    async (c) => {
      const actor = requireActor(c);
      const w = who(c, actor);
      const view = await db.transaction((tx) =>
        updateSheet(tx, w, c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json(view, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/children/{id}/sheet/confirm',
      tags,
      summary: 'Record that the family confirmed the emergency sheet / 家族による確認の記録',
      request: { params: ZChildParam, body: jsonBody(ZSheetConfirm) },
      responses: jsonOk(ZSheet),
    }),
    async (c) => {
      const actor = requireActor(c);
      const w = who(c, actor);
      const view = await db.transaction((tx) =>
        confirmSheet(tx, w, c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json(view, 200);
    },
  );

  return r;
}

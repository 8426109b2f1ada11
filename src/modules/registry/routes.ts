import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { findVisibleChild, listVisibleChildren } from './queries';
import { ZChildDetail, ZListChildrenQuery, ZListChildrenResponse } from './schemas';

const tags = ['registry'];

/** The registry's read API. Every read and search of child records is audited before the answer leaves. */
export function registryRoutes(deps: Deps) {
  const r = moduleRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Children the user may see / 閲覧できる医療的ケア児の一覧',
      request: { query: ZListChildrenQuery },
      responses: jsonOk(ZListChildrenResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const query = c.req.valid('query');
      // A read changes nothing, so it needs no transaction: the audit entry is written before any data is
      // returned, and if it cannot be written the request fails without answering.
      const db = deps.db.systemDb;
      const page = await listVisibleChildren(db, actor, query);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'search',
          entityType: 'child',
          entityIds: page.items.map((i) => i.id),
          detail: {
            filter: { q: query.q, municipality: query.municipality, status: query.status },
            total: page.total,
          },
        },
      );
      return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One child record / 医療的ケア児の記録',
      request: { params: ZIdParam },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const child = await findVisibleChild(deps.db.systemDb, actor, id);
      if (!child) throw new AppError('not_found');
      await recordAudit(
        deps.db.systemDb,
        { actor, meta: c.get('meta'), at: deps.now() },
        { action: 'read', entityType: 'child', entityIds: [child.id] },
      );
      return c.json(child, 200);
    },
  );

  return r;
}

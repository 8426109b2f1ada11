import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { findVisibleChild, listVisibleChildren } from './queries';
import { ZChildDetail, ZListChildrenQuery, ZListChildrenResponse } from './schemas';

const tags = ['registry'];

/** The registry's read API. Every read and search of child records is audited in the same transaction. */
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
      const result = await deps.db.systemDb.transaction(async (tx) => {
        const page = await listVisibleChildren(tx, actor, query);
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'search',
            entityType: 'child',
            entityIds: page.items.map((i) => i.id),
            detail: { filter: { q: query.q, municipality: query.municipality, status: query.status }, total: page.total },
          },
        );
        return page;
      });
      return c.json({ ...result, page: query.page, pageSize: query.pageSize }, 200);
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
      const child = await deps.db.systemDb.transaction(async (tx) => {
        const found = await findVisibleChild(tx, actor, id);
        if (!found) return undefined;
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          { action: 'read', entityType: 'child', entityIds: [found.id] },
        );
        return found;
      });
      if (!child) throw new AppError('not_found');
      return c.json(child, 200);
    },
  );

  return r;
}

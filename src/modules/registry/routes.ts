import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { listVisibleChildren } from './queries';
import { ZListChildrenQuery, ZListChildrenResponse } from './schemas';
import { filterForAudit } from './search';

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
      const { page: _page, pageSize: _pageSize, ...filter } = query;
      const page = await listVisibleChildren(db, actor, { ...query, today: isoDateInJapan(deps.now()) });
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'search',
          entityType: 'child',
          entityIds: page.items.map((i) => i.id),
          detail: { filter: filterForAudit(filter), total: page.total },
        },
      );
      return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
    },
  );

  // GET /{id} (the full record) lives in routes-read.ts, mounted last.

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { ZChildDetail } from './schemas-detail';
import { ZSetCareItemsRequest } from './schemas-write';
import { setCareItems } from './set-care-items';
import { detailAfterWrite, writerOf } from './write';

/** The child's care items, which set the care score and tier. */
export function registryCareRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/care-items',
      tags: ['registry'],
      summary: 'Replace the care items; the care score is recomputed / 医療的ケアの内容（判定スコア再計算）',
      request: { params: ZIdParam, body: jsonBody(ZSetCareItemsRequest) },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () => db.transaction(async (tx) => detailAfterWrite(tx, w, await setCareItems(tx, w, id, body))),
        'conflict',
      );
      return c.json(detail, 200);
    },
  );

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { moveChild } from './move-child';
import { ZChildDetail } from './schemas-detail';
import { ZMoveChildRequest } from './schemas-write';
import { detailAfterWrite, writerOf } from './write';

/** A change of residence: hands the record to the new municipality, or marks a move out of the prefecture. */
export function registryMoveRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/move',
      tags: ['registry'],
      summary: 'Record a move (転居・転出) / 転居の記録',
      request: { params: ZIdParam, body: jsonBody(ZMoveChildRequest) },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () => db.transaction(async (tx) => detailAfterWrite(tx, w, await moveChild(tx, w, id, body))),
        'conflict',
      );
      return c.json(detail, 200);
    },
  );

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { createChild } from './create-child';
import { ZChildDetail } from './schemas-detail';
import { ZCreateChildRequest, ZUpdateChildRequest } from './schemas-write';
import { updateChild } from './update-child';
import { detailAfterWrite, writerOf } from './write';

const tags = ['registry'];

/** A 201 answer carrying the written record, with the usual error answers. */
export function jsonCreated<T extends Parameters<typeof jsonOk>[0]>(schema: T) {
  return {
    201: { description: 'Created', content: { 'application/json': { schema } } },
    ...ERROR_RESPONSES,
  } as const;
}

/** Creating a child record and changing its own fields (optimistic locking on `version`). */
export function registryWriteRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a child record / 医療的ケア児の新規登録',
      request: { body: jsonBody(ZCreateChildRequest) },
      responses: jsonCreated(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(() =>
        db.transaction(async (tx) => detailAfterWrite(tx, w, await createChild(tx, w, body))),
      );
      return c.json(detail, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change a child record; a stale version answers 409 with the difference / 基本情報の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateChildRequest) },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () => db.transaction(async (tx) => detailAfterWrite(tx, w, await updateChild(tx, w, id, body))),
        'conflict',
      );
      return c.json(detail, 200);
    },
  );

  return r;
}

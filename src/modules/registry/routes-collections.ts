import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import {
  addToCollection,
  COLLECTIONS,
  type CollectionSpec,
  removeFromCollection,
  updateInCollection,
} from './collections';
import { jsonCreated } from './routes-write';
import { ZChildDetail } from './schemas-detail';
import { ZChildSubParams, ZVersionQuery } from './schemas-write';
import { detailAfterWrite, writerOf } from './write';

type Router = ReturnType<typeof moduleRouter>;

/** POST /{id}/<list>, PATCH and DELETE /{id}/<list>/{subId} for one list of the record. */
function registerCollection(r: Router, deps: Deps, spec: CollectionSpec) {
  const db = deps.db.systemDb;
  const tags = ['registry'];

  r.openapi(
    createRoute({
      method: 'post',
      path: `/{id}/${spec.path}`,
      tags,
      summary: `Add a ${spec.en} / ${spec.ja}の追加`,
      request: { params: ZIdParam, body: jsonBody(spec.add) },
      responses: jsonCreated(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () =>
          db.transaction(async (tx) => detailAfterWrite(tx, w, await addToCollection(tx, w, spec, id, body))),
        'conflict',
      );
      return c.json(detail, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: `/{id}/${spec.path}/{subId}`,
      tags,
      summary: `Change a ${spec.en} / ${spec.ja}の変更`,
      request: { params: ZChildSubParams, body: jsonBody(spec.update) },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id, subId } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () =>
          db.transaction(async (tx) =>
            detailAfterWrite(tx, w, await updateInCollection(tx, w, spec, id, subId, body)),
          ),
        'conflict',
      );
      return c.json(detail, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: `/{id}/${spec.path}/{subId}`,
      tags,
      summary: `Remove a ${spec.en} (kept in the history) / ${spec.ja}の削除`,
      request: { params: ZChildSubParams, query: ZVersionQuery },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id, subId } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const detail = await mapConstraintErrors(
        () =>
          db.transaction(async (tx) =>
            detailAfterWrite(tx, w, await removeFromCollection(tx, w, spec, id, subId, version)),
          ),
        'conflict',
      );
      return c.json(detail, 200);
    },
  );
}

/**
 * The record's lists: guardians and contacts, diagnoses, attending physicians, devices, disability
 * handbooks and affiliations. Each write carries the record's version and moves it on.
 */
export function registryCollectionRoutes(deps: Deps) {
  const r = moduleRouter();
  for (const spec of COLLECTIONS) registerCollection(r, deps, spec);
  return r;
}

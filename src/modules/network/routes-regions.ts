import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { createRegion, deleteRegion, listRegions, updateRegion } from './regions';
import type { NetworkRouter } from './routes';
import {
  ZCreateRegionRequest,
  ZDeleted,
  ZListRegionsResponse,
  ZRegion,
  ZTenantQuery,
  ZUpdateRegionRequest,
} from './schemas';
import { networkRequest } from './support';

const tags = ['network'];

/** 圏域: list, create, change (membership with validity dates) and delete. */
export function registerRegionRoutes(r: NetworkRouter, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      tags,
      summary: 'Regions with their current municipalities / 圏域の一覧',
      request: { query: ZTenantQuery },
      responses: jsonOk(ZListRegionsResponse),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'read', c.req.valid('query').prefecture);
      return c.json(await listRegions(db, t.prefectureCode), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/regions',
      tags,
      summary: 'Create a region / 圏域の作成',
      request: { query: ZTenantQuery, body: jsonBody(ZCreateRegionRequest) },
      responses: jsonOk(ZRegion),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const body = c.req.valid('json');
      const region = await mapConstraintErrors(
        () => db.transaction((tx) => createRegion(tx, t, body)),
        'conflict',
      );
      return c.json(region, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/regions/{id}',
      tags,
      summary: 'Change a region; municipalityCodes replaces the membership from today / 圏域の変更',
      request: { params: ZIdParam, query: ZTenantQuery, body: jsonBody(ZUpdateRegionRequest) },
      responses: jsonOk(ZRegion),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const body = c.req.valid('json');
      const region = await mapConstraintErrors(
        () => db.transaction((tx) => updateRegion(tx, t, id, body)),
        'conflict',
      );
      return c.json(region, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/regions/{id}',
      tags,
      summary: 'Delete an unused region / 使われていない圏域の削除',
      request: { params: ZIdParam, query: ZTenantQuery },
      responses: jsonOk(ZDeleted),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      await mapConstraintErrors(() => db.transaction((tx) => deleteRegion(tx, t, id)));
      return c.json({ ok: true as const }, 200);
    },
  );
}

import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { createCentre, listCentres, updateCentre } from './centres';
import type { NetworkRouter } from './routes';
import {
  ZCentre,
  ZCreateCentreRequest,
  ZListCentresResponse,
  ZTenantQuery,
  ZUpdateCentreRequest,
} from './schemas';
import { networkRequest } from './support';

const tags = ['network'];

/** 医療的ケア児支援センター: the HQ and its branches, with the regions each covers. */
export function registerCentreRoutes(r: NetworkRouter, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/centres',
      tags,
      summary: 'Centres (HQ and branches) / センター（本部・支部）の一覧',
      request: { query: ZTenantQuery },
      responses: jsonOk(ZListCentresResponse),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'read', c.req.valid('query').prefecture);
      return c.json(await listCentres(db, t.prefectureCode), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/centres',
      tags,
      summary: 'Create an HQ or a branch / センターの作成',
      request: { query: ZTenantQuery, body: jsonBody(ZCreateCentreRequest) },
      responses: jsonOk(ZCentre),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const body = c.req.valid('json');
      const centre = await mapConstraintErrors(() => db.transaction((tx) => createCentre(tx, t, body)));
      return c.json(centre, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/centres/{id}',
      tags,
      summary: 'Change a centre; regionIds replaces the covered regions / センターの変更',
      request: { params: ZIdParam, query: ZTenantQuery, body: jsonBody(ZUpdateCentreRequest) },
      responses: jsonOk(ZCentre),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const body = c.req.valid('json');
      const centre = await mapConstraintErrors(() => db.transaction((tx) => updateCentre(tx, t, id, body)));
      return c.json(centre, 200);
    },
  );
}

import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { createOrganisation, findOrganisation, listOrganisations, updateOrganisation } from './organisations';
import type { NetworkRouter } from './routes';
import {
  ZCreateOrganisationRequest,
  ZListOrganisationsQuery,
  ZListOrganisationsResponse,
  ZOrganisation,
  ZTenantQuery,
  ZUpdateOrganisationRequest,
} from './schemas';
import { networkRequest } from './support';

const tags = ['network'];

/** 関係機関: municipal divisions, hospitals, providers, schools, nurseries, core consultation centres. */
export function registerOrganisationRoutes(r: NetworkRouter, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags,
      summary: 'Organisations of the network / 関係機関の一覧',
      request: { query: ZListOrganisationsQuery },
      responses: jsonOk(ZListOrganisationsResponse),
    }),
    async (c) => {
      const { prefecture, ...filter } = c.req.valid('query');
      const t = await networkRequest(c, deps, 'read', prefecture);
      return c.json(await listOrganisations(db, t.prefectureCode, filter), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}',
      tags,
      summary: 'One organisation / 関係機関',
      request: { params: ZIdParam, query: ZTenantQuery },
      responses: jsonOk(ZOrganisation),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'read', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const org = await findOrganisation(db, t.prefectureCode, id);
      if (!org) throw new AppError('not_found');
      return c.json(org, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/organisations',
      tags,
      summary: 'Create an organisation / 関係機関の登録',
      request: { query: ZTenantQuery, body: jsonBody(ZCreateOrganisationRequest) },
      responses: jsonOk(ZOrganisation),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const body = c.req.valid('json');
      const org = await mapConstraintErrors(() => db.transaction((tx) => createOrganisation(tx, t, body)));
      return c.json(org, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/organisations/{id}',
      tags,
      summary: 'Change an organisation / 関係機関の変更',
      request: { params: ZIdParam, query: ZTenantQuery, body: jsonBody(ZUpdateOrganisationRequest) },
      responses: jsonOk(ZOrganisation),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const body = c.req.valid('json');
      const org = await mapConstraintErrors(() =>
        db.transaction((tx) => updateOrganisation(tx, t, id, body)),
      );
      return c.json(org, 200);
    },
  );
}

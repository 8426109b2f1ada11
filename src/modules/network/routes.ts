import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { canManagePrefectures, listablePrefectures } from './policy';
import { enablePrefecture, listPrefectures } from './prefectures';
import { listMunicipalities } from './regions';
import { registerCentreRoutes } from './routes-centres';
import { registerOrganisationRoutes } from './routes-organisations';
import { registerPeopleRoutes } from './routes-people';
import { registerRegionRoutes } from './routes-regions';
import {
  ZCreatePrefectureRequest,
  ZListMunicipalitiesResponse,
  ZListPrefecturesResponse,
  ZPrefecture,
  ZTenantQuery,
} from './schemas';
import { networkRequest } from './support';

/** The router type every routes-*.ts file adds its endpoints to. */
export type NetworkRouter = ReturnType<typeof moduleRouter>;

const tags = ['network'];

/**
 * The support network's configuration (no personal data): tenants, municipalities, regions, centres,
 * organisations and people. Reads are open to every role of the prefecture; writes to its administrators.
 */
export function networkRoutes(deps: Deps) {
  const r = moduleRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/prefectures',
      tags,
      summary: 'Prefectures served (tenants) / 利用中の都道府県',
      responses: jsonOk(ZListPrefecturesResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(await listPrefectures(deps.db.systemDb, listablePrefectures(actor)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/prefectures',
      tags,
      summary: 'Enable a prefecture as a tenant (system administrators) / 都道府県の追加',
      request: { body: jsonBody(ZCreatePrefectureRequest) },
      responses: jsonOk(ZPrefecture),
    }),
    async (c) => {
      const actor = requireActor(c);
      if (!canManagePrefectures(actor)) throw new AppError('forbidden');
      const { code } = c.req.valid('json');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const row = await deps.db.systemDb.transaction((tx) => enablePrefecture(tx, who, code));
      return c.json(row, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities',
      tags,
      summary: "The prefecture's municipalities and their current region / 市町村と所属圏域",
      request: { query: ZTenantQuery },
      responses: jsonOk(ZListMunicipalitiesResponse),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'read', c.req.valid('query').prefecture);
      return c.json(await listMunicipalities(deps.db.systemDb, t.prefectureCode), 200);
    },
  );

  registerRegionRoutes(r, deps);
  registerCentreRoutes(r, deps);
  registerOrganisationRoutes(r, deps);
  registerPeopleRoutes(r, deps);
  return r;
}

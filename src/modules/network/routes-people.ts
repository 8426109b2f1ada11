import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { createPerson, findPerson, listPeople, updatePerson } from './people';
import type { NetworkRouter } from './routes';
import {
  ZCreatePersonRequest,
  ZListPeopleQuery,
  ZListPeopleResponse,
  ZPerson,
  ZTenantQuery,
  ZUpdatePersonRequest,
} from './schemas';
import { networkRequest } from './support';

const tags = ['network'];

/** People of the network: professional contacts such as coordinators (not children or families). */
export function registerPeopleRoutes(r: NetworkRouter, deps: Deps) {
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/people',
      tags,
      summary: 'People of the network / 支援者・コーディネーターの一覧',
      request: { query: ZListPeopleQuery },
      responses: jsonOk(ZListPeopleResponse),
    }),
    async (c) => {
      const { prefecture, ...filter } = c.req.valid('query');
      const t = await networkRequest(c, deps, 'read', prefecture);
      return c.json(await listPeople(db, t.prefectureCode, filter), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/people/{id}',
      tags,
      summary: 'One person of the network / 支援者',
      request: { params: ZIdParam, query: ZTenantQuery },
      responses: jsonOk(ZPerson),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'read', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const person = await findPerson(db, t.prefectureCode, id);
      if (!person) throw new AppError('not_found');
      return c.json(person, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/people',
      tags,
      summary: 'Add a person to the network / 支援者の登録',
      request: { query: ZTenantQuery, body: jsonBody(ZCreatePersonRequest) },
      responses: jsonOk(ZPerson),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const body = c.req.valid('json');
      const person = await mapConstraintErrors(() => db.transaction((tx) => createPerson(tx, t, body)));
      return c.json(person, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/people/{id}',
      tags,
      summary: 'Change a person of the network / 支援者の変更',
      request: { params: ZIdParam, query: ZTenantQuery, body: jsonBody(ZUpdatePersonRequest) },
      responses: jsonOk(ZPerson),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const body = c.req.valid('json');
      const person = await mapConstraintErrors(() => db.transaction((tx) => updatePerson(tx, t, id, body)));
      return c.json(person, 200);
    },
  );
}

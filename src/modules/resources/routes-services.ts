import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, ZIdParam } from '../../server/openapi';
import { recordAudit } from '../audit/record';
import { issueProviderLinks } from './links';
import { listServices } from './list';
import { createOrganization, findOrganization, listOrganizations, updateOrganization } from './organizations';
import { findService, serviceOut } from './queries';
import {
  type ProviderEdit,
  ZConfirmService,
  ZCreateOrganization,
  ZCreateService,
  ZListOrganizationsQuery,
  ZListServicesQuery,
  ZOrganization,
  ZOrganizationList,
  ZProviderLink,
  ZService,
  ZServiceList,
  ZServiceProviderEdit,
  ZUpdateOrganization,
  ZUpdateService,
} from './schemas-service';
import { resourceCaller, resourceWriter } from './support';
import { correctService, createService, type ResourceWriter, updateService } from './write-service';

const tags = ['resources'];

/** A path id that is not a UUID names nothing: 404, as for an unknown id. */
function knownId(id: string): string {
  if (!isUuid(id)) throw new AppError('not_found');
  return id;
}

/** Directory management: organizations and services (staff; providers for their own listings). */
export function registerServiceRoutes(r: OpenAPIHono<AppEnv>, deps: Deps) {
  const db = deps.db.systemDb;

  /** The listing the caller may read, or 404 (also for a malformed id). */
  const readableService = async (w: ResourceWriter, id: string) => {
    const row = isUuid(id) ? await findService(db, w.prefectureCode, w.policy.read, id) : null;
    if (!row) throw new AppError('not_found');
    return row;
  };

  /** Corrects (no changes: only confirms) a listing as the signed-in user; the write audits in its transaction. */
  const correctAsUser = (w: ResourceWriter, id: string, changes: ProviderEdit, version: number) =>
    db.transaction(async (tx) => {
      const { row } = await correctService(tx, w, id, changes, version, {
        kind: 'user',
        userId: w.actor?.userId ?? null,
        by: w.actor?.displayName ?? null,
      });
      return serviceOut(tx, row, w.policy, w.at);
    });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/organizations',
      tags,
      summary: 'Organizations of the directory / 社会資源の法人・運営主体の一覧',
      request: { query: ZListOrganizationsQuery },
      responses: jsonOk(ZOrganizationList),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      return c.json(await listOrganizations(db, w, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{id}',
      tags,
      summary: 'One organization / 法人・運営主体',
      request: { params: ZIdParam },
      responses: jsonOk(ZOrganization),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      const { id } = c.req.valid('param');
      const org = isUuid(id) ? await findOrganization(db, w, id) : null;
      if (!org) throw new AppError('not_found');
      return c.json(org, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/organizations',
      tags,
      summary: 'Create an organization / 法人・運営主体の登録',
      request: { body: jsonBody(ZCreateOrganization) },
      responses: jsonOk(ZOrganization),
    }),
    async (c) => {
      const w = resourceWriter(c, deps);
      const body = c.req.valid('json');
      return c.json(await db.transaction((tx) => createOrganization(tx, w, body)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/organizations/{id}',
      tags,
      summary: 'Change an organization / 法人・運営主体の変更（version で楽観ロック）',
      request: { params: ZIdParam, body: jsonBody(ZUpdateOrganization) },
      responses: jsonOk(ZOrganization),
    }),
    async (c) => {
      const w = resourceCaller(c, deps); // 404 before 403: the write checks the action
      const id = knownId(c.req.valid('param').id);
      const body = c.req.valid('json');
      return c.json(await db.transaction((tx) => updateOrganization(tx, w, id, body)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/services',
      tags,
      summary: 'Services of the directory / 社会資源（サービス）の一覧',
      request: { query: ZListServicesQuery },
      responses: jsonOk(ZServiceList),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      return c.json(await listServices(db, w, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}',
      tags,
      summary: 'One service / 社会資源（サービス）の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZService),
    }),
    async (c) => {
      const w = resourceCaller(c, deps);
      const row = await readableService(w, c.req.valid('param').id);
      return c.json(await serviceOut(db, row, w.policy, w.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/services',
      tags,
      summary: 'Create a service / 社会資源（サービス）の登録',
      description:
        'The location municipality is read from the address when no code is given. Creating confirms the listing.',
      request: { body: jsonBody(ZCreateService) },
      responses: jsonOk(ZService),
    }),
    async (c) => {
      const w = resourceWriter(c, deps);
      const body = c.req.valid('json');
      return c.json(await db.transaction((tx) => createService(tx, w, body)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/services/{id}',
      tags,
      summary:
        'Change a service (staff) / 社会資源の変更（職員。version で楽観ロック、409 は現在の内容つき）',
      request: { params: ZIdParam, body: jsonBody(ZUpdateService) },
      responses: jsonOk(ZService),
    }),
    async (c) => {
      const w = resourceCaller(c, deps); // 404 before 403: the write checks the action
      const id = knownId(c.req.valid('param').id);
      const body = c.req.valid('json');
      return c.json(await db.transaction((tx) => updateService(tx, w, id, body)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/services/{id}',
      tags,
      summary:
        'Correct and confirm a service (staff or its provider) / 掲載内容の修正と確認（職員・当該事業所）',
      request: {
        params: ZIdParam,
        body: jsonBody(ZServiceProviderEdit.extend({ version: z.number().int() })),
      },
      responses: jsonOk(ZService),
    }),
    async (c) => {
      const w = resourceCaller(c, deps); // 404 before 403: the write checks the action
      const id = knownId(c.req.valid('param').id);
      const { version, ...changes } = c.req.valid('json');
      return c.json(await correctAsUser(w, id, changes, version), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/services/{id}/confirm',
      tags,
      summary: 'Confirm a service as it is / 掲載内容に変更なしとして確認',
      request: { params: ZIdParam, body: jsonBody(ZConfirmService) },
      responses: jsonOk(ZService),
    }),
    async (c) => {
      const w = resourceCaller(c, deps); // 404 before 403: the write checks the action
      const id = knownId(c.req.valid('param').id);
      const { version } = c.req.valid('json');
      return c.json(await correctAsUser(w, id, {}, version), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/services/{id}/link',
      tags,
      summary: 'Issue a one-time provider link (30 days) / 事業所用の確認リンクを発行（30日・1回限り）',
      description:
        'The link is shown once: staff copy it to the provider (no mail is sent). Earlier unused links die.',
      request: { params: ZIdParam },
      responses: jsonOk(ZProviderLink),
    }),
    async (c) => {
      const w = resourceCaller(c, deps); // 404 before 403: the write checks the action
      const row = await readableService(w, c.req.valid('param').id);
      const out = await serviceOut(db, row, w.policy, w.at);
      if (!out.allowed.issueLink) throw new AppError('forbidden');
      const [link] = await db.transaction(async (tx) => {
        const links = await issueProviderLinks(tx, [row.s], {
          createdBy: w.actor?.userId ?? null,
          now: w.at,
        });
        await recordAudit(tx, w, {
          action: 'configure',
          entityType: 'resource_service',
          entityIds: [row.s.id],
          detail: { event: 'provider_link_issued' },
        });
        return links;
      });
      return c.json(link!, 200);
    },
  );
}

import { createRoute, type z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor, RequestMeta } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import type { Who } from './issues';
import { createProject, listProjects, projectView, stopProject, updateProject } from './projects';
import {
  ZCreateProjectRequest,
  ZProject,
  ZProjectFigures,
  ZProjectList,
  ZProjectListQuery,
  ZStopProjectRequest,
  ZUpdateProjectRequest,
} from './schemas-projects';
import { issuePolicyFor } from './scope';
import { developmentFigures } from './summary';

const tags = ['development-projects'];

const created = (schema: z.ZodType) => ({
  201: { description: 'Created', content: { 'application/json': { schema } } },
  ...ERROR_RESPONSES,
});

/** Resource-development projects (社会資源の開発): list, figures, start, page, change, stop and resume. */
export function projectRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (actor: Actor, meta: RequestMeta): Who => ({ actor, meta, at: deps.now() });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Development projects with stage, operator, area and next step / 社会資源の開発の一覧',
      request: { query: ZProjectListQuery },
      responses: jsonOk(ZProjectList),
    }),
    async (c) => {
      const policy = await issuePolicyFor(db, requireActor(c));
      return c.json(await listProjects(db, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/figures',
      tags,
      summary: 'Openings per 年度 and projects by stage / 社会資源の開発の実績（年度別の開設数）',
      responses: jsonOk(ZProjectFigures),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await issuePolicyFor(db, actor);
      const figures = await developmentFigures(db, policy);
      await recordAudit(db, who(actor, c.get('meta')), {
        action: 'read',
        entityType: 'development_figures',
        entityIds: [],
      });
      return c.json(figures, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Start a development project (from an issue: the issue ends in it) / 社会資源の開発の開始',
      request: { body: jsonBody(ZCreateProjectRequest) },
      responses: created(ZProject),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const id = await db.transaction((tx) => createProject(tx, w, policy, c.req.valid('json')));
      return c.json(await projectView(db, w, policy, id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'A development project / 社会資源の開発の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZProject),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await issuePolicyFor(db, actor);
      return c.json(await projectView(db, who(actor, c.get('meta')), policy, c.req.valid('param').id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary:
        'Change a development project: stages, operator, listing (409 on a stale version) / 社会資源の開発の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateProjectRequest) },
      responses: jsonOk(ZProject),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateProject(tx, w, policy, id, c.req.valid('json')));
      return c.json(await projectView(db, w, policy, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/status',
      tags,
      summary: 'Stop or resume a development project / 社会資源の開発の中止・再開',
      request: { params: ZIdParam, body: jsonBody(ZStopProjectRequest) },
      responses: jsonOk(ZProject),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      await db.transaction((tx) => stopProject(tx, w, policy, id, c.req.valid('json')));
      return c.json(await projectView(db, w, policy, id), 200);
    },
  );

  return r;
}

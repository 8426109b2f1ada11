import { createRoute, type z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { courseView, learningOptions, listCourses } from './courses';
import { createCourse, replaceParts, setArchived, updateCourse } from './courses-writes';
import {
  ZCourse,
  ZCourseList,
  ZCourseListQuery,
  ZCreateCourseRequest,
  ZLearningOptions,
  ZReplacePartsRequest,
  ZUpdateCourseRequest,
  ZVersionRequest,
} from './schemas-courses';
import { learningPolicyFor, requireStaff } from './scope';

const tags = ['learning'];

const created = (schema: z.ZodType) => ({
  201: { description: 'Created', content: { 'application/json': { schema } } },
  ...ERROR_RESPONSES,
});

/** Courses (研修): options of the forms, list, page, create, change, parts, archive and restore. */
export function courseRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary:
        'Owners the caller may choose for a course or session / 研修の担当（本部・支部・圏域）の選択肢',
      responses: jsonOk(ZLearningOptions),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'read');
      return c.json(await learningOptions(db, policy), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/courses',
      tags,
      summary: 'Training courses with owner, sessions and next date / 研修の一覧',
      request: { query: ZCourseListQuery },
      responses: jsonOk(ZCourseList),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      return c.json(await listCourses(db, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/courses',
      tags,
      summary: 'Create a training course with its parts / 研修の作成',
      request: { body: jsonBody(ZCreateCourseRequest) },
      responses: created(ZCourse),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const id = await db.transaction((tx) => createCourse(tx, who, policy, c.req.valid('json')));
      return c.json(await courseView(db, policy, id, who.at), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/courses/{id}',
      tags,
      summary: 'A training course with its parts and sessions / 研修の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZCourse),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      return c.json(await courseView(db, policy, c.req.valid('param').id, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/courses/{id}',
      tags,
      summary: 'Change a training course (409 on a stale version) / 研修の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateCourseRequest) },
      responses: jsonOk(ZCourse),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateCourse(tx, who, policy, id, c.req.valid('json')));
      return c.json(await courseView(db, policy, id, who.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/courses/{id}/parts',
      tags,
      summary: 'Replace the parts of a course (days, lessons, assignment) / 研修の構成',
      request: { params: ZIdParam, body: jsonBody(ZReplacePartsRequest) },
      responses: jsonOk(ZCourse),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id } = c.req.valid('param');
      await db.transaction((tx) => replaceParts(tx, who, policy, id, c.req.valid('json')));
      return c.json(await courseView(db, policy, id, who.at), 200);
    },
  );

  for (const [path, archived, summary] of [
    ['/courses/{id}/archive', true, 'Archive a course / 研修の終了（アーカイブ）'],
    ['/courses/{id}/restore', false, 'Restore an archived course / 研修の再開'],
  ] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path,
        tags,
        summary,
        request: { params: ZIdParam, body: jsonBody(ZVersionRequest) },
        responses: jsonOk(ZCourse),
      }),
      async (c) => {
        const actor = requireWriter(c);
        const policy = await learningPolicyFor(db, actor);
        const who = { actor, meta: c.get('meta'), at: deps.now() };
        const { id } = c.req.valid('param');
        await db.transaction((tx) => setArchived(tx, who, policy, id, c.req.valid('json'), archived));
        return c.json(await courseView(db, policy, id, who.at), 200);
      },
    );
  }

  return r;
}

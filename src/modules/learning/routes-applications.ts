import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor, requireWriter } from '../accounts/middleware';
import { sessionApplicants } from './applicants';
import { applyContext, applyToSession, myApplications, requireLearner, type Who } from './apply';
import {
  ZApplicantsResponse,
  ZApplyContext,
  ZApplyRequest,
  ZMyApplications,
  ZOverrideRequest,
  ZRunSelectionRequest,
  ZStaffCancelRequest,
  ZVersionBody,
} from './schemas-applications';
import { learningPolicyFor, requireStaff } from './scope';
import { announceSelection, learnerCancel, overrideSeat, runSelection, staffCancel } from './selection-run';

const tags = ['learning'];
const ZDone = z
  .object({ ok: z.literal(true), movedUp: z.string().nullable().optional() })
  .openapi('LearningDone');
const ZCreated = z.object({ id: z.string() }).openapi('TrainingApplicationCreated');

/**
 * Applications and the balanced selection (MI-5, docs/learning.md §3): learners apply and see their own;
 * staff who manage the session see its applicants, run and announce the selection, override a seat with a
 * reason and cancel. Out of the actor's area answers 404 (scope.ts).
 */
export function applicationRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const whoOf = (c: { get(k: 'meta'): Who['meta'] }, actor: Who['actor']): Who => ({
    actor,
    meta: c.get('meta'),
    at: deps.now(),
    mail: deps.config.mail,
  });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/applications',
      tags,
      summary: 'My training applications / 自分の研修申し込み',
      responses: jsonOk(ZMyApplications),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      return c.json({ items: await myApplications(db, actor) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/me/applications/{id}/cancel',
      tags,
      summary: 'Cancel my application / 申し込みの取り消し',
      request: { params: ZIdParam, body: jsonBody(ZVersionBody) },
      responses: jsonOk(ZDone),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const movedUp = await db.transaction((tx) => learnerCancel(tx, whoOf(c, actor), id, version));
      return c.json({ ok: true as const, movedUp }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/apply',
      tags,
      summary: 'The apply form of a session / 申込フォーム',
      request: { params: ZIdParam },
      responses: jsonOk(ZApplyContext),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      return c.json(await applyContext(db, actor, c.req.valid('param').id, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/apply',
      tags,
      summary: 'Apply to a session / 研修に申し込む',
      request: { params: ZIdParam, body: jsonBody(ZApplyRequest) },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: ZCreated } } } },
    }),
    async (c) => {
      const actor = requireActor(c);
      requireLearner(actor);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const created = await db.transaction((tx) => applyToSession(tx, whoOf(c, actor), id, body));
      return c.json({ id: created }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/applicants',
      tags,
      summary: 'Applicants of a session and its selection / 申込者と選考結果',
      request: { params: ZIdParam },
      responses: jsonOk(ZApplicantsResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const id = c.req.valid('param').id;
      const out = await db.transaction((tx) => sessionApplicants(tx, whoOf(c, actor), policy, id));
      return c.json(out, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/selection',
      tags,
      summary: 'Run the balanced selection / 選考を実行',
      request: { params: ZIdParam, body: jsonBody(ZRunSelectionRequest) },
      responses: jsonOk(ZDone),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.transaction((tx) => runSelection(tx, whoOf(c, actor), policy, id, body));
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/selection/announce',
      tags,
      summary: 'Announce the results to the applicants / 選考結果を通知',
      request: { params: ZIdParam, body: jsonBody(ZVersionBody) },
      responses: jsonOk(ZDone),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      await db.transaction((tx) => announceSelection(tx, whoOf(c, actor), policy, id, version));
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/applications/{id}/override',
      tags,
      summary: 'Give or withdraw a seat with a reason / 職員の判断による決定',
      request: { params: ZIdParam, body: jsonBody(ZOverrideRequest) },
      responses: jsonOk(ZDone),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.transaction((tx) => overrideSeat(tx, whoOf(c, actor), policy, id, body));
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/applications/{id}/cancel',
      tags,
      summary: 'Cancel an application for the applicant / 申し込みの取り消し（職員）',
      request: { params: ZIdParam, body: jsonBody(ZStaffCancelRequest) },
      responses: jsonOk(ZDone),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const movedUp = await db.transaction((tx) => staffCancel(tx, whoOf(c, actor), policy, id, body));
      return c.json({ ok: true as const, movedUp }, 200);
    },
  );

  return r;
}

import { createRoute, type z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor, RequestMeta } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { candidateConsultations, visibleConsultation } from './evidence';
import { answerIssue, closeIssue, moveIssue, reopenIssue } from './issue-flow';
import {
  editableIssue,
  issueView,
  linkConsultation,
  listIssues,
  unlinkConsultation,
  updateIssue,
  type Who,
} from './issues';
import { createIssue, issueOptions } from './raise';
import {
  ZAnswerIssueRequest,
  ZCandidateQuery,
  ZCandidates,
  ZCloseIssueRequest,
  ZConsultationParam,
  ZCreateIssueRequest,
  ZIssue,
  ZIssueList,
  ZIssueListQuery,
  ZIssueOptions,
  ZLinkConsultationRequest,
  ZMoveIssueRequest,
  ZReopenIssueRequest,
  ZUpdateIssueRequest,
} from './schemas';
import { issuePolicyFor, readableIssue } from './scope';

const tags = ['regional-issues'];

const created = (schema: z.ZodType) => ({
  201: { description: 'Created', content: { 'application/json': { schema } } },
  ...ERROR_RESPONSES,
});

/** Regional issues (地域課題): options, list, page, raise, change, the moves, evidence. */
export function issueRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (actor: Actor, meta: RequestMeta): Who => ({ actor, meta, at: deps.now() });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary: 'Regions, municipalities and owners the caller may choose / 地域課題の選択肢',
      responses: jsonOk(ZIssueOptions),
    }),
    async (c) => {
      const policy = await issuePolicyFor(db, requireActor(c));
      return c.json(await issueOptions(db, policy), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Regional issues with level, region, age, owner and next step / 地域課題の一覧',
      request: { query: ZIssueListQuery },
      responses: jsonOk(ZIssueList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await issuePolicyFor(db, actor);
      return c.json(await listIssues(db, actor, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Raise a regional issue / 地域課題の提起',
      request: { body: jsonBody(ZCreateIssueRequest) },
      responses: created(ZIssue),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const id = await db.transaction((tx) => createIssue(tx, w, policy, c.req.valid('json')));
      return c.json(await issueView(db, w, policy, id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'A regional issue with its evidence, history and projects / 地域課題の詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZIssue),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await issuePolicyFor(db, actor);
      return c.json(await issueView(db, who(actor, c.get('meta')), policy, c.req.valid('param').id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change a regional issue (409 on a stale version) / 地域課題の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateIssueRequest) },
      responses: jsonOk(ZIssue),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateIssue(tx, w, policy, id, c.req.valid('json')));
      return c.json(await issueView(db, w, policy, id), 200);
    },
  );

  const moves = [
    ['move', ZMoveIssueRequest, moveIssue, 'Carry an issue up or send it back / 地域課題を上げる・差し戻す'],
    ['answer', ZAnswerIssueRequest, answerIssue, 'Record the prefecture’s answer / 県の回答を記録'],
    ['close', ZCloseIssueRequest, closeIssue, 'End a regional issue with an outcome / 地域課題の終了'],
    ['reopen', ZReopenIssueRequest, reopenIssue, 'Reopen an ended issue / 地域課題の再開'],
  ] as const;
  for (const [path, schema, action, summary] of moves) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/{id}/${path}`,
        tags,
        summary,
        request: { params: ZIdParam, body: jsonBody(schema as z.ZodType) },
        responses: jsonOk(ZIssue),
      }),
      async (c) => {
        const actor = requireWriter(c);
        const policy = await issuePolicyFor(db, actor);
        const w = who(actor, c.get('meta'));
        const { id } = c.req.valid('param');
        const body = c.req.valid('json') as never;
        await db.transaction((tx) => (action as (...a: unknown[]) => Promise<void>)(tx, w, policy, id, body));
        return c.json(await issueView(db, w, policy, id), 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/candidates',
      tags,
      summary: 'Consultations the caller sees that could be linked as evidence / 根拠に加えられる相談',
      request: { params: ZIdParam, query: ZCandidateQuery },
      responses: jsonOk(ZCandidates),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const issue = await readableIssue(db, policy, c.req.valid('param').id);
      const items = await candidateConsultations(db, actor, issue, w.at, c.req.valid('query').q);
      await recordAudit(db, w, {
        action: 'search',
        entityType: 'regional_issue',
        entityIds: [issue.id],
        detail: { consultations: items.map((i) => i.id) },
      });
      return c.json({ items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/consultations',
      tags,
      summary: 'Link a consultation as evidence / 相談を根拠に追加',
      request: { params: ZIdParam, body: jsonBody(ZLinkConsultationRequest) },
      responses: jsonOk(ZIssue),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      await db.transaction(async (tx) => {
        const issue = await editableIssue(tx, policy, id);
        const consultation = await visibleConsultation(tx, actor, c.req.valid('json').consultationId);
        await linkConsultation(tx, w, issue, consultation.id);
      });
      return c.json(await issueView(db, w, policy, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/consultations/{consultationId}',
      tags,
      summary: 'Remove a consultation from the evidence / 根拠の相談を外す',
      request: { params: ZConsultationParam },
      responses: jsonOk(ZIssue),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await issuePolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id, consultationId } = c.req.valid('param');
      await db.transaction(async (tx) => {
        const issue = await editableIssue(tx, policy, id);
        const consultation = await visibleConsultation(tx, actor, consultationId).catch(() => {
          throw new AppError('not_found');
        });
        await unlinkConsultation(tx, w, issue, consultation.id);
      });
      return c.json(await issueView(db, w, policy, id), 200);
    },
  );

  return r;
}

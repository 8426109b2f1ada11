import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DbOrTx } from '../../db/client';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { reachConsultation, type Writer, writerOf } from './access';
import { createConsultation } from './create-consultation';
import { consultationDetail } from './detail';
import { decideHandoff, requestHandoff } from './hand-off-consultation';
import { listConsultations } from './queries';
import { replyToFamily, ZReplyRequest } from './reply';
import {
  ZAddActionRequest,
  ZCloseRequest,
  ZConsultationDetail,
  ZCreateConsultationRequest,
  ZHandoffDecisionRequest,
  ZHandoffParams,
  ZHandoffRequest,
  ZListConsultationsQuery,
  ZListConsultationsResponse,
  ZUpdateConsultationRequest,
} from './schemas';
import { actorTeams } from './teams';
import { addConsultationAction, closeConsultation, updateConsultation } from './update-consultation';

const tags = ['consultations'];

/** Why the page is read: on screen, or printed (kept in the audit entry). */
const ZDetailQuery = z.object({ purpose: z.enum(['page', 'print']).optional() });

function created<T extends z.ZodType>(schema: T) {
  return {
    201: { description: 'Created', content: { 'application/json': { schema } } },
    ...ERROR_RESPONSES,
  } as const;
}

/** The page after a write, as the actor now sees it (a hand-off it made may have taken the case away). */
async function afterWrite(tx: DbOrTx, w: Writer, id: string) {
  const reached = await reachConsultation(tx, w.actor, id);
  if (!reached) return null;
  return consultationDetail(tx, reached, w.today, w.actor, { mailOn: w.mailOn });
}

/**
 * Intake, queues, the consultation page and its writes. Each write is one transaction with its history and
 * audit entry; a read of the page is audited before the answer leaves. Mounted after the fixed paths.
 */
export function consultationCaseRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  /** Runs a write and answers the page (or 200 with `{id, visible:false}` when the case left the actor's sight). */
  const write = async (
    c: Context<AppEnv>,
    run: (tx: DbOrTx, w: Writer) => Promise<string>,
    status: 200 | 201,
  ) => {
    // Read-only roles are refused by each action after the case is reached through the scope (reachFor,
    // createConsultation): out of scope answers 404 before any 403, as for every record.
    const w = writerOf(c, deps);
    const detail = await mapConstraintErrors(
      () =>
        db.transaction(async (tx) => {
          const id = await run(tx, w);
          return (await afterWrite(tx, w, id)) ?? { id, visible: false };
        }),
      'conflict',
    );
    // One helper serves routes of different response types: the typed check is the schema above each route.
    return c.json(detail as never, status) as never;
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Consultations and queues (mine, team, overdue, hand-off inbox) / 相談一覧・キュー',
      request: { query: ZListConsultationsQuery },
      responses: jsonOk(ZListConsultationsResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const now = deps.now();
      const teams = await actorTeams(db, actor);
      const { items, total, ids } = await listConsultations(db, actor, q, teams, isoDateInJapan(now));
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: 'search',
          entityType: 'consultation',
          entityIds: ids,
          detail: { filters: { ...q }, total },
        },
      );
      return c.json({ items, total, page: q.page, pageSize: q.pageSize }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Record a consultation (intake) / 相談の受付',
      request: { body: jsonBody(ZCreateConsultationRequest) },
      responses: created(ZConsultationDetail),
    }),
    (c) => write(c, (tx, w) => createConsultation(tx, w, c.req.valid('json')), 201),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One consultation with its timeline, hand-offs and shares / 相談の詳細',
      description: '`purpose=print` marks the read in the audit log as a printout (印刷).',
      request: { params: ZIdParam, query: ZDetailQuery },
      responses: jsonOk(ZConsultationDetail),
    }),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.now();
      const reached = await reachConsultation(db, actor, c.req.valid('param').id);
      if (!reached) throw new AppError('not_found');
      const detail = await consultationDetail(db, reached, isoDateInJapan(now), actor, {
        mailOn: Boolean(deps.config.mail),
      });
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: 'read',
          entityType: 'consultation',
          entityIds: [detail.id, ...(detail.child.childId ? [detail.child.childId] : [])],
          detail: {
            childDetailsShown: !detail.child.detailsHidden && detail.child.kind === 'registered',
            purpose: c.req.valid('query').purpose ?? 'page',
          },
        },
      );
      return c.json(detail, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change a consultation; a stale version answers 409 with the current one / 相談の変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateConsultationRequest) },
      responses: jsonOk(ZConsultationDetail),
    }),
    (c) => write(c, (tx, w) => updateConsultation(tx, w, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/actions',
      tags,
      summary: 'Add to the timeline (call, visit, referral with follow-up, …) / 対応記録の追加',
      request: { params: ZIdParam, body: jsonBody(ZAddActionRequest) },
      responses: created(ZConsultationDetail),
    }),
    (c) =>
      write(c, (tx, w) => addConsultationAction(tx, w, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reply',
      tags,
      summary: 'Reply by mail to the family that asked on the public form / 相談者へメールで返信',
      description:
        'Mails a short text written by staff to the address left on the public form and records it on the timeline. 400 for an empty or too long subject or text, or a subject with a line break; 409 `mail_off` when this deployment sends no mail, `reply_no_address` without an address.',
      request: { params: ZIdParam, body: jsonBody(ZReplyRequest) },
      responses: created(ZConsultationDetail),
    }),
    (c) =>
      write(
        c,
        (tx, w) => replyToFamily(tx, w, deps.config.mail, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/close',
      tags,
      summary: 'Close with an outcome / 相談の終結',
      request: { params: ZIdParam, body: jsonBody(ZCloseRequest) },
      responses: jsonOk(ZConsultationDetail),
    }),
    (c) => write(c, (tx, w) => closeConsultation(tx, w, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/handoffs',
      tags,
      summary: 'Ask for a hand-off (移管), back-up (後方支援) or a supervise team / 移管・後方支援の依頼',
      request: { params: ZIdParam, body: jsonBody(ZHandoffRequest) },
      responses: created(ZConsultationDetail),
    }),
    (c) => write(c, (tx, w) => requestHandoff(tx, w, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/handoffs/{handoffId}/{decision}',
      tags,
      summary: 'Accept, decline (with a reason) or withdraw a request / 依頼の受諾・辞退・取り下げ',
      request: { params: ZHandoffParams, body: jsonBody(ZHandoffDecisionRequest) },
      responses: jsonOk(ZConsultationDetail.or(z.object({ id: z.string(), visible: z.literal(false) }))),
    }),
    (c) => {
      const p = c.req.valid('param');
      return write(
        c,
        (tx, w) => decideHandoff(tx, w, p.id, p.handoffId, p.decision, c.req.valid('json').reason ?? null),
        200,
      );
    },
  );

  return r;
}

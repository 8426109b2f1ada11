import { createRoute, type z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { acceptRegistration } from './accept';
import { mergeRegistration } from './merge';
import { bestMatches, findRegistration, listRegistrations } from './queries';
import { rejectRegistration } from './reject';
import {
  ZAcceptRegistrationRequest,
  ZDecideRegistrationResponse,
  ZListRegistrationsQuery,
  ZListRegistrationsResponse,
  ZMergeRegistrationRequest,
  ZRegistrationDetail,
  ZRejectRegistrationRequest,
} from './schemas-review';
import { requireReviewer } from './scope';
import { findSuggestions } from './suggestions';

const tags = ['registrations'];

const decision = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params: ZIdParam, body: jsonBody(body) },
    responses: jsonOk(ZDecideRegistrationResponse),
  });

/**
 * The review queue (centre administrators and staff, regional coordinators; others 403). Registrations outside
 * the reviewer's area answer 404. Reads and decisions are audited.
 */
export function reviewRoutes(deps: Deps) {
  const r = moduleRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Registrations to review / 登録申請の一覧（審査キュー）',
      request: { query: ZListRegistrationsQuery },
      responses: jsonOk(ZListRegistrationsResponse),
    }),
    async (c) => {
      const actor = requireReviewer(requireActor(c));
      const query = c.req.valid('query');
      const db = deps.db.systemDb;
      const listed = await listRegistrations(db, actor, query);
      const matches = await bestMatches(
        db,
        actor,
        listed.items.map((i) => i.id),
      );
      const page = {
        ...listed,
        items: listed.items.map((i) => ({ ...i, bestMatch: matches.get(i.id) ?? null })),
      };
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'search',
          entityType: 'registration',
          entityIds: page.items.map((i) => i.id),
          detail: { filter: { status: query.status }, total: page.total },
        },
      );
      return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One registration with suggested existing records / 登録申請と既存記録の候補',
      request: { params: ZIdParam },
      responses: jsonOk(ZRegistrationDetail),
    }),
    async (c) => {
      const actor = requireReviewer(requireActor(c));
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const db = deps.db.systemDb;
      const reg = await findRegistration(db, actor, id);
      if (!reg) throw new AppError('not_found');
      const pending = reg.status === 'pending';
      const suggestions = pending ? await findSuggestions(db, actor, reg.prefectureCode, reg.payload) : [];
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      await recordAudit(db, who, { action: 'read', entityType: 'registration', entityIds: [reg.id] });
      if (suggestions.length) {
        await recordAudit(db, who, {
          action: 'search',
          entityType: 'child',
          entityIds: suggestions.map((s) => s.child.id),
          detail: { purpose: 'registration_match', registrationId: reg.id },
        });
      }
      const { submittedAt, reviewedAt, ...rest } = reg;
      return c.json(
        {
          registration: {
            ...rest,
            submittedAt: submittedAt.toISOString(),
            reviewedAt: reviewedAt?.toISOString() ?? null,
          },
          suggestions,
          can: { decide: pending },
        },
        200,
      );
    },
  );

  r.openapi(
    decision('/{id}/accept', 'Accept as a new child record / 新規登録として受理', ZAcceptRegistrationRequest),
    async (c) => {
      const actor = requireReviewer(requireActor(c));
      const body = c.req.valid('json');
      const result = await acceptRegistration(deps, actor, c.get('meta'), c.req.valid('param').id, body.note);
      return c.json(result, 200);
    },
  );

  r.openapi(
    decision(
      '/{id}/merge',
      'Merge into an existing child record / 既存の記録に統合',
      ZMergeRegistrationRequest,
    ),
    async (c) => {
      const actor = requireReviewer(requireActor(c));
      const body = c.req.valid('json');
      const result = await mergeRegistration(deps, actor, c.get('meta'), c.req.valid('param').id, body);
      return c.json(result, 200);
    },
  );

  r.openapi(decision('/{id}/reject', 'Reject / 却下', ZRejectRegistrationRequest), async (c) => {
    const actor = requireReviewer(requireActor(c));
    const body = c.req.valid('json');
    const result = await rejectRegistration(deps, actor, c.get('meta'), c.req.valid('param').id, body.reason);
    return c.json(result, 200);
  });

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { declareEvent, endEvent, listEvents, presentEvents, signOffReview } from './events';
import type { outageReads } from './list-reads';
import { openRecord } from './openings';
import { OUTAGE_PAGE } from './outage';
import { eventState, mayAdminister, mayOpen, mayRecordChecks } from './policy';
import { accessReview } from './review';
import {
  ZDeclareEvent,
  ZEvent,
  ZEventList,
  ZEventOutageQuery,
  ZOpen,
  ZOpenedRecord,
  ZOutageList,
  ZReview,
  ZSignOff,
  ZVersion,
} from './schemas';
import { eventCodesInArea, requireDisasterReader, visibleEvent } from './scope';

const tags = ['disaster-events'];

/** Declared events (break-glass, docs/disaster.md §5): declare, read, the event's outage list, open, end, review. */
export function eventRoutes(deps: Deps, readOutage: ReturnType<typeof outageReads>) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor) => ({ actor, meta: c.get('meta'), at: deps.now() });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Declared events of the reader’s area / 災害対応（発令）の一覧',
      responses: jsonOk(ZEventList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const list = await listEvents(db, actor, p, deps.now());
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'disaster_event',
        entityIds: list.items.map((e) => e.id),
        detail: { count: list.items.length },
      });
      return c.json(list, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Declare a disaster for areas and a period, with a reason / 災害対応の発令',
      request: { body: jsonBody(ZDeclareEvent) },
      responses: jsonOk(ZEvent),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const p = requireDisasterReader(actor);
      if (!mayAdminister(p)) throw new AppError('forbidden');
      const body = c.req.valid('json');
      const event = await db.transaction(async (tx) => {
        const id = await declareEvent(tx, who(c, actor), p, body);
        const row = await visibleEvent(tx, p, id);
        return (await presentEvents(tx, actor, p, [row], deps.now()))[0]!;
      });
      return c.json(event, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One declared event / 災害対応（発令）',
      request: { params: ZIdParam },
      responses: jsonOk(ZEvent),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const row = await visibleEvent(db, p, c.req.valid('param').id);
      const [event] = await presentEvents(db, actor, p, [row], deps.now());
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'disaster_event',
        entityIds: [row.id],
      });
      return c.json(event!, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/outage',
      tags,
      summary: 'The outage list of a declared event: its areas since its start / 災害対応の要確認リスト',
      request: { params: ZIdParam, query: ZEventOutageQuery },
      responses: jsonOk(ZOutageList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const q = c.req.valid('query');
      const now = deps.now();
      const event = await visibleEvent(db, p, c.req.valid('param').id);
      const codes = await eventCodesInArea(db, p, event);
      // Unnamed rows are listed while the event is in force; afterwards only what consent allows.
      const inForce = eventState(event, now) === 'active';
      const { list, shelters } = await readOutage({
        prefectureCode: p.prefectureCode,
        codes,
        since: event.startsAt,
        now,
        userId: actor.userId,
        eventId: inForce ? event.id : null,
        limit: q.limit ?? OUTAGE_PAGE,
      });
      await recordAudit(db, who(c, actor), {
        action: q.purpose === 'print' ? 'export' : 'read',
        entityType: 'disaster_outage_list',
        entityIds: [event.id, ...list.rows.filter((x) => x.named).map((x) => x.childId)],
        detail: {
          ...(q.purpose === 'print' ? { event: 'print' } : {}),
          eventId: event.id,
          municipalities: codes,
          rows: list.rows.length,
          total: list.total,
        },
      });
      return c.json(
        {
          since: event.startsAt.toISOString(),
          asOf: now.toISOString(),
          eventId: event.id,
          mayOpen: mayOpen(p, actor.userId, event, now),
          mayRecordChecks: mayRecordChecks(p),
          ...list,
          shelters,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/openings',
      tags,
      summary: 'Open a record beyond the usual consent under the event, with a reason / 理由を記録して開く',
      request: { params: ZIdParam, body: jsonBody(ZOpen) },
      responses: jsonOk(ZOpenedRecord),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const p = requireDisasterReader(actor);
      const body = c.req.valid('json');
      const opened = await db.transaction((tx) =>
        openRecord(tx, who(c, actor), p, c.req.valid('param').id, body),
      );
      return c.json(opened, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/end',
      tags,
      summary: 'End a declared event before its end time / 災害対応の終了',
      request: { params: ZIdParam, body: jsonBody(ZVersion) },
      responses: jsonOk(ZEvent),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const p = requireDisasterReader(actor);
      const { version } = c.req.valid('json');
      const id = c.req.valid('param').id;
      const event = await db.transaction(async (tx) => {
        await endEvent(tx, who(c, actor), p, id, version);
        return (await presentEvents(tx, actor, p, [await visibleEvent(tx, p, id)], deps.now()))[0]!;
      });
      return c.json(event, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/review',
      tags,
      summary: 'The access review of an event: who opened what and why / 閲覧記録の確認',
      request: { params: ZIdParam },
      responses: jsonOk(ZReview),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const review = await accessReview(db, actor, p, c.req.valid('param').id, deps.now());
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'disaster_access_review',
        entityIds: [review.event.id],
        detail: { count: review.openings.length },
      });
      return c.json(review, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/review/sign-off',
      tags,
      summary: 'Sign off the access review of an ended event / 閲覧記録の確認の承認',
      request: { params: ZIdParam, body: jsonBody(ZSignOff) },
      responses: jsonOk(ZEvent),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const p = requireDisasterReader(actor);
      const body = c.req.valid('json');
      const id = c.req.valid('param').id;
      const event = await db.transaction(async (tx) => {
        await signOffReview(tx, who(c, actor), p, id, body);
        return (await presentEvents(tx, actor, p, [await visibleEvent(tx, p, id)], deps.now()))[0]!;
      });
      return c.json(event, 200);
    },
  );

  return r;
}

import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { municipalities, users } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { outageReads } from './list-reads';
import { OUTAGE_PAGE } from './outage';
import { mayRecordChecks, RESPONDER_ROLES } from './policy';
import { eventRoutes } from './routes-events';
import { recordCheck } from './safety';
import {
  ZOutageList,
  ZOutageQuery,
  ZRecordCheck,
  ZResponderCandidates,
  ZSafetyCheck,
  ZShelters,
  ZSheltersQuery,
} from './schemas';
import { requireDisasterReader, resolveAreas } from './scope';
import { sheltersFor } from './shelters';

const tags = ['disaster-events'];

/**
 * Outage lists, safety checks, shelters and declared events (docs/disaster.md §4–6). Roles without outage lists
 * get 403 before anything is read; a municipality, region, event or child outside the reader's area answers 404.
 */
export function disasterEventRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor) => ({ actor, meta: c.get('meta'), at: deps.now() });
  // One shared read per app for both outage lists (the area's and an event's, routes-events.ts).
  const readOutage = outageReads(db);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/outage',
      tags,
      summary:
        'The outage list of chosen municipalities or regions since the power went out / 停電時の要確認リスト',
      request: { query: ZOutageQuery },
      responses: jsonOk(ZOutageList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const q = c.req.valid('query');
      const now = deps.now();
      const since = new Date(q.since);
      if (since.getTime() > now.getTime()) throw new AppError('disaster_outage_in_future');
      const areas = await resolveAreas(db, p, { municipalityCodes: q.municipalities, regionIds: q.regions });
      const { list, shelters } = await readOutage({
        prefectureCode: p.prefectureCode,
        codes: areas.codes,
        since,
        now,
        userId: actor.userId,
        eventId: null,
        limit: q.limit ?? OUTAGE_PAGE,
      });
      await recordAudit(db, who(c, actor), {
        action: q.purpose === 'print' ? 'export' : 'read',
        entityType: 'disaster_outage_list',
        entityIds: list.rows.filter((x) => x.named).map((x) => x.childId),
        detail: {
          ...(q.purpose === 'print' ? { event: 'print' } : {}),
          municipalities: areas.codes,
          rows: list.rows.length,
          total: list.total,
        },
      });
      return c.json(
        {
          since: since.toISOString(),
          asOf: now.toISOString(),
          eventId: null,
          mayOpen: false,
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
      method: 'get',
      path: '/shelters',
      tags,
      summary:
        'Shelters with power, pre-emptive admission and charging points of the areas / 福祉避難所・予防的入院・充電',
      request: { query: ZSheltersQuery },
      responses: jsonOk(ZShelters),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const q = c.req.valid('query');
      const areas = await resolveAreas(db, p, { municipalityCodes: q.municipalities, regionIds: q.regions });
      const items = await sheltersFor(db, p.prefectureCode, areas.codes, q.kind ?? null);
      await recordAudit(db, who(c, actor), {
        action: 'search',
        entityType: 'disaster_shelters',
        entityIds: [],
        detail: { municipalities: areas.codes, count: items.length, ...(q.kind ? { kind: q.kind } : {}) },
      });
      return c.json({ items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/safety-checks',
      tags,
      summary: 'Record a safety check of a child on the outage list / 安否確認の記録',
      request: { body: jsonBody(ZRecordCheck) },
      responses: jsonOk(ZSafetyCheck),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const p = requireDisasterReader(actor);
      const body = c.req.valid('json');
      const check = await db.transaction((tx) => recordCheck(tx, who(c, actor), p, body));
      return c.json(check, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/responders',
      tags,
      summary: 'Staff who may be named responders of an event / 対応者に指定できる職員',
      responses: jsonOk(ZResponderCandidates),
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = requireDisasterReader(actor);
      const rows = await db
        .select({
          userId: users.id,
          name: users.displayName,
          role: users.role,
          municipalityCode: users.scopeMunicipalityCode,
          municipalityName: municipalities.name,
        })
        .from(users)
        .leftJoin(municipalities, eq(municipalities.code, users.scopeMunicipalityCode))
        .where(
          and(
            eq(users.prefectureCode, p.prefectureCode),
            inArray(users.role, [...RESPONDER_ROLES]),
            isNull(users.disabledAt),
          ),
        )
        .orderBy(asc(users.role), asc(users.displayName))
        .limit(1000);
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'disaster_event',
        entityIds: [],
        detail: { view: 'responders', count: rows.length },
      });
      return c.json(
        {
          items: rows.map((u) => ({
            userId: u.userId,
            name: u.name,
            role: u.role,
            scopeLabel: u.municipalityName ?? '',
          })),
        },
        200,
      );
    },
  );

  r.route('/events', eventRoutes(deps, readOutage));
  return r;
}

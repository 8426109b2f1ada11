/** Reads of training requests: the list's rows and the request page (requests.ts changes them). */

import type { z } from '@hono/zod-openapi';
import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  children,
  resourceOrganizations,
  trainingRequestEntries,
  trainingRequests,
  trainingSessions,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { ownerNames, ownerView } from './queries';
import { type RequestAccess, requestScope } from './requests-access';
import { centreActions, daysBetweenInJapan, OPEN_REQUEST_STATUSES } from './requests-rules';
import type { ZRequestListQuery } from './requests-schemas';

export const REQUEST_PAGE_SIZE = 50;

const r = trainingRequests;
const lastEntry = sql<Date | null>`(select max(e.created_at) from training_request_entries e where e.request_id = ${r.id})`;
const lastSide = sql<
  string | null
>`(select e.side from training_request_entries e where e.request_id = ${r.id} and e.kind = 'message' order by e.seq desc limit 1)`;
const handler = sql<string | null>`(select u.display_name from users u where u.id = ${r.handlerUserId})`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

async function rows(
  db: DbOrTx,
  access: RequestAccess,
  where: SQL | undefined,
  now: Date,
  page?: { limit: number; offset: number },
) {
  const cond = and(requestScope(access), where);
  const q = db
    .select({
      req: r,
      lastEntryAt: lastEntry,
      lastSide,
      handlerName: handler,
      sessionTitle: trainingSessions.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(r)
    .leftJoin(trainingSessions, eq(trainingSessions.id, r.sessionId))
    .where(cond)
    .orderBy(sql`case when ${r.status} in ('done', 'declined') then 1 else 0 end`, r.createdAt, r.id);
  const found = page ? await q.limit(page.limit).offset(page.offset) : await q;
  const names = await ownerNames(db, found[0]?.req.prefectureCode ?? '00');
  const centre = access.side === 'centre';
  return {
    total: found[0]?.total ?? 0,
    rows: found.map((f) => {
      const open = (OPEN_REQUEST_STATUSES as readonly string[]).includes(f.req.status);
      const last = f.lastEntryAt ? new Date(f.lastEntryAt) : null;
      return {
        req: f.req,
        view: {
          id: f.req.id,
          requesterKind: f.req.requesterKind,
          requesterName: f.req.requesterName,
          courseKind: f.req.courseKind,
          askedFor: f.req.askedFor,
          status: f.req.status,
          source: f.req.source,
          createdAt: f.req.createdAt.toISOString(),
          lastEntryAt: last?.toISOString() ?? null,
          daysWaiting: open ? daysBetweenInJapan(f.req.createdAt, now) : null,
          awaitingCentre:
            open && (f.lastSide === null ? f.req.status === 'received' : f.lastSide === 'requester'),
          // The requester sees that the centre handles it, not which branch or who.
          owner: centre ? ownerView(f.req, names) : null,
          handlerName: centre ? f.handlerName : null,
          sessionTitle: f.sessionTitle,
        },
      };
    }),
  };
}

/** The requests the caller sees, open ones first and the oldest first, a page at a time. */
export async function listRequests(
  db: DbOrTx,
  access: RequestAccess,
  query: z.infer<typeof ZRequestListQuery>,
  now: Date,
  userId: string,
) {
  const conds: (SQL | undefined)[] = [];
  const status = query.status ?? 'open';
  if (status === 'open') conds.push(inArray(r.status, [...OPEN_REQUEST_STATUSES]));
  else if (status === 'closed') conds.push(inArray(r.status, ['done', 'declined']));
  else if (status !== 'all') conds.push(eq(r.status, status));
  if (query.owner === 'mine' && access.side === 'centre') {
    conds.push(eq(r.handlerUserId, userId));
  }
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(r.requesterName, like), ilike(r.askedFor, like), ilike(r.reason, like)));
  }
  const page = query.page ?? 1;
  const found = await rows(db, access, and(...conds), now, {
    limit: REQUEST_PAGE_SIZE,
    offset: (page - 1) * REQUEST_PAGE_SIZE,
  });
  return {
    items: found.rows.map((x) => x.view),
    total: found.total,
    page,
    pageSize: REQUEST_PAGE_SIZE,
    side: access.side,
  };
}

/** A request the caller sees, by an unverified id (404 otherwise); `forUpdate` locks it. */
export async function visibleRequest(db: DbOrTx, access: RequestAccess, id: string, forUpdate = false) {
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select()
    .from(r)
    .where(and(eq(r.id, id), requestScope(access)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** The request page: summary, the dialogue, and what the caller may do now. */
export async function requestView(db: DbOrTx, actor: Actor, access: RequestAccess, id: string, now: Date) {
  if (!isUuid(id)) throw new AppError('not_found');
  const found = await rows(db, access, eq(r.id, id), now);
  const row = found.rows[0];
  if (!row) throw new AppError('not_found');
  const q = row.req;
  const centre = access.side === 'centre';
  // One after another: a 409 answers this view read inside the transaction, on its one connection.
  const entries = await db
    .select({
      id: trainingRequestEntries.id,
      kind: trainingRequestEntries.kind,
      side: trainingRequestEntries.side,
      body: trainingRequestEntries.body,
      authorName: users.displayName,
      createdAt: trainingRequestEntries.createdAt,
    })
    .from(trainingRequestEntries)
    .innerJoin(users, eq(users.id, trainingRequestEntries.authorUserId))
    .where(eq(trainingRequestEntries.requestId, q.id))
    .orderBy(trainingRequestEntries.seq);
  // The child of a first entry: only for centre staff who may see the child (childScope); never the requester.
  const child =
    centre && q.sourceChildId
      ? await db
          .select({ id: children.id, familyName: children.familyName, givenName: children.givenName })
          .from(children)
          .where(and(eq(children.id, q.sourceChildId), childScope(actor)))
      : [];
  const resource =
    centre && q.sourceResourceOrganizationId
      ? await db
          .select({ id: resourceOrganizations.id, name: resourceOrganizations.name })
          .from(resourceOrganizations)
          .where(eq(resourceOrganizations.id, q.sourceResourceOrganizationId))
      : [];
  const c = child[0];
  const actions = centre
    ? access.write
      ? centreActions(q.status)
      : []
    : (OPEN_REQUEST_STATUSES as readonly string[]).includes(q.status)
      ? (['message'] as const)
      : [];
  return {
    ...row.view,
    version: q.version,
    requesterOrganisationId: q.requesterOrganisationId,
    requesterMunicipalityCode: q.requesterMunicipalityCode,
    contactName: q.contactName,
    contactDetail: q.contactDetail,
    reason: q.reason,
    need: q.need,
    needWrittenAt: q.needWrittenAt?.toISOString() ?? null,
    sessionId: q.sessionId,
    closedAt: q.closedAt?.toISOString() ?? null,
    closeReason: q.closeReason,
    transition:
      c && q.sourceNendo && q.sourceTransitionKind
        ? {
            childId: c.id,
            childName: `${c.familyName} ${c.givenName}`,
            nendo: q.sourceNendo,
            kind: q.sourceTransitionKind,
          }
        : null,
    resourceOrganization: resource[0] ?? null,
    entries: entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    side: access.side,
    actions: [...actions],
  };
}

/** The newest first-entry request per child of a 年度 that the caller sees (staff; the transitions screen). */
export async function transitionRequests(db: DbOrTx, actor: Actor, access: RequestAccess, nendo: number) {
  if (access.side !== 'centre') return { items: [] };
  const found = await db
    .selectDistinctOn([r.sourceChildId], { childId: r.sourceChildId, requestId: r.id, status: r.status })
    .from(r)
    .innerJoin(children, eq(children.id, r.sourceChildId))
    .where(and(requestScope(access), eq(r.source, 'transition'), eq(r.sourceNendo, nendo), childScope(actor)))
    .orderBy(r.sourceChildId, sql`case when ${r.status} = 'declined' then 1 else 0 end`, desc(r.createdAt));
  return { items: found.map((f) => ({ childId: f.childId!, requestId: f.requestId, status: f.status })) };
}

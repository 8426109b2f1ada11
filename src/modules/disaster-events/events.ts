/**
 * Declared events (break-glass, docs/disaster.md §5): declaring, ending early, the presenter and the list. Each
 * change writes its audit entry in its transaction and carries the event's version (409 when stale).
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, users } from '../../db/schema';
import { disasterEventOpenings, disasterEvents } from '../../db/schema/disaster-events';
import { AppError } from '../../server/errors';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { eventState, mayAdminister, mayOpen, mayReadReviews, RESPONDER_ROLES } from './policy';
import { type EventRow, eventScope, type ReadyPolicy, resolveAreas } from './scope';

export type Who = { actor: Actor; meta: RequestMeta | null; at: Date };

/** Longest period one declaration covers; a longer disaster is declared again (and reviewed again). */
export const MAX_EVENT_DAYS = 14;

/** A reason must say something: at least a few characters after trimming. */
export function requireReason(reason: string | null | undefined): string {
  const r = (reason ?? '').trim();
  if (r.length < 4) throw new AppError('disaster_reason_required');
  return r;
}

export type DeclareInput = {
  title: string;
  reason: string;
  municipalityCodes: string[];
  regionIds: string[];
  startsAt: string;
  endsAt: string;
  responderUserIds: string[];
};

export async function declareEvent(
  tx: DbOrTx,
  who: Who,
  p: ReadyPolicy,
  input: DeclareInput,
): Promise<string> {
  if (!mayAdminister(p)) throw new AppError('forbidden');
  const reason = requireReason(input.reason);
  const areas = await resolveAreas(tx, p, {
    municipalityCodes: input.municipalityCodes,
    regionIds: input.regionIds,
  });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!(endsAt > startsAt) || endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000)
    throw new AppError('disaster_event_period');
  const responders = [...new Set(input.responderUserIds)];
  if (responders.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, responders),
          eq(users.prefectureCode, p.prefectureCode),
          inArray(users.role, [...RESPONDER_ROLES]),
          isNull(users.disabledAt),
        ),
      );
    if (found.length !== responders.length) throw new AppError('disaster_unknown_responder');
  }
  const [row] = await tx
    .insert(disasterEvents)
    .values({
      prefectureCode: p.prefectureCode,
      title: input.title.trim(),
      reason,
      municipalityCodes: areas.codes,
      regionIds: areas.regionIds,
      responderUserIds: responders,
      startsAt,
      endsAt,
      declaredBy: who.actor.userId,
      declaredAt: who.at,
    })
    .returning({ id: disasterEvents.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'disaster_event',
    entityIds: [row!.id],
    detail: { event: 'created', municipalities: areas.codes.length, responders: responders.length },
  });
  return row!.id;
}

/** Loads the event for a change under lock; 404 outside the area, 409 on a stale version. */
async function lockedEvent(tx: DbOrTx, p: ReadyPolicy, id: string, version: number): Promise<EventRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const [row] = await tx
    .select()
    .from(disasterEvents)
    .where(and(eq(disasterEvents.id, id), eventScope(p)))
    .for('update');
  if (!row) throw new AppError('not_found');
  if (!mayAdminister(p)) throw new AppError('forbidden');
  if (row.version !== version) throw new AppError('conflict');
  return row;
}

export async function endEvent(tx: DbOrTx, who: Who, p: ReadyPolicy, id: string, version: number) {
  const row = await lockedEvent(tx, p, id, version);
  if (eventState(row, who.at) === 'ended') throw new AppError('disaster_event_not_active');
  await tx
    .update(disasterEvents)
    .set({ endedEarlyAt: who.at, endedBy: who.actor.userId, version: row.version + 1 })
    .where(eq(disasterEvents.id, row.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'disaster_event',
    entityIds: [row.id],
    detail: { event: 'ended', version: row.version + 1 },
  });
}

export async function signOffReview(
  tx: DbOrTx,
  who: Who,
  p: ReadyPolicy,
  id: string,
  input: { version: number; comment: string },
) {
  const row = await lockedEvent(tx, p, id, input.version);
  if (eventState(row, who.at) !== 'ended') throw new AppError('disaster_review_not_ended');
  if (row.reviewSignedOffAt) throw new AppError('disaster_review_signed');
  await tx
    .update(disasterEvents)
    .set({
      reviewSignedOffAt: who.at,
      reviewSignedOffBy: who.actor.userId,
      reviewComment: input.comment.trim() || null,
      version: row.version + 1,
    })
    .where(eq(disasterEvents.id, row.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'disaster_access_review',
    entityIds: [row.id],
    detail: { event: 'signed_off', version: row.version + 1 },
  });
}

/** The events the actor sees, newest first, presented. */
export async function listEvents(db: DbOrTx, actor: Actor, p: ReadyPolicy, now: Date) {
  const rows = await db
    .select()
    .from(disasterEvents)
    .where(eventScope(p))
    .orderBy(desc(disasterEvents.startsAt))
    .limit(200);
  const items = await presentEvents(db, actor, p, rows, now);
  const reviewsWaiting = mayReadReviews(p)
    ? items.filter((e) => e.state === 'ended' && !e.review.signedOffAt).length
    : 0;
  return { items, reviewsWaiting, mayDeclare: mayAdminister(p) };
}

export async function presentEvents(db: DbOrTx, actor: Actor, p: ReadyPolicy, rows: EventRow[], now: Date) {
  if (!rows.length) return [];
  const userIds = [
    ...new Set(
      rows.flatMap((r) =>
        [r.declaredBy, r.endedBy, r.reviewSignedOffBy, ...r.responderUserIds].filter((x): x is string => !!x),
      ),
    ),
  ];
  const people = new Map(
    (
      await db
        .select({ id: users.id, name: users.displayName, role: users.role })
        .from(users)
        .where(inArray(users.id, userIds))
    ).map((u) => [u.id, u]),
  );
  const codes = [...new Set(rows.flatMap((r) => r.municipalityCodes))];
  const names = new Map(
    (
      await db
        .select({ code: municipalities.code, name: municipalities.name })
        .from(municipalities)
        .where(inArray(municipalities.code, codes))
    ).map((m) => [m.code, m.name]),
  );
  const counts = new Map(
    (
      await db
        .select({ id: disasterEventOpenings.eventId, n: sql<number>`count(*)::int` })
        .from(disasterEventOpenings)
        .where(
          inArray(
            disasterEventOpenings.eventId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(disasterEventOpenings.eventId)
    ).map((r) => [r.id, Number(r.n)]),
  );
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? '') : null);
  return rows.map((r) => {
    const state = eventState(r, now);
    return {
      id: r.id,
      title: r.title,
      reason: r.reason,
      state,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      endedEarlyAt: r.endedEarlyAt?.toISOString() ?? null,
      declaredAt: r.declaredAt.toISOString(),
      declaredByName: name(r.declaredBy) ?? '',
      endedByName: name(r.endedBy),
      municipalities: r.municipalityCodes.map((code) => ({ code, name: names.get(code) ?? code })),
      regionIds: r.regionIds,
      responders: r.responderUserIds.map((id) => ({
        userId: id,
        name: people.get(id)?.name ?? '',
        role: people.get(id)?.role ?? '',
      })),
      openings: counts.get(r.id) ?? 0,
      review: {
        signedOffAt: r.reviewSignedOffAt?.toISOString() ?? null,
        signedOffByName: name(r.reviewSignedOffBy),
        comment: r.reviewComment,
      },
      version: r.version,
      allowed: {
        end: mayAdminister(p) && state !== 'ended',
        open: mayOpen(p, actor.userId, r, now),
        readReview: mayReadReviews(p),
        signOff: mayAdminister(p) && state === 'ended' && !r.reviewSignedOffAt,
      },
    };
  });
}

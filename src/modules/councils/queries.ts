/** Reads shared by the councils module's pages: owner names, per-body figures, meeting rows, action items. */
import { and, asc, count, eq, inArray, isNull, max, or, type SQL, sql } from 'drizzle-orm';
import { alias, PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  councilActionItems,
  councilAttendance,
  councilBodies,
  councilMeetings,
  councilMembers,
  prefectures,
  regions,
  users,
} from '../../db/schema';
import { nendoRange } from '../../shared/nendo';
import { type CouncilOwner, tierOf } from './policy';

/**
 * Runs reads at once on the pool, one after another inside a transaction: a transaction is one connection, and
 * statements sent to it together are queued by pg today and refused from pg@9 (src/test/busy-connections.ts).
 * The views read inside a transaction are the current record a 409 answers with.
 */
export async function readAll<T extends readonly unknown[]>(
  db: DbOrTx,
  thunks: { [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  const runs = thunks as readonly (() => PromiseLike<unknown>)[];
  if (!(db instanceof PgTransaction)) return (await Promise.all(runs.map((run) => run()))) as unknown as T;
  const out: unknown[] = [];
  for (const run of runs) out.push(await run());
  return out as unknown as T;
}

export type OwnerNames = { prefecture: string; centres: Map<string, string>; regions: Map<string, string> };

export async function ownerNames(db: DbOrTx, prefectureCode: string): Promise<OwnerNames> {
  const [ps, cs, rs] = await readAll(db, [
    () => db.select({ name: prefectures.name }).from(prefectures).where(eq(prefectures.code, prefectureCode)),
    () =>
      db
        .select({ id: centres.id, name: centres.name })
        .from(centres)
        .where(and(eq(centres.prefectureCode, prefectureCode), eq(centres.kind, 'branch')))
        .orderBy(asc(centres.name)),
    () =>
      db
        .select({ id: regions.id, name: regions.name })
        .from(regions)
        .where(eq(regions.prefectureCode, prefectureCode))
        .orderBy(asc(regions.sortOrder), asc(regions.name)),
  ]);
  return {
    prefecture: ps[0]?.name ?? '',
    centres: new Map(cs.map((c) => [c.id, c.name])),
    regions: new Map(rs.map((r) => [r.id, r.name])),
  };
}

export function ownerView(o: CouncilOwner, names: OwnerNames) {
  const tier = tierOf(o);
  return {
    tier,
    centreId: o.ownerCentreId,
    regionId: o.ownerRegionId,
    name:
      tier === 'branch'
        ? (names.centres.get(o.ownerCentreId!) ?? '')
        : tier === 'region'
          ? (names.regions.get(o.ownerRegionId!) ?? '')
          : names.prefecture,
  };
}

/** Current-member condition for `council_members` on a date. */
export function currentMember(today: string): SQL {
  return and(
    sql`${councilMembers.termFrom} <= ${today}::date`,
    or(isNull(councilMembers.termTo), sql`${councilMembers.termTo} >= ${today}::date`),
  )!;
}

/** Per-body figures for the list: members, next and last meeting, meetings held this 年度, action items. */
export async function bodyFigures(
  db: DbOrTx,
  bodyIds: string[],
  userId: string,
  now: Date,
  today: string,
  nendo: number,
  /** The first due date not yet overdue today, in working days (calendar `overdueBeforeIn`). */
  overdueBefore: string,
) {
  if (!bodyIds.length) return new Map<string, ReturnType<typeof emptyFigures>>();
  const { start, end } = nendoRange(nendo);
  const [members, mine, next, held, actions] = await Promise.all([
    db
      .select({ bodyId: councilMembers.bodyId, n: count() })
      .from(councilMembers)
      .where(and(inArray(councilMembers.bodyId, bodyIds), currentMember(today)))
      .groupBy(councilMembers.bodyId),
    db
      .selectDistinct({ bodyId: councilMembers.bodyId })
      .from(councilMembers)
      .where(
        and(inArray(councilMembers.bodyId, bodyIds), eq(councilMembers.userId, userId), currentMember(today)),
      ),
    db
      .selectDistinctOn([councilMeetings.bodyId], {
        bodyId: councilMeetings.bodyId,
        id: councilMeetings.id,
        startsAt: councilMeetings.startsAt,
        title: councilMeetings.title,
      })
      .from(councilMeetings)
      .where(
        and(
          inArray(councilMeetings.bodyId, bodyIds),
          eq(councilMeetings.status, 'planned'),
          sql`${councilMeetings.endsAt} >= ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(councilMeetings.bodyId, asc(councilMeetings.startsAt)),
    db
      .select({
        bodyId: councilMeetings.bodyId,
        last: max(councilMeetings.startsAt),
        inNendo:
          sql<number>`count(*) filter (where (${councilMeetings.startsAt} at time zone 'Asia/Tokyo')::date between ${start}::date and ${end}::date)`.mapWith(
            Number,
          ),
      })
      .from(councilMeetings)
      .where(and(inArray(councilMeetings.bodyId, bodyIds), eq(councilMeetings.status, 'held')))
      .groupBy(councilMeetings.bodyId),
    db
      .select({
        bodyId: councilActionItems.bodyId,
        open: count(),
        overdue:
          sql<number>`count(*) filter (where ${councilActionItems.dueOn} < ${overdueBefore}::date)`.mapWith(
            Number,
          ),
      })
      .from(councilActionItems)
      .where(and(inArray(councilActionItems.bodyId, bodyIds), eq(councilActionItems.status, 'open')))
      .groupBy(councilActionItems.bodyId),
  ]);
  const out = new Map(bodyIds.map((id) => [id, emptyFigures()]));
  for (const r of members) out.get(r.bodyId)!.memberCount = r.n;
  for (const r of mine) out.get(r.bodyId)!.isMember = true;
  for (const r of next) {
    out.get(r.bodyId)!.nextMeeting = { id: r.id, startsAt: r.startsAt.toISOString(), title: r.title };
  }
  for (const r of held) {
    const f = out.get(r.bodyId)!;
    f.lastHeldOn = r.last ? r.last.toISOString() : null;
    f.heldThisNendo = r.inNendo;
  }
  for (const r of actions) {
    const f = out.get(r.bodyId)!;
    f.openActionItems = r.open;
    f.overdueActionItems = r.overdue;
  }
  return out;
}

function emptyFigures() {
  return {
    memberCount: 0,
    isMember: false,
    nextMeeting: null as { id: string; startsAt: string; title: string } | null,
    lastHeldOn: null as string | null,
    heldThisNendo: 0,
    openActionItems: 0,
    overdueActionItems: 0,
  };
}

/** Meeting rows (with body name and kind, attendance and open action items) matching `where`, by start. */
export async function meetingRows(
  db: DbOrTx,
  where: SQL | undefined,
  order: 'asc' | 'desc' = 'asc',
  limit = 500,
) {
  const rows = await db
    .select({
      id: councilMeetings.id,
      bodyId: councilMeetings.bodyId,
      bodyName: councilBodies.name,
      bodyKind: councilBodies.kind,
      title: councilMeetings.title,
      startsAt: councilMeetings.startsAt,
      endsAt: councilMeetings.endsAt,
      place: councilMeetings.place,
      status: councilMeetings.status,
      minutesWritten: sql<boolean>`(${councilMeetings.minutesPublic} <> '' or ${councilMeetings.minutesPrivate} <> '')`,
      minutesPublishedAt: councilMeetings.minutesPublishedAt,
    })
    .from(councilMeetings)
    .innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
    .where(where)
    .orderBy(order === 'asc' ? asc(councilMeetings.startsAt) : sql`${councilMeetings.startsAt} desc`)
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const [att, acts] = ids.length
    ? await readAll(db, [
        () =>
          db
            .select({ id: councilAttendance.meetingId, n: count() })
            .from(councilAttendance)
            .where(
              and(inArray(councilAttendance.meetingId, ids), sql`${councilAttendance.status} <> 'absent'`),
            )
            .groupBy(councilAttendance.meetingId),
        () =>
          db
            .select({ id: councilActionItems.meetingId, n: count() })
            .from(councilActionItems)
            .where(and(inArray(councilActionItems.meetingId, ids), eq(councilActionItems.status, 'open')))
            .groupBy(councilActionItems.meetingId),
      ])
    : [[], []];
  const attBy = new Map(att.map((a) => [a.id, a.n]));
  const actBy = new Map(acts.map((a) => [a.id, a.n]));
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.bodyId,
    bodyName: r.bodyName,
    bodyKind: r.bodyKind,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    place: r.place,
    status: r.status,
    minutesWritten: Boolean(r.minutesWritten),
    minutesPublished: r.minutesPublishedAt !== null,
    attendanceCount: attBy.get(r.id) ?? 0,
    openActionItems: actBy.get(r.id) ?? 0,
  }));
}

const owner = alias(users, 'owner');

/** Action items matching `where` (joined with their meeting and body), due first. */
export async function actionItemRows(
  db: DbOrTx,
  where: SQL | undefined,
  ctx: {
    /** The first due date not yet overdue today, in working days (calendar `overdueBeforeIn`). */
    overdueBefore: string;
    userId: string;
    canManage: (bodyId: string) => boolean;
  },
) {
  const rows = await db
    .select({
      id: councilActionItems.id,
      meetingId: councilActionItems.meetingId,
      meetingTitle: councilMeetings.title,
      meetingStartsAt: councilMeetings.startsAt,
      bodyId: councilActionItems.bodyId,
      bodyName: councilBodies.name,
      title: councilActionItems.title,
      ownerUserId: councilActionItems.ownerUserId,
      ownerName: owner.displayName,
      dueOn: councilActionItems.dueOn,
      status: councilActionItems.status,
      doneAt: councilActionItems.doneAt,
      version: councilActionItems.version,
    })
    .from(councilActionItems)
    .innerJoin(councilMeetings, eq(councilMeetings.id, councilActionItems.meetingId))
    .innerJoin(councilBodies, eq(councilBodies.id, councilActionItems.bodyId))
    .innerJoin(owner, eq(owner.id, councilActionItems.ownerUserId))
    .where(where)
    .orderBy(
      sql`${councilActionItems.status} = 'done'`,
      asc(councilActionItems.dueOn),
      asc(councilActionItems.title),
    )
    .limit(500);
  return rows.map((r) => ({
    ...r,
    meetingStartsAt: r.meetingStartsAt.toISOString(),
    doneAt: r.doneAt?.toISOString() ?? null,
    overdue: r.status === 'open' && r.dueOn < ctx.overdueBefore,
    canChange: r.ownerUserId === ctx.userId || ctx.canManage(r.bodyId),
  }));
}

/** The latest start of a body's meetings not cancelled (the schedule's anchor month). */
export async function lastMeetingStart(db: DbOrTx, bodyId: string): Promise<Date | null> {
  const [r] = await db
    .select({ last: max(councilMeetings.startsAt) })
    .from(councilMeetings)
    .where(and(eq(councilMeetings.bodyId, bodyId), sql`${councilMeetings.status} <> 'cancelled'`));
  return r?.last ?? null;
}

/**
 * Reads of courses and sessions shaped for the staff screens: the owner's name, the session's dates and its
 * applicant counts. Callers add the scope (scope.ts) to `where`.
 */
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  regions,
  trainingApplications,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
} from '../../db/schema';
import type { CourseKind, DeliveryMode, SessionStatus } from '../../shared/vocab/learning';
import { type LearningOwner, type LearningPolicy, ownerWithin } from './policy';
import { applicationsOpenAt } from './session-rules';

export type OwnerView = {
  kind: 'hq' | 'branch' | 'region';
  centreId: string | null;
  regionId: string | null;
  name: string;
};

export type OwnerNames = { hq: string; centres: Map<string, string>; regions: Map<string, string> };

/** The names of the prefecture's HQ, branches and regions. */
export async function ownerNames(db: DbOrTx, prefectureCode: string): Promise<OwnerNames> {
  // One after another: a 409's current record is read inside the transaction, on its one connection.
  const cs = await db
    .select({ id: centres.id, name: centres.name, kind: centres.kind })
    .from(centres)
    .where(eq(centres.prefectureCode, prefectureCode))
    .orderBy(asc(centres.name));
  const rs = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.prefectureCode, prefectureCode))
    .orderBy(asc(regions.sortOrder), asc(regions.name));
  const hq = cs.find((c) => c.kind === 'hq')?.name ?? '本部 / HQ';
  return {
    hq,
    centres: new Map(cs.filter((c) => c.kind === 'branch').map((c) => [c.id, c.name])),
    regions: new Map(rs.map((r) => [r.id, r.name])),
  };
}

export function ownerView(o: LearningOwner, names: OwnerNames): OwnerView {
  if (o.ownerCentreId) {
    return {
      kind: 'branch',
      centreId: o.ownerCentreId,
      regionId: null,
      name: names.centres.get(o.ownerCentreId) ?? '',
    };
  }
  if (o.ownerRegionId) {
    return {
      kind: 'region',
      centreId: null,
      regionId: o.ownerRegionId,
      name: names.regions.get(o.ownerRegionId) ?? '',
    };
  }
  return { kind: 'hq', centreId: null, regionId: null, name: names.hq };
}

/** Every owner of the prefecture: the HQ, then branches, then regions. */
export function allOwners(names: OwnerNames): OwnerView[] {
  return [
    { kind: 'hq', centreId: null, regionId: null, name: names.hq },
    ...[...names.centres].map(([id, name]) => ({
      kind: 'branch' as const,
      centreId: id,
      regionId: null,
      name,
    })),
    ...[...names.regions].map(([id, name]) => ({
      kind: 'region' as const,
      centreId: null,
      regionId: id,
      name,
    })),
  ];
}

const days = trainingSessionDays;
const apps = trainingApplications;

/** The session's day statistics and applicant counts, as SQL over the outer `training_sessions` row. */
function sessionStats(today: string) {
  return {
    firstDate: sql<
      string | null
    >`(select min(${days.heldOn})::text from ${days} where ${days.sessionId} = ${trainingSessions.id})`,
    lastDate: sql<
      string | null
    >`(select max(${days.heldOn})::text from ${days} where ${days.sessionId} = ${trainingSessions.id})`,
    nextDate: sql<string | null>`(select min(${days.heldOn})::text from ${days}
                                   where ${days.sessionId} = ${trainingSessions.id} and ${days.heldOn} >= ${today})`,
    dayCount: sql<number>`(select count(*)::int from ${days} where ${days.sessionId} = ${trainingSessions.id})`,
    applicants: sql<number>`(select count(*)::int from ${apps}
                              where ${apps.sessionId} = ${trainingSessions.id} and ${apps.status} <> 'cancelled')`,
    selected: sql<number>`(select count(*)::int from ${apps}
                            where ${apps.sessionId} = ${trainingSessions.id} and ${apps.status} = 'selected')`,
  };
}

/** The first day of the outer session (for filters and order). */
export const sessionFirstDate = sql`(select min(${days.heldOn}) from ${days} where ${days.sessionId} = ${trainingSessions.id})`;

export type SessionRowView = {
  id: string;
  courseId: string;
  courseKind: CourseKind;
  courseTitle: string;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  nextDate: string | null;
  dayCount: number;
  delivery: DeliveryMode;
  place: string;
  capacity: number | null;
  applicants: number;
  selected: number;
  status: SessionStatus;
  applicationsOpen: boolean;
  owner: OwnerView;
  canManage: boolean;
};

/** Sessions matching `where` (scope included by the caller) with their dates and counts, first day first. */
export async function sessionRows(
  db: DbOrTx,
  ctx: { policy: LearningPolicy; names: OwnerNames; now: Date; today: string },
  where: SQL | undefined,
  page?: { limit: number; offset: number },
) {
  const q = db
    .select({
      s: trainingSessions,
      courseKind: trainingCourses.kind,
      courseTitle: trainingCourses.title,
      isPublic: trainingCourses.isPublic,
      ...sessionStats(ctx.today),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(where)
    .orderBy(
      sql`${sessionFirstDate} asc nulls last`,
      asc(trainingSessions.createdAt),
      asc(trainingSessions.id),
    );
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      view: {
        id: r.s.id,
        courseId: r.s.courseId,
        courseKind: r.courseKind,
        courseTitle: r.courseTitle,
        title: r.s.title,
        firstDate: r.firstDate,
        lastDate: r.lastDate,
        nextDate: r.nextDate,
        dayCount: Number(r.dayCount),
        delivery: r.s.delivery,
        place: r.s.place,
        capacity: r.s.capacity,
        applicants: Number(r.applicants),
        selected: Number(r.selected),
        status: r.s.status,
        applicationsOpen: applicationsOpenAt(r.s, ctx.now),
        owner: ownerView(r.s, ctx.names),
        canManage: ownerWithin(ctx.policy.manage, r.s),
      } satisfies SessionRowView,
      session: r.s,
      isPublic: r.isPublic,
    })),
  };
}

/** A course's parts in order, with durations in minutes. */
export async function courseParts(db: DbOrTx, courseId: string) {
  const rows = await db
    .select()
    .from(trainingCourseParts)
    .where(eq(trainingCourseParts.courseId, courseId))
    .orderBy(asc(trainingCourseParts.seq));
  return rows.map((p) => ({
    id: p.id,
    seq: p.seq,
    kind: p.kind,
    title: p.title,
    description: p.description,
    durationMinutes: p.durationSeconds === null ? null : Math.round(p.durationSeconds / 60),
  }));
}

/** A session's days in order. */
export async function sessionDays(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select()
    .from(trainingSessionDays)
    .where(eq(trainingSessionDays.sessionId, sessionId))
    .orderBy(asc(trainingSessionDays.seq));
  return rows.map((d) => ({
    id: d.id,
    seq: d.seq,
    heldOn: d.heldOn,
    startsAt: d.startsAt ? d.startsAt.slice(0, 5) : null,
    endsAt: d.endsAt ? d.endsAt.slice(0, 5) : null,
    partId: d.partId,
  }));
}

/**
 * Attendance per session day (出欠): the roster, the marks, and one tick at a time. docs/learning.md §4.
 *
 * Participants of a session are its applications with status `selected`, and — for a session without a
 * capacity, where there is no selection — those with status `applied`. Cancelled, waiting and not-selected
 * applicants are not on the roster.
 *
 * Ticks from several tablets: each tick writes one cell (day × participant), so two staff ticking different
 * people never touch the same row. For the same cell, the client says which mark it saw (`seenRecordedAt`); if
 * the cell changed since, the tick is refused with 409 and the current mark, and the screen shows it.
 */
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  trainingApplications,
  trainingAttendance,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  type trainingSessions,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { MailSettings } from '../mail/settings';
import type { LearningPolicy } from './policy';
import { managedSession, requireStaff } from './scope';

export type Who = { actor: Actor; meta: RequestMeta; at: Date; mail?: MailSettings | undefined };
type Session = typeof trainingSessions.$inferSelect;

/** The SQL condition for an application that is on its session's roster. */
export function participantCondition(session: Pick<Session, 'capacity'>): SQL {
  return session.capacity === null
    ? or(eq(trainingApplications.status, 'selected'), eq(trainingApplications.status, 'applied'))!
    : eq(trainingApplications.status, 'selected');
}

/** The session's heading for the attendance and completion screens. */
export async function sessionHeading(db: DbOrTx, session: Session) {
  const [course] = await db
    .select({ title: trainingCourses.title, kind: trainingCourses.kind })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, session.courseId));
  return {
    id: session.id,
    title: session.title,
    courseTitle: course?.title ?? '',
    courseKind: course!.kind,
    status: session.status,
    place: session.place,
  };
}

/** The session's participants, by name. */
export async function participants(db: DbOrTx, session: Session) {
  return db
    .select({
      applicationId: trainingApplications.id,
      learnerUserId: trainingApplications.learnerUserId,
      name: users.displayName,
      profession: trainingApplications.profession,
      workplace: trainingApplications.workplace,
    })
    .from(trainingApplications)
    .innerJoin(users, eq(users.id, trainingApplications.learnerUserId))
    .where(and(eq(trainingApplications.sessionId, session.id), participantCondition(session)))
    .orderBy(asc(users.displayName), asc(trainingApplications.id));
}

/** The session's days, in order, with the course part each stands for. */
export async function sessionDaysOf(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({
      id: trainingSessionDays.id,
      seq: trainingSessionDays.seq,
      heldOn: trainingSessionDays.heldOn,
      startsAt: trainingSessionDays.startsAt,
      endsAt: trainingSessionDays.endsAt,
      partTitle: trainingCourseParts.title,
    })
    .from(trainingSessionDays)
    .leftJoin(trainingCourseParts, eq(trainingCourseParts.id, trainingSessionDays.partId))
    .where(eq(trainingSessionDays.sessionId, sessionId))
    .orderBy(asc(trainingSessionDays.seq));
  return rows.map((d) => ({
    ...d,
    startsAt: d.startsAt?.slice(0, 5) ?? null,
    endsAt: d.endsAt?.slice(0, 5) ?? null,
    partTitle: d.partTitle ?? null,
  }));
}

/** Every mark of the session's days, with who recorded it. */
export async function sessionMarks(db: DbOrTx, dayIds: string[]) {
  if (dayIds.length === 0) return [];
  const rows = await db
    .select({
      dayId: trainingAttendance.sessionDayId,
      applicationId: trainingAttendance.applicationId,
      present: trainingAttendance.present,
      recordedByName: users.displayName,
      recordedAt: trainingAttendance.recordedAt,
    })
    .from(trainingAttendance)
    .innerJoin(users, eq(users.id, trainingAttendance.recordedBy))
    .where(inArray(trainingAttendance.sessionDayId, dayIds));
  return rows.map((m) => ({ ...m, recordedAt: m.recordedAt.toISOString() }));
}

/** The attendance sheet of a session the actor manages: days, participants and marks. 404 outside scope. */
export async function attendanceSheet(db: DbOrTx, policy: LearningPolicy, actor: Actor, sessionId: string) {
  requireStaff(policy, 'manage');
  const session = await managedSession(db, policy, sessionId);
  const [heading, days, people] = await Promise.all([
    sessionHeading(db, session),
    sessionDaysOf(db, session.id),
    participants(db, session),
  ]);
  const marks = await sessionMarks(
    db,
    days.map((d) => d.id),
  );
  return { session: heading, days, participants: people, marks, canRecord: actor.role !== 'auditor' };
}

async function markOf(db: DbOrTx, dayId: string, applicationId: string) {
  const [m] = await sessionMarks(db, [dayId]).then((all) =>
    all.filter((x) => x.applicationId === applicationId),
  );
  return m ?? null;
}

/**
 * Records (or clears, with `present: null`) one participant's attendance on one day. 404 for a day or an
 * application outside the session or the actor's scope; 409 `conflict` with the current mark when the cell
 * changed since the client saw it.
 */
export async function tickAttendance(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  ids: { sessionId: string; dayId: string; applicationId: string },
  body: { present: boolean | null; seenRecordedAt?: string | null },
) {
  requireStaff(policy, 'manage');
  const session = await managedSession(tx, policy, ids.sessionId);
  if (!isUuid(ids.dayId) || !isUuid(ids.applicationId)) throw new AppError('not_found');
  const [day] = await tx
    .select({ id: trainingSessionDays.id })
    .from(trainingSessionDays)
    .where(and(eq(trainingSessionDays.id, ids.dayId), eq(trainingSessionDays.sessionId, session.id)));
  const [application] = await tx
    .select({ id: trainingApplications.id })
    .from(trainingApplications)
    .where(
      and(
        eq(trainingApplications.id, ids.applicationId),
        eq(trainingApplications.sessionId, session.id),
        participantCondition(session),
      ),
    );
  if (!day || !application) throw new AppError('not_found');

  const cell = and(
    eq(trainingAttendance.sessionDayId, day.id),
    eq(trainingAttendance.applicationId, application.id),
  );
  const [current] = await tx
    .select({ present: trainingAttendance.present, recordedAt: trainingAttendance.recordedAt })
    .from(trainingAttendance)
    .where(cell)
    .for('update');
  if (body.seenRecordedAt !== undefined) {
    const seen = body.seenRecordedAt === null ? null : new Date(body.seenRecordedAt).getTime();
    const now = current ? current.recordedAt.getTime() : null;
    if (seen !== now) {
      throw new AppError('conflict', { detail: { mark: await markOf(tx, day.id, application.id) } });
    }
  }
  if (body.present === null) {
    if (current) await tx.delete(trainingAttendance).where(cell);
  } else if (current) {
    await tx
      .update(trainingAttendance)
      .set({ present: body.present, recordedBy: who.actor.userId, recordedAt: who.at })
      .where(cell);
  } else {
    const inserted = await tx
      .insert(trainingAttendance)
      .values({
        sessionDayId: day.id,
        applicationId: application.id,
        present: body.present,
        recordedBy: who.actor.userId,
        recordedAt: who.at,
      })
      .onConflictDoNothing()
      .returning({ at: trainingAttendance.recordedAt });
    // Another tablet created the mark between our read and our write.
    if (inserted.length === 0) {
      if (body.seenRecordedAt !== undefined) {
        throw new AppError('conflict', { detail: { mark: await markOf(tx, day.id, application.id) } });
      }
      await tx
        .update(trainingAttendance)
        .set({ present: body.present, recordedBy: who.actor.userId, recordedAt: who.at })
        .where(cell);
    }
  }
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_attendance',
    entityIds: [application.id, day.id],
    detail: { sessionId: session.id, present: body.present, before: current ? current.present : null },
  });
  return { mark: await markOf(tx, day.id, application.id) };
}

/** Applications of the session that are on its roster (for issuing and evaluation), keyed by id. */
export async function participantIds(db: DbOrTx, session: Session): Promise<Set<string>> {
  const rows = await db
    .select({ id: trainingApplications.id })
    .from(trainingApplications)
    .where(and(eq(trainingApplications.sessionId, session.id), participantCondition(session)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Training sessions: list with filters, read, create, change under optimistic locking (fields and days), and
 * move through their states (open, close, complete, cancel). Each change is one transaction with its audit
 * entry; a stale version answers 409 with the session as it is now. Outside the read area: 404; read but not
 * managed: 403.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  trainingApplications,
  trainingAttendance,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { nendoRange } from '../../shared/nendo';
import type { SessionStatus } from '../../shared/vocab/learning';
import { recordAudit } from '../audit/record';
import { checkedOwner, readableCourse, type Who } from './courses';
import { type LearningPolicy, ownerWithin } from './policy';
import { courseParts, ownerNames, sessionDays, sessionFirstDate, sessionRows } from './queries';
import type {
  ZCreateSessionRequest,
  ZDayInput,
  ZSessionListQuery,
  ZUpdateSessionRequest,
} from './schemas-courses';
import { requireStaff, sessionScope } from './scope';
import { canTransition, orderDays, readyToOpen, sessionIssues } from './session-rules';

export const SESSION_PAGE_SIZE = 50;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** Sessions the caller reads, filtered, first day first, a page at a time. */
export async function listSessions(
  db: DbOrTx,
  policy: LearningPolicy,
  query: z.infer<typeof ZSessionListQuery>,
  now: Date,
) {
  requireStaff(policy, 'read');
  const names = await ownerNames(db, policy.prefectureCode!);
  const conds: (SQL | undefined)[] = [sessionScope(policy, query.owner === 'mine' ? 'manage' : 'read')];
  if (query.kind) conds.push(eq(trainingCourses.kind, query.kind));
  if (query.status) conds.push(eq(trainingSessions.status, query.status));
  if (query.courseId) conds.push(eq(trainingSessions.courseId, query.courseId));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conds.push(
      or(
        ilike(trainingSessions.title, like),
        ilike(trainingCourses.title, like),
        ilike(trainingSessions.place, like),
      ),
    );
  }
  if (query.nendo) {
    const { start, end } = nendoRange(query.nendo);
    // A session without days yet (a draft being prepared) shows in every 年度 until it has them.
    conds.push(sql`(${sessionFirstDate} is null or ${sessionFirstDate} between ${start} and ${end})`);
  }
  const page = query.page ?? 1;
  const { total, rows } = await sessionRows(
    db,
    { policy, names, now, today: isoDateInJapan(now) },
    and(...conds),
    { limit: SESSION_PAGE_SIZE, offset: (page - 1) * SESSION_PAGE_SIZE },
  );
  return { items: rows.map((r) => r.view), total, page, pageSize: SESSION_PAGE_SIZE };
}

/** A session the caller reads, by an unverified id (404 otherwise), with its course's publicity. */
async function readableSession(db: DbOrTx, policy: LearningPolicy, id: string, forUpdate = false) {
  requireStaff(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, id), sessionScope(policy, 'read')));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** The session page: its row, window, co-hosts, operator, days and the course's parts. */
export async function sessionView(db: DbOrTx, policy: LearningPolicy, id: string, now: Date) {
  const s = await readableSession(db, policy, id);
  const names = await ownerNames(db, policy.prefectureCode!);
  // One after another: a 409 answers this view read inside the transaction, on its one connection.
  const { rows } = await sessionRows(
    db,
    { policy, names, now, today: isoDateInJapan(now) },
    eq(trainingSessions.id, s.id),
  );
  const days = await sessionDays(db, s.id);
  const parts = await courseParts(db, s.courseId);
  const r = rows[0]!;
  return {
    ...r.view,
    version: s.version,
    applicationsOpenAt: s.applicationsOpenAt?.toISOString() ?? null,
    applicationsCloseAt: s.applicationsCloseAt?.toISOString() ?? null,
    coHosts: s.coHosts,
    operatorName: s.operatorName,
    isPublic: r.isPublic,
    days,
    parts,
    updatedAt: s.updatedAt.toISOString(),
  };
}

type DayInput = z.infer<typeof ZDayInput>;
type SessionFields = Omit<z.infer<typeof ZUpdateSessionRequest>, 'version' | 'days'>;

function dateOrNull(v: string | null | undefined): Date | null | undefined {
  return v === undefined ? undefined : v === null ? null : new Date(v);
}

/** Checks the days and window (400 naming each field) and that every part named is of the course. */
async function checkDays(
  tx: DbOrTx,
  courseId: string,
  days: readonly DayInput[],
  window: { applicationsOpenAt: Date | null; applicationsCloseAt: Date | null },
): Promise<void> {
  const issues = sessionIssues({ days, ...window });
  const partIds = [...new Set(days.map((d) => d.partId).filter((p): p is string => !!p))];
  if (partIds.length) {
    const found = await tx
      .select({ id: trainingCourseParts.id })
      .from(trainingCourseParts)
      .where(and(eq(trainingCourseParts.courseId, courseId), inArray(trainingCourseParts.id, partIds)));
    const ok = new Set(found.map((p) => p.id));
    days.forEach((d, i) => {
      if (d.partId && !ok.has(d.partId)) {
        issues.push({
          path: `days.${i}.partId`,
          message: 'この研修の構成ではありません / Not a part of this course',
        });
      }
    });
  }
  if (issues.length) throw new AppError('validation_failed', { issues });
}

/**
 * Writes a session's days: a day with an id keeps it (attendance refers to it), new ones are added, and
 * those left out are removed unless attendance was recorded for one (409 in_use). Numbered by date.
 */
async function writeDays(tx: DbOrTx, sessionId: string, days: readonly DayInput[]) {
  const existing = await tx
    .select({ id: trainingSessionDays.id })
    .from(trainingSessionDays)
    .where(eq(trainingSessionDays.sessionId, sessionId));
  const known = new Set(existing.map((d) => d.id));
  const bad = days.findIndex((d) => d.id && !known.has(d.id));
  if (bad >= 0) {
    throw new AppError('validation_failed', {
      issues: [{ path: `days.${bad}.id`, message: 'この回の日程ではありません / Not a day of this session' }],
    });
  }
  const keep = new Set(days.filter((d) => d.id).map((d) => d.id!));
  const removed = existing.map((d) => d.id).filter((id) => !keep.has(id));
  if (removed.length) {
    const [used] = await tx
      .select({ id: trainingAttendance.sessionDayId })
      .from(trainingAttendance)
      .where(inArray(trainingAttendance.sessionDayId, removed))
      .limit(1);
    if (used) throw new AppError('in_use');
    await tx.delete(trainingSessionDays).where(inArray(trainingSessionDays.id, removed));
  }
  await tx
    .update(trainingSessionDays)
    .set({ seq: sql`-${trainingSessionDays.seq}` })
    .where(eq(trainingSessionDays.sessionId, sessionId));
  for (const d of orderDays(days)) {
    const values = {
      seq: d.seq,
      heldOn: d.heldOn,
      startsAt: d.startsAt ?? null,
      endsAt: d.endsAt ?? null,
      partId: d.partId ?? null,
    };
    if (d.id) await tx.update(trainingSessionDays).set(values).where(eq(trainingSessionDays.id, d.id));
    else await tx.insert(trainingSessionDays).values({ sessionId, ...values });
  }
}

function fieldValues(body: SessionFields) {
  const v: Partial<typeof trainingSessions.$inferInsert> = {};
  if (body.title !== undefined) v.title = body.title;
  if (body.delivery !== undefined) v.delivery = body.delivery;
  if (body.place !== undefined) v.place = body.place;
  if (body.capacity !== undefined) v.capacity = body.capacity;
  const open = dateOrNull(body.applicationsOpenAt);
  const close = dateOrNull(body.applicationsCloseAt);
  if (open !== undefined) v.applicationsOpenAt = open;
  if (close !== undefined) v.applicationsCloseAt = close;
  if (body.coHosts !== undefined) v.coHosts = [...new Set(body.coHosts)];
  if (body.operatorName !== undefined) v.operatorName = body.operatorName || null;
  return v;
}

/**
 * Creates a draft session of a course the caller reads (a branch may run the HQ's course), owned by the
 * caller's branch or region, or by the course's owner when the caller manages it, unless another owner within
 * the caller's area is named.
 */
export async function createSession(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  body: z.infer<typeof ZCreateSessionRequest>,
): Promise<string> {
  requireStaff(policy, 'manage');
  const course = await readableCourse(tx, policy, body.courseId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') {
      throw new AppError('validation_failed', {
        issues: [{ path: 'courseId', message: '研修が見つかりません / Unknown course' }],
      });
    }
    throw e;
  });
  if (course.archivedAt) throw new AppError('learning_course_archived');
  const fallback = ownerWithin(policy.manage, course)
    ? course
    : policy.manage.kind === 'centre'
      ? { ownerCentreId: policy.manage.centreId, ownerRegionId: null }
      : policy.manage.kind === 'region'
        ? { ownerCentreId: null, ownerRegionId: policy.manage.regionId }
        : { ownerCentreId: null, ownerRegionId: null };
  const owner = await checkedOwner(tx, policy, body, fallback);
  const values = fieldValues(body);
  const days = body.days ?? [];
  await checkDays(tx, course.id, days, {
    applicationsOpenAt: values.applicationsOpenAt ?? null,
    applicationsCloseAt: values.applicationsCloseAt ?? null,
  });
  const [row] = await tx
    .insert(trainingSessions)
    .values({
      ...values,
      courseId: course.id,
      prefectureCode: policy.prefectureCode!,
      ...owner,
      title: body.title ?? course.title,
      delivery: body.delivery,
      status: 'draft',
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: trainingSessions.id });
  await writeDays(tx, row!.id, days);
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'training_session',
    entityIds: [row!.id],
    detail: { courseId: course.id, ...owner, days: days.length },
  });
  return row!.id;
}

async function managedSessionForUpdate(tx: DbOrTx, policy: LearningPolicy, id: string) {
  requireStaff(policy, 'manage');
  const s = await readableSession(tx, policy, id, true);
  if (!ownerWithin(policy.manage, s)) throw new AppError('forbidden');
  return s;
}

async function lockVersion(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  version: number,
  set: Partial<typeof trainingSessions.$inferInsert>,
) {
  const [done] = await tx
    .update(trainingSessions)
    .set({ ...set, updatedAt: who.at, version: sql`${trainingSessions.version} + 1` })
    .where(and(eq(trainingSessions.id, id), eq(trainingSessions.version, version)))
    .returning({ id: trainingSessions.id });
  if (!done) {
    const current = await sessionView(tx, policy, id, who.at);
    throw new AppError('conflict', { detail: { current } });
  }
}

/** Changes a session's fields and (when given) its days; a completed or cancelled one no longer changes. */
export async function updateSession(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  body: z.infer<typeof ZUpdateSessionRequest>,
): Promise<void> {
  const s = await managedSessionForUpdate(tx, policy, id);
  if (s.version !== body.version) {
    throw new AppError('conflict', { detail: { current: await sessionView(tx, policy, s.id, who.at) } });
  }
  if (s.status === 'completed' || s.status === 'cancelled') throw new AppError('learning_session_transition');
  const set = fieldValues(body);
  if (body.ownerCentreId !== undefined || body.ownerRegionId !== undefined) {
    Object.assign(set, await checkedOwner(tx, policy, body, s));
  }
  const window = {
    applicationsOpenAt: set.applicationsOpenAt !== undefined ? set.applicationsOpenAt : s.applicationsOpenAt,
    applicationsCloseAt:
      set.applicationsCloseAt !== undefined ? set.applicationsCloseAt : s.applicationsCloseAt,
  };
  const days = body.days ?? (await sessionDays(tx, s.id));
  await checkDays(tx, s.courseId, days, window);
  if (s.status !== 'draft') {
    const place = set.place ?? s.place;
    const delivery = set.delivery ?? s.delivery;
    if (!readyToOpen({ dayCount: days.length, delivery, place }))
      throw new AppError('learning_session_incomplete');
  }
  await lockVersion(tx, who, policy, s.id, body.version, set);
  if (body.days) await writeDays(tx, s.id, body.days);
  const changed = Object.keys(set).concat(body.days ? ['days'] : []);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_session',
    entityIds: [s.id],
    detail: { changed },
  });
}

/**
 * Moves a session to another state: opening needs a day and a place (or online); going back to draft is
 * only possible while no one has applied; completed and cancelled are final.
 */
export async function changeSessionStatus(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  body: { version: number; status: SessionStatus; reason?: string | undefined },
): Promise<void> {
  const s = await managedSessionForUpdate(tx, policy, id);
  if (!canTransition(s.status, body.status)) throw new AppError('learning_session_transition');
  if (body.status === 'open') {
    const days = await sessionDays(tx, s.id);
    if (!readyToOpen({ dayCount: days.length, delivery: s.delivery, place: s.place })) {
      throw new AppError('learning_session_incomplete');
    }
  }
  if (body.status === 'draft') {
    const [applied] = await tx
      .select({ id: trainingApplications.id })
      .from(trainingApplications)
      .where(eq(trainingApplications.sessionId, s.id))
      .limit(1);
    if (applied) throw new AppError('learning_session_transition');
  }
  await lockVersion(tx, who, policy, s.id, body.version, { status: body.status });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_session',
    entityIds: [s.id],
    detail: {
      changed: ['status'],
      from: s.status,
      to: body.status,
      ...(body.reason ? { reason: body.reason } : {}),
    },
  });
}

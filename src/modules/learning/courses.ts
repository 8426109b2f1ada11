/**
 * Training courses: list, read, create, change under optimistic locking, replace the parts, archive and
 * restore. Each change is one transaction with its audit entry; a stale version answers 409 with the course
 * as it is now. A course outside the caller's read area answers 404; one it reads but does not manage, 403.
 */

import type { z } from '@hono/zod-openapi';
import { and, asc, eq, ilike, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  elearningAttempts,
  elearningProgress,
  regions,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { defaultOwner, type LearningOwner, type LearningPolicy, ownerWithin } from './policy';
import { allOwners, courseParts, type OwnerNames, ownerNames, ownerView, sessionRows } from './queries';
import type {
  ZCourseListQuery,
  ZCreateCourseRequest,
  ZPartInput,
  ZUpdateCourseRequest,
} from './schemas-courses';
import { courseScope, requireStaff, sessionScope } from './scope';

export type Who = { actor: Actor; meta: RequestMeta; at: Date };
type Course = typeof trainingCourses.$inferSelect;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** The owners the policy lets the caller choose, and every owner of the prefecture (for names). */
export async function learningOptions(db: DbOrTx, policy: LearningPolicy) {
  const names = await ownerNames(db, policy.prefectureCode!);
  const all = allOwners(names);
  const owners = all.filter((o) =>
    ownerWithin(policy.manage, { ownerCentreId: o.centreId, ownerRegionId: o.regionId }),
  );
  return { canManage: policy.manage.kind !== 'none', owners, allOwners: all };
}

/**
 * The owner a create or change asks for, checked: it must be of the prefecture and within the caller's
 * manage area (403 otherwise); both a branch and a region is a validation error.
 */
export async function checkedOwner(
  tx: DbOrTx,
  policy: LearningPolicy,
  asked: { ownerCentreId?: string | null | undefined; ownerRegionId?: string | null | undefined },
  fallback: LearningOwner,
): Promise<LearningOwner> {
  const given = asked.ownerCentreId !== undefined || asked.ownerRegionId !== undefined;
  const owner: LearningOwner = given
    ? { ownerCentreId: asked.ownerCentreId ?? null, ownerRegionId: asked.ownerRegionId ?? null }
    : { ownerCentreId: fallback.ownerCentreId, ownerRegionId: fallback.ownerRegionId };
  if (owner.ownerCentreId && owner.ownerRegionId) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'ownerRegionId',
          message: '支部か圏域のどちらか一方を選んでください / Choose a branch or a region, not both',
        },
      ],
    });
  }
  const pref = policy.prefectureCode!;
  if (owner.ownerCentreId) {
    const [c] = await tx
      .select({ id: centres.id })
      .from(centres)
      .where(
        and(
          eq(centres.id, owner.ownerCentreId),
          eq(centres.prefectureCode, pref),
          eq(centres.kind, 'branch'),
        ),
      );
    if (!c) {
      throw new AppError('validation_failed', {
        issues: [{ path: 'ownerCentreId', message: '支部が見つかりません / Unknown branch' }],
      });
    }
  }
  if (owner.ownerRegionId) {
    const [r] = await tx
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.id, owner.ownerRegionId), eq(regions.prefectureCode, pref)));
    if (!r) {
      throw new AppError('validation_failed', {
        issues: [{ path: 'ownerRegionId', message: '圏域が見つかりません / Unknown region' }],
      });
    }
  }
  if (!ownerWithin(policy.manage, owner)) throw new AppError('forbidden');
  return owner;
}

/** The courses the caller reads, with their owner, session count and next date. */
export async function listCourses(
  db: DbOrTx,
  policy: LearningPolicy,
  query: z.infer<typeof ZCourseListQuery>,
  now: Date,
) {
  requireStaff(policy, 'read');
  const names = await ownerNames(db, policy.prefectureCode!);
  const today = isoDateInJapan(now);
  const conds: (SQL | undefined)[] = [courseScope(policy, query.owner === 'mine' ? 'manage' : 'read')];
  if (query.kind) conds.push(eq(trainingCourses.kind, query.kind));
  if (query.q) conds.push(ilike(trainingCourses.title, `%${escapeLike(query.q)}%`));
  const archived = query.archived ?? 'false';
  if (archived === 'false') conds.push(isNull(trainingCourses.archivedAt));
  if (archived === 'true') conds.push(isNotNull(trainingCourses.archivedAt));
  const rows = await db
    .select({
      c: trainingCourses,
      // Written with qualified names: in a one-table select Drizzle leaves columns unqualified.
      sessionCount: sql<number>`(select count(*)::int from training_sessions s
                                 where s.course_id = training_courses.id and s.status <> 'cancelled')`,
      nextDate: sql<string | null>`(select min(d.held_on)::text
                                    from training_session_days d join training_sessions s on s.id = d.session_id
                                    where s.course_id = training_courses.id
                                      and s.status not in ('cancelled', 'draft') and d.held_on >= ${today})`,
    })
    .from(trainingCourses)
    .where(and(...conds))
    .orderBy(asc(trainingCourses.kind), asc(trainingCourses.title))
    .limit(500);
  const items = rows.map((r) => courseRow(r.c, names, policy, Number(r.sessionCount), r.nextDate));
  return { items, total: items.length };
}

function courseRow(
  c: Course,
  names: OwnerNames,
  policy: LearningPolicy,
  sessionCount: number,
  nextDate: string | null,
) {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    owner: ownerView(c, names),
    isPublic: c.isPublic,
    archived: c.archivedAt !== null,
    sessionCount,
    nextDate,
    canManage: ownerWithin(policy.manage, c),
  };
}

/** A course the caller reads, by an unverified id (404 otherwise). */
export async function readableCourse(db: DbOrTx, policy: LearningPolicy, id: string, forUpdate = false) {
  requireStaff(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, id), courseScope(policy, 'read')));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** A course with its parts and sessions (sessions the caller reads, first day first). */
export async function courseView(db: DbOrTx, policy: LearningPolicy, id: string, now: Date) {
  const c = await readableCourse(db, policy, id);
  const names = await ownerNames(db, policy.prefectureCode!);
  const today = isoDateInJapan(now);
  // One after another: a 409 answers this view read inside the transaction, on its one connection.
  const parts = await courseParts(db, c.id);
  const sessions = await sessionRows(
    db,
    { policy, names, now, today },
    and(eq(trainingSessions.courseId, c.id), sessionScope(policy, 'read')),
  );
  const views = sessions.rows.map((r) => r.view);
  const upcoming = views
    .filter((s) => s.status !== 'cancelled' && s.status !== 'draft' && s.nextDate)
    .map((s) => s.nextDate!)
    .sort();
  return {
    ...courseRow(c, names, policy, views.filter((s) => s.status !== 'cancelled').length, upcoming[0] ?? null),
    summary: c.summary,
    completionRequiresAllDays: c.completionRequiresAllDays,
    completionRequiresAllLessons: c.completionRequiresAllLessons,
    completionRequiresAssignment: c.completionRequiresAssignment,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
    parts,
    sessions: views,
  };
}

type PartInput = z.infer<typeof ZPartInput>;

function partValues(p: PartInput) {
  return {
    kind: p.kind,
    title: p.title,
    description: p.description ?? '',
    durationSeconds: p.durationMinutes ? p.durationMinutes * 60 : null,
  };
}

/**
 * Replaces a course's parts with `parts` in the order given: a part with an id keeps it (days and lessons
 * refer to it), new ones are added, and those left out are removed unless a session day still refers to one
 * or a learner has watched or taken the quiz of one of its lessons (409 in_use). Returns what changed for the audit entry.
 */
async function writeParts(tx: DbOrTx, courseId: string, parts: readonly PartInput[]) {
  const existing = await tx
    .select({ id: trainingCourseParts.id })
    .from(trainingCourseParts)
    .where(eq(trainingCourseParts.courseId, courseId));
  const known = new Set(existing.map((p) => p.id));
  const keep = parts.filter((p) => p.id).map((p) => p.id!);
  const unknown = parts.findIndex((p) => p.id && !known.has(p.id));
  if (unknown >= 0 || new Set(keep).size !== keep.length) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: `parts.${Math.max(unknown, 0)}.id`,
          message: 'この研修の構成ではありません / Not a part of this course',
        },
      ],
    });
  }
  const removed = existing.map((p) => p.id).filter((id) => !keep.includes(id));
  if (removed.length) {
    const [used] = await tx
      .select({ id: trainingSessionDays.id })
      .from(trainingSessionDays)
      .where(inArray(trainingSessionDays.partId, removed))
      .limit(1);
    if (used) throw new AppError('in_use');
    // A lesson someone has watched or taken the quiz of keeps its record (certificates count on it).
    const [watched] = await tx
      .select({ id: elearningProgress.partId })
      .from(elearningProgress)
      .where(inArray(elearningProgress.partId, removed))
      .limit(1);
    const [attempted] = await tx
      .select({ id: elearningAttempts.id })
      .from(elearningAttempts)
      .where(inArray(elearningAttempts.partId, removed))
      .limit(1);
    if (watched || attempted) throw new AppError('in_use');
    await tx.delete(trainingCourseParts).where(inArray(trainingCourseParts.id, removed));
  }
  // Move the kept parts (all that are left) out of the way of the unique (course, seq) before renumbering.
  if (keep.length) {
    await tx
      .update(trainingCourseParts)
      .set({ seq: sql`-${trainingCourseParts.seq}` })
      .where(eq(trainingCourseParts.courseId, courseId));
  }
  for (const [i, p] of parts.entries()) {
    if (p.id) {
      await tx
        .update(trainingCourseParts)
        .set({ ...partValues(p), seq: i + 1 })
        .where(eq(trainingCourseParts.id, p.id));
    } else {
      await tx.insert(trainingCourseParts).values({ courseId, seq: i + 1, ...partValues(p) });
    }
  }
  return { parts: parts.length, removed: removed.length, added: parts.filter((p) => !p.id).length };
}

/** Creates a course (owned by the caller's branch or region unless it names another owner it manages). */
export async function createCourse(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  body: z.infer<typeof ZCreateCourseRequest>,
): Promise<string> {
  requireStaff(policy, 'manage');
  const owner = await checkedOwner(tx, policy, body, defaultOwner(policy.manage));
  const [row] = await tx
    .insert(trainingCourses)
    .values({
      prefectureCode: policy.prefectureCode!,
      kind: body.kind,
      title: body.title,
      summary: body.summary ?? '',
      ...owner,
      completionRequiresAllDays: body.completionRequiresAllDays ?? true,
      completionRequiresAllLessons: body.completionRequiresAllLessons ?? true,
      completionRequiresAssignment: body.completionRequiresAssignment ?? false,
      isPublic: body.isPublic ?? true,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: trainingCourses.id });
  const parts = body.parts?.length ? await writeParts(tx, row!.id, body.parts) : { parts: 0 };
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'training_course',
    entityIds: [row!.id],
    detail: { kind: body.kind, ...owner, parts: parts.parts },
  });
  return row!.id;
}

/** A course the caller manages, locked for a change (404 when unread, 403 when read but not managed). */
async function managedCourseForUpdate(tx: DbOrTx, policy: LearningPolicy, id: string): Promise<Course> {
  requireStaff(policy, 'manage');
  const c = await readableCourse(tx, policy, id, true);
  if (!ownerWithin(policy.manage, c)) throw new AppError('forbidden');
  return c;
}

async function bumpVersion(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  c: Course,
  version: number,
  set: Partial<Course>,
) {
  const [done] = await tx
    .update(trainingCourses)
    .set({ ...set, updatedAt: who.at, version: sql`${trainingCourses.version} + 1` })
    .where(and(eq(trainingCourses.id, c.id), eq(trainingCourses.version, version)))
    .returning({ id: trainingCourses.id });
  if (!done) {
    const current = await courseView(tx, policy, c.id, who.at);
    throw new AppError('conflict', { detail: { current } });
  }
}

const EDITABLE = [
  'kind',
  'title',
  'summary',
  'completionRequiresAllDays',
  'completionRequiresAllLessons',
  'completionRequiresAssignment',
  'isPublic',
] as const;

/** Changes a course's fields (and owner, within the caller's area); 409 with the current course when stale. */
export async function updateCourse(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  body: z.infer<typeof ZUpdateCourseRequest>,
): Promise<void> {
  const c = await managedCourseForUpdate(tx, policy, id);
  const set: Partial<Course> = {};
  const changed: string[] = [];
  for (const f of EDITABLE) {
    const v = body[f];
    if (v !== undefined && v !== c[f]) {
      (set as Record<string, unknown>)[f] = v;
      changed.push(f);
    }
  }
  if (body.ownerCentreId !== undefined || body.ownerRegionId !== undefined) {
    const owner = await checkedOwner(tx, policy, body, c);
    if (owner.ownerCentreId !== c.ownerCentreId || owner.ownerRegionId !== c.ownerRegionId) {
      Object.assign(set, owner);
      changed.push('owner');
    }
  }
  await bumpVersion(tx, who, policy, c, body.version, set);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_course',
    entityIds: [c.id],
    detail: { changed },
  });
}

/** Replaces a course's parts under the course's version. */
export async function replaceParts(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  body: { version: number; parts: PartInput[] },
): Promise<void> {
  const c = await managedCourseForUpdate(tx, policy, id);
  await bumpVersion(tx, who, policy, c, body.version, {});
  const summary = await writeParts(tx, c.id, body.parts);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_course',
    entityIds: [c.id],
    detail: { changed: ['parts'], ...summary },
  });
}

/** Archives a course (no new sessions, out of the catalogue) or restores it. */
export async function setArchived(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  body: { version: number },
  archived: boolean,
): Promise<void> {
  const c = await managedCourseForUpdate(tx, policy, id);
  await bumpVersion(tx, who, policy, c, body.version, {
    archivedAt: archived ? (c.archivedAt ?? who.at) : null,
  });
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_course',
    entityIds: [c.id],
    detail: { changed: [archived ? 'archive' : 'restore'] },
  });
}

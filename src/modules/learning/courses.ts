/**
 * Training courses read: the list, one course with its parts and sessions, and the owners the caller may
 * choose, with the check of an asked-for owner that every course, session and request write shares. A course
 * outside the caller's read area answers 404. The changes are in courses-writes.ts.
 */

import type { z } from '@hono/zod-openapi';
import { and, asc, eq, ilike, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, regions, trainingCourses, trainingSessions } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor, RequestMeta } from '../access/actor';
import { type LearningOwner, type LearningPolicy, ownerWithin } from './policy';
import { allOwners, courseParts, type OwnerNames, ownerNames, ownerView, sessionRows } from './queries';
import type { ZCourseListQuery } from './schemas-courses';
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

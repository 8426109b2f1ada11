/**
 * Changing training courses: create, change the fields and owner under optimistic locking, replace the parts
 * (kept, added, removed unless a session day or a learner's record refers to one), archive and restore. Each
 * change is one transaction with its audit entry; a stale version answers 409 with the course as it is now
 * (courses.ts reads it). A course the caller reads but does not manage answers 403.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  elearningAttempts,
  elearningProgress,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import { checkedOwner, courseView, readableCourse, type Who } from './courses';
import { defaultOwner, type LearningPolicy, ownerWithin } from './policy';
import type { ZCreateCourseRequest, ZPartInput, ZUpdateCourseRequest } from './schemas-courses';
import { requireStaff } from './scope';

type Course = typeof trainingCourses.$inferSelect;

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

import { and, eq, exists, isNull, or, type Placeholder, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  elearningLessonMedia,
  elearningMedia,
  trainingApplications,
  trainingCourseParts,
  trainingCourses,
  trainingSessions,
} from '../../../db/schema';
import { AppError } from '../../../server/errors';
import { isUuid } from '../../../server/openapi';
import type { Actor } from '../../access/actor';
import type { LearningPolicy } from '../policy';
import { courseScope } from '../scope';

/**
 * Who reaches which e-learning record, in SQL (decision 0021). Staff reach a course's media, lessons and
 * questions through the course (F's courseScope: read or manage). A learner reaches the lessons of a course of
 * their own prefecture that is not archived and either public or one they were selected for; their progress
 * and attempts are always their own rows. Anything else answers 404, like an unknown id.
 */

type Course = typeof trainingCourses.$inferSelect;
type Part = typeof trainingCourseParts.$inferSelect;
export type Media = typeof elearningMedia.$inferSelect;

/** A course the staff member reads or manages, by an unverified id. */
export async function staffCourse(
  db: DbOrTx,
  policy: LearningPolicy,
  courseId: string,
  use: 'read' | 'manage',
): Promise<Course> {
  if (!isUuid(courseId)) throw new AppError('not_found');
  const [row] = await db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, courseId), courseScope(policy, use)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A part (lesson, day or assignment) of a course the staff member reads or manages. */
export async function staffPart(
  db: DbOrTx,
  policy: LearningPolicy,
  partId: string,
  use: 'read' | 'manage',
): Promise<{ part: Part; course: Course }> {
  if (!isUuid(partId)) throw new AppError('not_found');
  const [row] = await db
    .select({ part: trainingCourseParts, course: trainingCourses })
    .from(trainingCourseParts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCourseParts.courseId))
    .where(and(eq(trainingCourseParts.id, partId), courseScope(policy, use)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A media object of a course the staff member reads or manages (deleted ones are gone). */
export async function staffMedia(
  db: DbOrTx,
  policy: LearningPolicy,
  mediaId: string,
  use: 'read' | 'manage',
  opts: { forUpdate?: boolean } = {},
): Promise<Media> {
  if (!isUuid(mediaId)) throw new AppError('not_found');
  const q = db
    .select({ media: elearningMedia })
    .from(elearningMedia)
    .innerJoin(trainingCourses, eq(trainingCourses.id, elearningMedia.courseId))
    .where(and(eq(elearningMedia.id, mediaId), isNull(elearningMedia.deletedAt), courseScope(policy, use)));
  const [row] = opts.forUpdate ? await q.for('update', { of: elearningMedia }) : await q;
  if (!row) throw new AppError('not_found');
  return row.media;
}

/** The SQL condition under which a learner may open a course's lessons. */
export function learnerCourseCondition(actor: Actor) {
  if (!actor.prefectureCode || actor.role !== 'learner') return sql`false`;
  return learnerCourseWhere(actor.prefectureCode, actor.userId);
}

/**
 * The same condition for a learner of `prefecture`, over values or a prepared statement's placeholders (the
 * caller has checked the role).
 */
export function learnerCourseWhere(prefecture: string | Placeholder, userId: string | Placeholder) {
  return and(
    eq(trainingCourses.prefectureCode, prefecture),
    isNull(trainingCourses.archivedAt),
    or(eq(trainingCourses.isPublic, true), selectedFor(userId)),
  )!;
}

function selectedFor(userId: string | Placeholder) {
  return exists(
    sql`(select 1 from ${trainingApplications} join ${trainingSessions} on ${trainingSessions.id} = ${trainingApplications.sessionId}
      where ${trainingSessions.courseId} = ${trainingCourses.id} and ${trainingApplications.learnerUserId} = ${userId}
      and ${trainingApplications.status} = 'selected')`,
  );
}

/** Refuses every role but `learner` before any id is read (403 for all ids alike). */
export function requireLearner(actor: Actor): void {
  if (actor.role !== 'learner') throw new AppError('forbidden');
}

/** A lesson the learner may open, by an unverified id. */
export async function learnerLesson(
  db: DbOrTx,
  actor: Actor,
  partId: string,
): Promise<{ part: Part; course: Course }> {
  if (!isUuid(partId)) throw new AppError('not_found');
  const [row] = await db
    .select({ part: trainingCourseParts, course: trainingCourses })
    .from(trainingCourseParts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCourseParts.courseId))
    .where(and(eq(trainingCourseParts.id, partId), learnerCourseCondition(actor)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A course the learner may open, by an unverified id. */
export async function learnerCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<Course> {
  if (!isUuid(courseId)) throw new AppError('not_found');
  const [row] = await db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, courseId), learnerCourseCondition(actor)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A ready media object linked to a lesson the learner may open. */
export async function learnerMedia(db: DbOrTx, actor: Actor, mediaId: string): Promise<Media> {
  if (!isUuid(mediaId)) throw new AppError('not_found');
  const [row] = await db
    .select({ media: elearningMedia })
    .from(elearningMedia)
    .innerJoin(elearningLessonMedia, eq(elearningLessonMedia.mediaId, elearningMedia.id))
    .innerJoin(trainingCourseParts, eq(trainingCourseParts.id, elearningLessonMedia.partId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCourseParts.courseId))
    .where(
      and(
        eq(elearningMedia.id, mediaId),
        eq(elearningMedia.status, 'ready'),
        isNull(elearningMedia.deletedAt),
        learnerCourseCondition(actor),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('not_found');
  return row.media;
}

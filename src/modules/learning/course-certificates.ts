/**
 * Certificates of a course completed without a session (e-learning on its own, docs/learning.md §4): a course
 * whose rule is its lessons alone (completion.ts `completesWithoutSession`). The learner asks for the
 * certificate once every lesson is complete (video watched to 95 %, quiz passed) — on 修了記録, where the
 * course is listed as ready — and it is issued at once in their name, dated the day the last lesson was
 * completed. One completion per learner and course (a unique index); a learner who already holds a standing
 * certificate of the course (from a session too) gets that one back. A certificate staff revoked is not issued
 * again on the learner's request.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { trainingCompletions, trainingCourseParts, trainingCourses } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { Who } from './attendance';
import { newCertificateSerial } from './certificate-serial';
import { type CourseCompletionReader, completesWithoutSession } from './completion';
import { learnerCourse, learnerCourseCondition } from './elearning/access';

type Course = typeof trainingCourses.$inferSelect;

/** The learner's courses that complete without a session, with their parts' kinds. */
async function standaloneCourses(db: DbOrTx, actor: Actor, courseId?: string): Promise<Course[]> {
  const courses = await db
    .select()
    .from(trainingCourses)
    .where(
      and(
        learnerCourseCondition(actor),
        courseId === undefined ? undefined : eq(trainingCourses.id, courseId),
      ),
    );
  if (courses.length === 0) return [];
  const parts = await db
    .select({ courseId: trainingCourseParts.courseId, kind: trainingCourseParts.kind })
    .from(trainingCourseParts)
    .where(
      inArray(
        trainingCourseParts.courseId,
        courses.map((c) => c.id),
      ),
    );
  return courses.filter((c) =>
    completesWithoutSession(
      c,
      parts.filter((p) => p.courseId === c.id).map((p) => p.kind),
    ),
  );
}

/** The learner's completions of these courses (standing or revoked, with or without a session). */
async function completionsOf(db: DbOrTx, learnerUserId: string, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .select()
    .from(trainingCompletions)
    .where(
      and(
        eq(trainingCompletions.learnerUserId, learnerUserId),
        inArray(trainingCompletions.courseId, courseIds),
      ),
    );
}

/**
 * Courses the learner has completed on their own and may get the certificate of: every lesson complete, no
 * standing certificate of the course, none revoked without a session. For 修了記録.
 */
export async function readyCourses(db: DbOrTx, actor: Actor, read: CourseCompletionReader, now: Date) {
  if (actor.role !== 'learner') return [];
  const courses = await standaloneCourses(db, actor);
  const held = await completionsOf(
    db,
    actor.userId,
    courses.map((c) => c.id),
  );
  const out = [];
  for (const c of courses) {
    const mine = held.filter((h) => h.courseId === c.id);
    if (mine.some((h) => h.revokedAt === null || h.sessionId === null)) continue;
    const state = await read(db, actor.userId, c.id);
    if (state.lessonsTotal === 0 || state.lessonsDone < state.lessonsTotal) continue;
    out.push({
      courseId: c.id,
      courseTitle: c.title,
      courseKind: c.kind,
      completedOn: isoDateInJapan(state.completedAt ?? now),
    });
  }
  return out;
}

/**
 * Issues the certificate of a course completed without a session, on the learner's request. 404 for a course
 * the learner cannot open; 409 when the course is completed in sessions, when lessons are still to complete
 * (with how many), or when the certificate was revoked. Asked again, the standing certificate is returned.
 */
export async function claimCourseCertificate(
  tx: DbOrTx,
  who: Who,
  courseId: string,
  read: CourseCompletionReader,
): Promise<{ issued: boolean; certificate: { id: string; serial: string; completedOn: string } }> {
  const actor = who.actor;
  if (actor.role !== 'learner') throw new AppError('forbidden');
  await learnerCourse(tx, actor, courseId);
  const [course] = await standaloneCourses(tx, actor, courseId);
  if (!course) throw new AppError('learning_course_needs_session');
  const held = await completionsOf(tx, actor.userId, [course.id]);
  const standing = held.find((h) => h.revokedAt === null);
  if (standing) {
    return {
      issued: false,
      certificate: { id: standing.id, serial: standing.certificateSerial, completedOn: standing.completedOn },
    };
  }
  if (held.some((h) => h.sessionId === null)) throw new AppError('learning_certificate_revoked');
  const state = await read(tx, actor.userId, course.id);
  if (state.lessonsTotal === 0 || state.lessonsDone < state.lessonsTotal) {
    throw new AppError('learning_course_not_complete', {
      detail: { lessonsDone: state.lessonsDone, lessonsTotal: state.lessonsTotal },
    });
  }
  const completedOn = isoDateInJapan(state.completedAt ?? who.at);
  const serial = newCertificateSerial(nendoOf(completedOn));
  // Two requests at once: the unique index keeps one; the other reads it back.
  const [row] = await tx
    .insert(trainingCompletions)
    .values({
      prefectureCode: course.prefectureCode,
      courseId: course.id,
      sessionId: null,
      learnerUserId: actor.userId,
      completedOn,
      certificateSerial: serial,
      issuedAt: who.at,
      issuedBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [other] = await tx
      .select()
      .from(trainingCompletions)
      .where(
        and(
          eq(trainingCompletions.courseId, course.id),
          eq(trainingCompletions.learnerUserId, actor.userId),
          isNull(trainingCompletions.sessionId),
        ),
      );
    if (!other || other.revokedAt) throw new AppError('conflict');
    return {
      issued: false,
      certificate: { id: other.id, serial: other.certificateSerial, completedOn: other.completedOn },
    };
  }
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'training_certificate',
    entityIds: [row.id],
    detail: { courseId: course.id, serials: [serial], requestedByHolder: true },
  });
  return { issued: true, certificate: { id: row.id, serial, completedOn } };
}

/** For the staff's progress view of a course: each learner's standing certificate of it without a session. */
export async function courseCertificatesOf(db: DbOrTx, courseId: string, learnerIds: string[]) {
  const out = new Map<string, { id: string; serial: string; completedOn: string }>();
  if (learnerIds.length === 0) return out;
  const rows = await db
    .select()
    .from(trainingCompletions)
    .where(
      and(
        eq(trainingCompletions.courseId, courseId),
        isNull(trainingCompletions.sessionId),
        isNull(trainingCompletions.revokedAt),
        inArray(trainingCompletions.learnerUserId, learnerIds),
      ),
    );
  for (const r of rows)
    out.set(r.learnerUserId, { id: r.id, serial: r.certificateSerial, completedOn: r.completedOn });
  return out;
}

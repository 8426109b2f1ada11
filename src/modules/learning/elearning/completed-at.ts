/**
 * When a learner completed a course's e-learning: the moment the last of its lessons became complete — its video
 * watched to 95 % (elearning_progress.completed_at) and its quiz passed (the first passing attempt's submission),
 * whichever came later for each lesson. For a certificate of a course completed without a session
 * (course-certificates.ts), whose date is that day.
 */
import { and, eq, inArray, isNotNull, min } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { elearningAttempts, elearningProgress } from '../../../db/schema';
import { lessonsCompleted } from './progress-store';

export async function courseLessonsCompletedAt(
  db: DbOrTx,
  learnerUserId: string,
  courseId: string,
): Promise<{ lessonsTotal: number; lessonsDone: number; completedAt: Date | null }> {
  const done = await lessonsCompleted(db, learnerUserId, courseId);
  const base = { lessonsTotal: done.lessonIds.length, lessonsDone: done.completedIds.length };
  if (done.lessonIds.length === 0 || !done.allComplete) return { ...base, completedAt: null };
  // One after another: a certificate is claimed inside a transaction, whose statements share one connection.
  const watched = await db
    .select({ at: elearningProgress.completedAt })
    .from(elearningProgress)
    .where(
      and(
        eq(elearningProgress.learnerUserId, learnerUserId),
        inArray(elearningProgress.partId, done.lessonIds),
        isNotNull(elearningProgress.completedAt),
      ),
    );
  const passed = await db
    .select({ at: min(elearningAttempts.submittedAt) })
    .from(elearningAttempts)
    .where(
      and(
        eq(elearningAttempts.learnerUserId, learnerUserId),
        inArray(elearningAttempts.partId, done.lessonIds),
        eq(elearningAttempts.status, 'passed'),
      ),
    )
    .groupBy(elearningAttempts.partId);
  let last: Date | null = null;
  for (const { at } of [...watched, ...passed]) {
    const d = at === null ? null : new Date(at);
    if (d && (last === null || d > last)) last = d;
  }
  return { ...base, completedAt: last };
}

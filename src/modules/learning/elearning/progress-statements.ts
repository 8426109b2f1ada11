import { and, eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client';
import {
  elearningLessonMedia,
  elearningMedia,
  elearningProgress,
  trainingCourseParts,
  trainingCourses,
} from '../../../db/schema';
import { learnerCourseWhere } from './access';

/**
 * The two statements of a progress report (5,000 learners report every 15 s), prepared once per database like
 * the session look-up (decision 0015): the SQL is built once per process and the server parses and plans it once
 * per connection. Placeholders: `partId`, `userId`, `prefecture` (the caller has checked the learner's role),
 * and for the write the row version read (`version`) and the new values.
 */
const ph = sql.placeholder;
const raw = (name: string) => sql`${ph(name)}`;

function readQuery(db: DbOrTx) {
  return db
    .select({
      partId: trainingCourseParts.id,
      videoId: elearningMedia.id,
      videoDurationMs: elearningMedia.durationMs,
      contentType: elearningMedia.contentType,
      p: elearningProgress,
      version: sql<string | null>`${elearningProgress}.xmin::text`,
      // The statement's own time: after the lock, when there is one (now() is the transaction's start).
      now: sql<string>`statement_timestamp()`,
    })
    .from(trainingCourseParts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCourseParts.courseId))
    .leftJoin(
      elearningLessonMedia,
      and(eq(elearningLessonMedia.partId, trainingCourseParts.id), eq(elearningLessonMedia.kind, 'video')),
    )
    .leftJoin(
      elearningMedia,
      and(eq(elearningMedia.id, elearningLessonMedia.mediaId), eq(elearningMedia.status, 'ready')),
    )
    .leftJoin(
      elearningProgress,
      and(
        eq(elearningProgress.learnerUserId, ph('userId')),
        eq(elearningProgress.partId, trainingCourseParts.id),
      ),
    )
    .where(and(eq(trainingCourseParts.id, ph('partId')), learnerCourseWhere(ph('prefecture'), ph('userId'))))
    .limit(1);
}

function updateQuery(db: DbOrTx) {
  return db
    .update(elearningProgress)
    .set({
      // Raw placeholders (no column encoder): the caller passes driver values (JSON text, ISO times, null).
      mediaId: raw('mediaId'),
      durationMs: raw('durationMs'),
      watched: raw('watched'),
      coveredMs: raw('coveredMs'),
      creditMs: raw('creditMs'),
      lastReportAt: raw('lastReportAt'),
      lastPositionMs: raw('lastPositionMs'),
      completedAt: raw('completedAt'),
      updatedAt: raw('updatedAt'),
    })
    .where(
      and(
        eq(elearningProgress.learnerUserId, ph('userId')),
        eq(elearningProgress.partId, ph('partId')),
        sql`${elearningProgress}.xmin = ${ph('version')}::xid`,
      ),
    )
    .returning();
}

type Prepared = {
  read: ReturnType<ReturnType<typeof readQuery>['prepare']>;
  update: ReturnType<ReturnType<typeof updateQuery>['prepare']>;
};
const prepared = new WeakMap<object, Prepared>();

/** The prepared read and write for this database (built for the transaction when inside one). */
export function progressStatements(db: DbOrTx): Prepared {
  const build = (): Prepared => ({
    read: readQuery(db).prepare('progress_read'),
    update: updateQuery(db).prepare('progress_update'),
  });
  if (db instanceof PgTransaction) return build();
  let p = prepared.get(db);
  if (!p) {
    p = build();
    prepared.set(db, p);
  }
  return p;
}

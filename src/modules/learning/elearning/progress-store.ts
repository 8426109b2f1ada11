import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../../db/client';
import {
  elearningAttempts,
  elearningLessonMedia,
  elearningMedia,
  elearningProgress,
  elearningQuestions,
  elearningQuizzes,
  trainingCourseParts,
} from '../../../db/schema';
import { AppError } from '../../../server/errors';
import { isUuid } from '../../../server/openapi';
import type { Actor } from '../../access/actor';
import { applyReport, coveredMs, type Interval, resumePositionMs, toMs } from './progress';
import { progressStatements } from './progress-statements';

type ProgressRow = typeof elearningProgress.$inferSelect;

/** The lesson's current video (ready, not deleted), or null. */
export async function lessonVideo(db: DbOrTx, partId: string) {
  const [row] = await db
    .select({
      id: elearningMedia.id,
      durationMs: elearningMedia.durationMs,
      contentType: elearningMedia.contentType,
    })
    .from(elearningLessonMedia)
    .innerJoin(elearningMedia, eq(elearningMedia.id, elearningLessonMedia.mediaId))
    .where(
      and(
        eq(elearningLessonMedia.partId, partId),
        eq(elearningLessonMedia.kind, 'video'),
        eq(elearningMedia.status, 'ready'),
      ),
    );
  return row && row.durationMs !== null && row.contentType !== null
    ? { id: row.id, durationMs: row.durationMs, contentType: row.contentType }
    : null;
}

/** How progress is shown: measured against the current video; a completion once reached stays. */
export function presentProgress(
  row: ProgressRow | undefined,
  video: { id: string; durationMs: number } | null,
) {
  if (!row && !video) return null;
  const same = row && video && row.mediaId === video.id;
  const durationMs = video?.durationMs ?? row?.durationMs ?? 0;
  const watched = same ? (row.watched as Interval[]) : [];
  const covered = same ? row.coveredMs : 0;
  return {
    mediaId: video?.id ?? row?.mediaId ?? null,
    durationMs,
    coveredMs: covered,
    percent: durationMs > 0 ? Math.min(100, Math.floor((covered * 100) / durationMs)) : 0,
    complete: Boolean(row?.completedAt),
    completedAt: row?.completedAt?.toISOString() ?? null,
    resumeAtMs: same ? resumePositionMs(watched, row.lastPositionMs, durationMs) : 0,
    watched: watched.map(([s, e]) => [s, e] as [number, number]),
  };
}

/** Attempts at writing a report whose row another report changed meanwhile, before answering 409. */
const REPORT_ATTEMPTS = 3;

/**
 * Applies a learner's report to their progress on a lesson (decision 0021), in two statements on the common
 * path (5,000 learners report every 15 s): one read gives the access check (a lesson of a course the learner may
 * open, else 404), the lesson's current video, the progress row with its row version (`xmin`) and the time of
 * receipt from the database's clock (every app server agrees); the pure rule decides; one write stores the
 * result only if the row is unchanged since the read. Two tabs reporting at once are applied one after the
 * other: the one that finds the row changed tries again in a transaction that locks the row first, reading it
 * afresh (with a new time of receipt). A new video starts a new measure; a completion once reached is kept,
 * and the report that completes the lesson writes in one transaction with its audit entry (`onCompleted`).
 */
export async function reportProgress(
  db: SystemDb,
  args: {
    actor: Actor;
    partId: string;
    intervals: [number, number][];
    positionSeconds: number;
  },
  /** Runs in the report's transaction when this report completes the lesson (its audit entry). */
  onCompleted?: (tx: DbOrTx, progress: { coveredMs: number; durationMs: number }) => Promise<void>,
) {
  const { actor, partId } = args;
  if (!isUuid(partId) || actor.role !== 'learner' || !actor.prefectureCode) throw new AppError('not_found');
  const mine = and(eq(elearningProgress.learnerUserId, actor.userId), eq(elearningProgress.partId, partId));
  /** One try: read, apply the rule, write if the row is unchanged; null when another report came first. */
  const once = async (exec: DbOrTx, locked: boolean) => {
    // After a lost race the row is locked first, so this try cannot lose again (only a first insert can).
    if (locked) await exec.select({ one: sql`1` }).from(elearningProgress).where(mine).for('update');
    const statements = progressStatements(exec);
    const [row] = await statements.read.execute({
      partId,
      userId: actor.userId,
      prefecture: actor.prefectureCode,
    });
    if (!row) throw new AppError('not_found');
    if (!row.videoId || row.videoDurationMs === null || row.contentType === null)
      throw new AppError('elearning_no_video');
    const video = { id: row.videoId, durationMs: row.videoDurationMs, contentType: row.contentType };
    const receivedAt = new Date(row.now).getTime();
    const fresh = !row.p || row.p.mediaId !== video.id;
    const state = fresh
      ? { intervals: [] as Interval[], lastReportAt: null, creditMs: 0 }
      : {
          intervals: row.p!.watched as Interval[],
          lastReportAt: row.p!.lastReportAt?.getTime() ?? null,
          creditMs: row.p!.creditMs,
        };
    const out = applyReport(state, args.intervals, video.durationMs, receivedAt);
    if (!out.ok) throw new AppError('elearning_progress_refused', { detail: { reason: out.reason } });
    const wasComplete = row.p?.completedAt ?? null;
    const values = {
      mediaId: video.id,
      durationMs: video.durationMs,
      watched: out.state.intervals.map(([s, e]) => [s, e] as [number, number]),
      coveredMs: coveredMs(out.state.intervals),
      creditMs: out.state.creditMs,
      lastReportAt: new Date(receivedAt),
      lastPositionMs: Math.min(video.durationMs, Math.max(0, toMs(args.positionSeconds))),
      completedAt: wasComplete ?? (out.complete ? new Date(receivedAt) : null),
      updatedAt: new Date(receivedAt),
    };
    const justCompleted = !wasComplete && out.complete;
    const write = async (tx: DbOrTx) => {
      if (!row.p) {
        const [inserted] = await tx
          .insert(elearningProgress)
          .values({ learnerUserId: actor.userId, partId, prefectureCode: actor.prefectureCode!, ...values })
          .onConflictDoNothing()
          .returning();
        return inserted;
      }
      const [updated] = await progressStatements(tx).update.execute({
        ...values,
        watched: JSON.stringify(values.watched),
        lastReportAt: values.lastReportAt.toISOString(),
        completedAt: values.completedAt?.toISOString() ?? null,
        updatedAt: values.updatedAt.toISOString(),
        userId: actor.userId,
        partId,
        version: row.version,
      });
      return updated;
    };
    const writeAndAudit = async (tx: DbOrTx) => {
      const saved = await write(tx);
      if (saved && onCompleted) await onCompleted(tx, saved);
      return saved;
    };
    const saved = !justCompleted
      ? await write(exec)
      : locked
        ? await writeAndAudit(exec)
        : await db.transaction(writeAndAudit);
    if (!saved) return null;
    return {
      ...presentProgress(saved, video)!,
      acceptedMs: out.acceptedMs,
      deferredMs: out.deferredMs,
      justCompleted,
    };
  };
  for (let attempt = 0; attempt < REPORT_ATTEMPTS; attempt++) {
    // Another report changed (or created) the row since the read: apply this one to the fresh state.
    const result = attempt === 0 ? await once(db, false) : await db.transaction((tx) => once(tx, true));
    if (result) return result;
  }
  throw new AppError('conflict');
}

/** Whether the learner has passed the part's quiz (true when the part has no quiz with questions). */
async function quizzesPassed(db: DbOrTx, learnerUserId: string, partIds: string[]): Promise<Set<string>> {
  if (partIds.length === 0) return new Set();
  const withQuiz = await db
    .selectDistinct({ partId: elearningQuizzes.partId })
    .from(elearningQuizzes)
    .innerJoin(elearningQuestions, eq(elearningQuestions.partId, elearningQuizzes.partId))
    .where(and(inArray(elearningQuizzes.partId, partIds), sql`${elearningQuestions.archivedAt} is null`));
  const needQuiz = new Set(withQuiz.map((r) => r.partId));
  const passed = await db
    .selectDistinct({ partId: elearningAttempts.partId })
    .from(elearningAttempts)
    .where(
      and(
        eq(elearningAttempts.learnerUserId, learnerUserId),
        inArray(elearningAttempts.partId, partIds),
        eq(elearningAttempts.status, 'passed'),
      ),
    );
  const ok = new Set(partIds.filter((id) => !needQuiz.has(id)));
  for (const p of passed) ok.add(p.partId);
  return ok;
}

/**
 * The lessons of a course and which of them the learner has completed: a lesson is complete when its video
 * was watched (≥ 95 %, kept once reached; a lesson without a video needs none) and its quiz, if it has one,
 * was passed. For attendance and certificates (owner P): `allComplete` is the course's "all lessons" rule.
 */
export async function lessonsCompleted(
  db: DbOrTx,
  learnerUserId: string,
  courseId: string,
): Promise<{ lessonIds: string[]; completedIds: string[]; allComplete: boolean }> {
  const lessons = await db
    .select({ id: trainingCourseParts.id })
    .from(trainingCourseParts)
    .where(and(eq(trainingCourseParts.courseId, courseId), eq(trainingCourseParts.kind, 'lesson')))
    .orderBy(asc(trainingCourseParts.seq));
  const ids = lessons.map((l) => l.id);
  if (ids.length === 0) return { lessonIds: [], completedIds: [], allComplete: true };
  const videos = await db
    .select({ partId: elearningLessonMedia.partId })
    .from(elearningLessonMedia)
    .where(and(inArray(elearningLessonMedia.partId, ids), eq(elearningLessonMedia.kind, 'video')));
  const hasVideo = new Set(videos.map((v) => v.partId));
  const watched = await db
    .select({ partId: elearningProgress.partId })
    .from(elearningProgress)
    .where(
      and(
        eq(elearningProgress.learnerUserId, learnerUserId),
        inArray(elearningProgress.partId, ids),
        isNotNull(elearningProgress.completedAt),
      ),
    );
  const watchedIds = new Set(watched.map((w) => w.partId));
  const passed = await quizzesPassed(db, learnerUserId, ids);
  const completedIds = ids.filter((id) => (!hasVideo.has(id) || watchedIds.has(id)) && passed.has(id));
  return { lessonIds: ids, completedIds, allComplete: completedIds.length === ids.length };
}

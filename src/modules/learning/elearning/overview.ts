import { and, asc, count, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  elearningAttempts,
  elearningLessonMedia,
  elearningMedia,
  elearningProgress,
  elearningQuestions,
  elearningQuizzes,
  trainingApplications,
  trainingCourseParts,
  trainingSessions,
  users,
} from '../../../db/schema';
import type { CaptionLanguage } from '../../../shared/vocab/learning-elearning';

/**
 * Lessons at a glance, in bulk: a course's lessons with their media and quiz (staff), a learner's courses with
 * their progress (learner), and a course's learners × lessons (staff). A lesson counts as complete by the same
 * rule as `lessonsCompleted`: its video watched to 95 % (none needed without a video) and its quiz passed (none
 * needed without questions).
 */

type LessonPart = {
  id: string;
  courseId: string;
  seq: number;
  title: string;
  durationSeconds: number | null;
};

/** The lesson parts of some courses, in order. */
export async function lessonPartsOf(db: DbOrTx, courseIds: string[]): Promise<LessonPart[]> {
  if (courseIds.length === 0) return [];
  return db
    .select({
      id: trainingCourseParts.id,
      courseId: trainingCourseParts.courseId,
      seq: trainingCourseParts.seq,
      title: trainingCourseParts.title,
      durationSeconds: trainingCourseParts.durationSeconds,
    })
    .from(trainingCourseParts)
    .where(and(inArray(trainingCourseParts.courseId, courseIds), eq(trainingCourseParts.kind, 'lesson')))
    .orderBy(asc(trainingCourseParts.courseId), asc(trainingCourseParts.seq));
}

/** Which of the parts have a video linked, and which have a quiz with at least one active question. */
export async function lessonFacts(db: DbOrTx, partIds: string[]) {
  if (partIds.length === 0) return { withVideo: new Set<string>(), withQuiz: new Set<string>() };
  const videos = await db
    .select({ partId: elearningLessonMedia.partId })
    .from(elearningLessonMedia)
    .where(and(inArray(elearningLessonMedia.partId, partIds), eq(elearningLessonMedia.kind, 'video')));
  const quizzes = await db
    .selectDistinct({ partId: elearningQuizzes.partId })
    .from(elearningQuizzes)
    .innerJoin(elearningQuestions, eq(elearningQuestions.partId, elearningQuizzes.partId))
    .where(and(inArray(elearningQuizzes.partId, partIds), isNull(elearningQuestions.archivedAt)));
  return {
    withVideo: new Set(videos.map((v) => v.partId)),
    withQuiz: new Set(quizzes.map((q) => q.partId)),
  };
}

export type LessonCell = {
  partId: string;
  percent: number;
  watched: boolean;
  attemptsUsed: number;
  bestScorePercent: number | null;
  passed: boolean;
  complete: boolean;
  lastActivityAt: string | null;
};

/** Each learner's standing on each part (learners with no row at all get empty cells). */
export async function lessonCells(
  db: DbOrTx,
  partIds: string[],
  learnerIds: string[] | null,
): Promise<Map<string, Map<string, LessonCell>>> {
  const out = new Map<string, Map<string, LessonCell>>();
  if (partIds.length === 0 || learnerIds?.length === 0) return out;
  const { withVideo, withQuiz } = await lessonFacts(db, partIds);
  const progress = await db
    .select({
      learner: elearningProgress.learnerUserId,
      partId: elearningProgress.partId,
      covered: elearningProgress.coveredMs,
      duration: elearningProgress.durationMs,
      completedAt: elearningProgress.completedAt,
      updatedAt: elearningProgress.updatedAt,
    })
    .from(elearningProgress)
    .where(
      and(
        inArray(elearningProgress.partId, partIds),
        learnerIds ? inArray(elearningProgress.learnerUserId, learnerIds) : undefined,
      ),
    );
  const attempts = await db
    .select({
      learner: elearningAttempts.learnerUserId,
      partId: elearningAttempts.partId,
      used: count(),
      best: max(elearningAttempts.scorePercent),
      passed: sql<boolean>`bool_or(${elearningAttempts.status} = 'passed')`,
      last: max(elearningAttempts.startedAt),
    })
    .from(elearningAttempts)
    .where(
      and(
        inArray(elearningAttempts.partId, partIds),
        learnerIds ? inArray(elearningAttempts.learnerUserId, learnerIds) : undefined,
      ),
    )
    .groupBy(elearningAttempts.learnerUserId, elearningAttempts.partId);
  const cellOf = (learner: string, partId: string): LessonCell => {
    let row = out.get(learner);
    if (!row) {
      row = new Map();
      out.set(learner, row);
    }
    let cell = row.get(partId);
    if (!cell) {
      cell = emptyCell(partId, withVideo, withQuiz);
      row.set(partId, cell);
    }
    return cell;
  };
  for (const l of learnerIds ?? []) for (const p of partIds) cellOf(l, p);
  for (const p of progress) {
    const cell = cellOf(p.learner, p.partId);
    cell.percent = p.duration > 0 ? Math.min(100, Math.floor((p.covered * 100) / p.duration)) : 0;
    if (p.completedAt) cell.watched = true;
    cell.lastActivityAt = latest(cell.lastActivityAt, p.updatedAt);
  }
  for (const a of attempts) {
    const cell = cellOf(a.learner, a.partId);
    cell.attemptsUsed = Number(a.used);
    cell.bestScorePercent = a.best;
    if (a.passed) cell.passed = true;
    cell.lastActivityAt = latest(cell.lastActivityAt, a.last ? new Date(a.last) : null);
  }
  for (const row of out.values())
    for (const cell of row.values()) cell.complete = cell.watched && cell.passed;
  return out;
}

function emptyCell(partId: string, withVideo: Set<string>, withQuiz: Set<string>): LessonCell {
  return {
    partId,
    percent: 0,
    watched: !withVideo.has(partId),
    attemptsUsed: 0,
    bestScorePercent: null,
    passed: !withQuiz.has(partId),
    complete: false,
    lastActivityAt: null,
  };
}

function latest(a: string | null, b: Date | null): string | null {
  if (!b) return a;
  const iso = b.toISOString();
  return !a || iso > a ? iso : a;
}

/** The learners of a course for its progress view: anyone who started a lesson, and everyone selected. */
export async function courseLearners(db: DbOrTx, courseId: string, partIds: string[]) {
  const started =
    partIds.length === 0
      ? []
      : await db
          .selectDistinct({ id: elearningProgress.learnerUserId })
          .from(elearningProgress)
          .where(inArray(elearningProgress.partId, partIds))
          .union(
            db
              .selectDistinct({ id: elearningAttempts.learnerUserId })
              .from(elearningAttempts)
              .where(inArray(elearningAttempts.partId, partIds)),
          );
  const selected = await db
    .selectDistinct({ id: trainingApplications.learnerUserId })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .where(and(eq(trainingSessions.courseId, courseId), eq(trainingApplications.status, 'selected')));
  const ids = [...new Set([...started, ...selected].map((r) => r.id))];
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** A lesson's linked media for staff: the video, captions (by language) and documents, in order. */
export async function lessonMediaOf(db: DbOrTx, partIds: string[]) {
  const byPart = new Map<
    string,
    {
      video: { mediaId: string; fileName: string; durationMs: number | null } | null;
      captions: { mediaId: string; fileName: string; language: CaptionLanguage }[];
      documents: { mediaId: string; fileName: string }[];
    }
  >();
  for (const id of partIds) byPart.set(id, { video: null, captions: [], documents: [] });
  if (partIds.length === 0) return byPart;
  const rows = await db
    .select({ link: elearningLessonMedia, m: elearningMedia })
    .from(elearningLessonMedia)
    .innerJoin(elearningMedia, eq(elearningMedia.id, elearningLessonMedia.mediaId))
    .where(inArray(elearningLessonMedia.partId, partIds))
    .orderBy(asc(elearningLessonMedia.seq));
  for (const { link, m } of rows) {
    const entry = byPart.get(link.partId);
    if (!entry) continue;
    if (link.kind === 'video')
      entry.video = { mediaId: m.id, fileName: m.fileName, durationMs: m.durationMs };
    else if (link.kind === 'captions')
      entry.captions.push({ mediaId: m.id, fileName: m.fileName, language: link.captionLanguage ?? 'ja' });
    else entry.documents.push({ mediaId: m.id, fileName: m.fileName });
  }
  return byPart;
}

/** Each part's quiz settings (null before they are set: no quiz for learners yet) and active question count. */
export async function quizSettingsOf(db: DbOrTx, partIds: string[]) {
  type Settings = { passPercent: number; attemptLimit: number | null; questionsPerAttempt: number | null };
  const out = new Map<string, { settings: Settings | null; questionCount: number }>();
  if (partIds.length === 0) return out;
  const quizzes = await db.select().from(elearningQuizzes).where(inArray(elearningQuizzes.partId, partIds));
  const counts = await db
    .select({ partId: elearningQuestions.partId, n: count() })
    .from(elearningQuestions)
    .where(and(inArray(elearningQuestions.partId, partIds), isNull(elearningQuestions.archivedAt)))
    .groupBy(elearningQuestions.partId);
  const n = new Map(counts.map((c) => [c.partId, Number(c.n)]));
  for (const q of quizzes) {
    const settings = {
      passPercent: q.passPercent,
      attemptLimit: q.attemptLimit,
      questionsPerAttempt: q.questionsPerAttempt,
    };
    out.set(q.partId, { settings, questionCount: n.get(q.partId) ?? 0 });
  }
  for (const [partId, c] of n) if (!out.has(partId)) out.set(partId, { settings: null, questionCount: c });
  return out;
}

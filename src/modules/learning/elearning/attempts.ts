import { and, asc, count, desc, eq, isNull, max } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../../db/client';
import { elearningAttempts, elearningQuestions, elearningQuizzes } from '../../../db/schema';
import { AppError } from '../../../server/errors';
import { isUuid } from '../../../server/openapi';
import { answersProblem, attemptsLeft, drawQuestions, type Grade, grade, questionsForLearner } from './quiz';

type Attempt = typeof elearningAttempts.$inferSelect;

/** The quiz of a part with its active questions, or null when it has none. */
export async function quizOf(db: DbOrTx, partId: string) {
  const [quiz] = await db.select().from(elearningQuizzes).where(eq(elearningQuizzes.partId, partId));
  if (!quiz) return null;
  const questions = await db
    .select()
    .from(elearningQuestions)
    .where(and(eq(elearningQuestions.partId, partId), isNull(elearningQuestions.archivedAt)))
    .orderBy(asc(elearningQuestions.seq));
  return questions.length ? { quiz, questions } : null;
}

/** The learner's summary of a quiz: attempts used and left, passed, best score, the open attempt. */
export async function quizSummary(db: DbOrTx, learnerUserId: string, partId: string) {
  const q = await quizOf(db, partId);
  if (!q) return null;
  const rows = await db
    .select({
      id: elearningAttempts.id,
      status: elearningAttempts.status,
      score: elearningAttempts.scorePercent,
    })
    .from(elearningAttempts)
    .where(and(eq(elearningAttempts.partId, partId), eq(elearningAttempts.learnerUserId, learnerUserId)));
  const scores = rows.map((r) => r.score).filter((s): s is number => s !== null);
  return {
    passPercent: q.quiz.passPercent,
    attemptLimit: q.quiz.attemptLimit,
    attemptsUsed: rows.length,
    attemptsLeft: attemptsLeft(q.quiz.attemptLimit, rows.length),
    passed: rows.some((r) => r.status === 'passed'),
    bestScorePercent: scores.length ? Math.max(...scores) : null,
    openAttemptId: rows.find((r) => r.status === 'in_progress')?.id ?? null,
    questionCount: Math.min(q.questions.length, q.quiz.questionsPerAttempt ?? q.questions.length),
  };
}

/** How an attempt is shown to its learner: the answers and explanations only once it is submitted. */
export function presentAttempt(a: Attempt, left: number | null) {
  const submitted = a.status !== 'in_progress';
  const answers = a.answers ?? {};
  return {
    id: a.id,
    partId: a.partId,
    attemptNo: a.attemptNo,
    status: a.status,
    passPercent: a.passPercent,
    questions: questionsForLearner(a.questions),
    startedAt: a.startedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    scorePercent: a.scorePercent,
    correctCount: a.correctCount,
    review: submitted
      ? grade(a.questions, answers, a.passPercent).perQuestion.map((p, i) => ({
          questionId: p.questionId,
          correct: p.correct,
          correctChoiceIds: a.questions[i]?.correct ?? [],
          chosen: answers[p.questionId] ?? [],
          explanation: a.questions[i]?.explanation ?? '',
        }))
      : null,
    attemptsLeft: left,
  };
}

/**
 * Starts an attempt (or gives back the open one): refused when the quiz is passed already or every attempt is
 * used. The questions are drawn and copied into the attempt.
 */
export async function startAttempt(
  db: SystemDb,
  learnerUserId: string,
  prefectureCode: string,
  partId: string,
) {
  return db.transaction(async (tx) => {
    const q = await quizOf(tx, partId);
    if (!q) throw new AppError('elearning_no_quiz');
    const [quizRow] = await tx
      .select()
      .from(elearningQuizzes)
      .where(eq(elearningQuizzes.partId, partId))
      .for('update');
    const mine = and(
      eq(elearningAttempts.partId, partId),
      eq(elearningAttempts.learnerUserId, learnerUserId),
    );
    const [open] = await tx
      .select()
      .from(elearningAttempts)
      .where(and(mine, eq(elearningAttempts.status, 'in_progress')));
    const [used] = await tx
      .select({ n: count(), last: max(elearningAttempts.attemptNo) })
      .from(elearningAttempts)
      .where(mine);
    const n = used?.n ?? 0;
    if (open) return presentAttempt(open, attemptsLeft(q.quiz.attemptLimit, n));
    const [passed] = await tx
      .select({ id: elearningAttempts.id })
      .from(elearningAttempts)
      .where(and(mine, eq(elearningAttempts.status, 'passed')))
      .limit(1);
    if (passed) throw new AppError('elearning_already_passed');
    if (quizRow?.attemptLimit != null && n >= quizRow.attemptLimit)
      throw new AppError('elearning_attempts_used');
    const questions = drawQuestions(
      q.questions.map((x) => ({
        id: x.id,
        kind: x.kind,
        prompt: x.prompt,
        choices: x.choices,
        correct: x.correct,
        explanation: x.explanation,
      })),
      q.quiz.questionsPerAttempt,
    );
    const [row] = await tx
      .insert(elearningAttempts)
      .values({
        partId,
        learnerUserId,
        prefectureCode,
        attemptNo: (used?.last ?? 0) + 1,
        questions,
        passPercent: q.quiz.passPercent,
      })
      .returning();
    return presentAttempt(row!, attemptsLeft(q.quiz.attemptLimit, n + 1));
  });
}

/** The learner's own attempt by an unverified id: anyone else's answers 404. */
export async function ownAttempt(
  db: DbOrTx,
  learnerUserId: string,
  attemptId: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isUuid(attemptId)) throw new AppError('not_found');
  const q = db
    .select()
    .from(elearningAttempts)
    .where(and(eq(elearningAttempts.id, attemptId), eq(elearningAttempts.learnerUserId, learnerUserId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** Grades and closes the learner's open attempt. */
export async function submitAttempt(
  db: SystemDb,
  learnerUserId: string,
  attemptId: string,
  answers: Record<string, string[]>,
  at: Date,
  /** Runs in the submission's transaction once graded (its audit entry). */
  onGraded?: (tx: DbOrTx, attempt: { id: string; partId: string }, g: Grade) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const a = await ownAttempt(tx, learnerUserId, attemptId, { forUpdate: true });
    if (a.status !== 'in_progress') throw new AppError('elearning_attempt_closed');
    if (answersProblem(a.questions, answers)) throw new AppError('elearning_answers_invalid');
    const g = grade(a.questions, answers, a.passPercent);
    const [row] = await tx
      .update(elearningAttempts)
      .set({
        status: g.passed ? 'passed' : 'failed',
        answers,
        correctCount: g.correctCount,
        scorePercent: g.scorePercent,
        submittedAt: at,
      })
      .where(eq(elearningAttempts.id, a.id))
      .returning();
    if (onGraded) await onGraded(tx, row!, g);
    const [quiz] = await tx.select().from(elearningQuizzes).where(eq(elearningQuizzes.partId, a.partId));
    const [used] = await tx
      .select({ n: count() })
      .from(elearningAttempts)
      .where(and(eq(elearningAttempts.partId, a.partId), eq(elearningAttempts.learnerUserId, learnerUserId)));
    return {
      attempt: presentAttempt(row!, attemptsLeft(quiz?.attemptLimit ?? null, used?.n ?? 0)),
      grade: g,
    };
  });
}

/** The learner's attempts at a part, newest first. */
export async function attemptsOf(db: DbOrTx, learnerUserId: string, partId: string) {
  return db
    .select()
    .from(elearningAttempts)
    .where(and(eq(elearningAttempts.partId, partId), eq(elearningAttempts.learnerUserId, learnerUserId)))
    .orderBy(desc(elearningAttempts.attemptNo));
}

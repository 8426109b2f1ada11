import { randomInt } from 'node:crypto';
import type { AttemptQuestion, QuestionChoice } from '../../../db/schema/learning-elearning';
import type { QuestionKind } from '../../../shared/vocab/learning-elearning';

/**
 * Server-graded quizzes (NA-7, decision 0021), pure: which questions an attempt asks, whether a question is well
 * formed, and the grade. The correct answers stay on the server until the attempt is submitted: the learner's
 * view of an attempt is built by {@link questionsForLearner}, which drops them.
 */

export type BankQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  choices: QuestionChoice[];
  correct: string[];
  explanation: string;
};

export type QuestionProblem =
  | 'too_few_choices'
  | 'duplicate_choice'
  | 'empty_choice'
  | 'no_correct_choice'
  | 'unknown_correct_choice'
  | 'single_needs_one_correct';

/** Why a question cannot be saved, or null. Two to ten choices with distinct ids and text. */
export function questionProblem(
  q: Pick<BankQuestion, 'kind' | 'choices' | 'correct'>,
): QuestionProblem | null {
  if (q.choices.length < 2) return 'too_few_choices';
  const ids = new Set(q.choices.map((c) => c.id));
  const texts = new Set(q.choices.map((c) => c.text.trim()));
  if (q.choices.some((c) => c.text.trim() === '')) return 'empty_choice';
  if (ids.size !== q.choices.length || texts.size !== q.choices.length) return 'duplicate_choice';
  if (q.correct.length === 0) return 'no_correct_choice';
  if (q.correct.some((c) => !ids.has(c)) || new Set(q.correct).size !== q.correct.length)
    return 'unknown_correct_choice';
  if (q.kind === 'single' && q.correct.length !== 1) return 'single_needs_one_correct';
  return null;
}

/** Fisher–Yates with a supplied random integer source (crypto by default; tests pass a seeded one). */
export function shuffle<T>(items: readonly T[], rand: (max: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The questions an attempt asks: `count` drawn from the bank (all when null or larger), questions and choices
 * in a fresh order, copied as they are now (a later edit of the bank does not change a started attempt).
 */
export function drawQuestions(
  bank: readonly BankQuestion[],
  count: number | null,
  rand: (max: number) => number = randomInt,
): AttemptQuestion[] {
  const drawn = shuffle(bank, rand).slice(0, count ?? bank.length);
  return drawn.map((q) => ({
    questionId: q.id,
    kind: q.kind,
    prompt: q.prompt,
    choices: shuffle(q.choices, rand),
    correct: [...q.correct],
    explanation: q.explanation,
  }));
}

/** An attempt's questions as the learner sees them before submitting: no correct answers, no explanations. */
export function questionsForLearner(questions: readonly AttemptQuestion[]) {
  return questions.map((q) => ({
    questionId: q.questionId,
    kind: q.kind,
    prompt: q.prompt,
    choices: q.choices,
  }));
}

export type Grade = {
  correctCount: number;
  questionCount: number;
  /** Rounded down: 79.9 % is 79 %. */
  scorePercent: number;
  passed: boolean;
  perQuestion: { questionId: string; correct: boolean }[];
};

/**
 * Grades answers (question id → chosen choice ids). A single-choice question is right with exactly its correct
 * choice; a multiple-choice one with exactly the correct set. Unanswered is wrong. Passing compares whole
 * numbers: correct × 100 ≥ pass mark × questions.
 */
export function grade(
  questions: readonly AttemptQuestion[],
  answers: Readonly<Record<string, readonly string[]>>,
  passPercent: number,
): Grade {
  const perQuestion = questions.map((q) => {
    const given = new Set(answers[q.questionId] ?? []);
    const right = new Set(q.correct);
    const correct = given.size === right.size && [...given].every((c) => right.has(c));
    return { questionId: q.questionId, correct };
  });
  const correctCount = perQuestion.filter((p) => p.correct).length;
  const questionCount = questions.length;
  return {
    correctCount,
    questionCount,
    scorePercent: questionCount === 0 ? 0 : Math.floor((correctCount * 100) / questionCount),
    passed: questionCount > 0 && correctCount * 100 >= passPercent * questionCount,
    perQuestion,
  };
}

export type AnswersProblem = 'unknown_question' | 'unknown_choice' | 'single_with_several';

/** Whether the submitted answers name only the attempt's questions and their choices. */
export function answersProblem(
  questions: readonly AttemptQuestion[],
  answers: Readonly<Record<string, readonly string[]>>,
): AnswersProblem | null {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = byId.get(qid);
    if (!q) return 'unknown_question';
    const ids = new Set(q.choices.map((c) => c.id));
    if (chosen.some((c) => !ids.has(c))) return 'unknown_choice';
    if (q.kind === 'single' && chosen.length > 1) return 'single_with_several';
  }
  return null;
}

/** Attempts left under a limit (null: no limit). */
export function attemptsLeft(limit: number | null, used: number): number | null {
  return limit === null ? null : Math.max(0, limit - used);
}

/**
 * The answering page's glue between what a person types and the survey's shared rules (src/shared/survey.ts):
 * the form's draft becomes answers (numbers with full-width digits, dates in 西暦 or 和暦), the same check the
 * server makes runs before sending, and the questions hidden by a condition are left out. Pure, tested in
 * answer-form.test.ts.
 */
import {
  type AnswerProblemCode,
  checkAnswers,
  isShown,
  MAX_SHORT_TEXT_ANSWER,
  MAX_TEXT_ANSWER,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyQuestion,
} from '../../../../../src/shared/survey';
import { parseJapaneseDate } from '../../../../../src/shared/wareki';

/** What the form holds per question: text as typed, the ticked choices, a matrix row → column. */
export type DraftValue = string | string[] | Record<string, string>;
export type Draft = Record<string, DraftValue>;

/** A problem of one question, as the form shows it (the shared codes, and a matrix with rows left). */
export type FormProblem = { question: string; code: AnswerProblemCode | 'required_matrix' };

/** A number as typed: full-width digits, a full-width minus and thousands separators are read. */
export function readNumber(text: string): number | null {
  const s = text
    .normalize('NFKC')
    .replace(/[ー−‐–—]/g, '-')
    .replace(/[,\s]/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A date as typed (西暦 or 和暦, parseJapaneseDate), as ISO; null when it is not a date. */
export function readDate(text: string): string | null {
  return text.trim() ? parseJapaneseDate(text) : null;
}

/**
 * The answers the draft gives (empty values left out) and the problems found before the shared rules run:
 * a number or a date that cannot be read.
 */
export function answersOf(
  def: SurveyDefinition,
  draft: Draft,
): { answers: SurveyAnswers; unread: FormProblem[] } {
  const answers: SurveyAnswers = {};
  const unread: FormProblem[] = [];
  for (const q of def.questions) {
    const v = draft[q.id];
    if (v === undefined) continue;
    if (q.type === 'number' && typeof v === 'string') {
      if (!v.trim()) continue;
      const n = readNumber(v);
      if (n === null) unread.push({ question: q.id, code: 'not_a_number' });
      else answers[q.id] = n;
    } else if (q.type === 'date' && typeof v === 'string') {
      if (!v.trim()) continue;
      const iso = readDate(v);
      if (iso === null) unread.push({ question: q.id, code: 'not_a_date' });
      else answers[q.id] = iso;
    } else if (typeof v === 'string') {
      if (v.trim()) answers[q.id] = v;
    } else if (Array.isArray(v)) {
      if (v.length) answers[q.id] = v;
    } else if (Object.keys(v).length) {
      answers[q.id] = v;
    }
  }
  return { answers, unread };
}

/** The questions asked now (a condition's question answered with one of its values). */
export function visibleQuestions(def: SurveyDefinition, draft: Draft): SurveyQuestion[] {
  const { answers } = answersOf(def, draft);
  return def.questions.filter((q) => isShown(q, answers));
}

/**
 * What the form sends and what is wrong with it: the shared rules over the answers of the questions asked
 * (hidden ones dropped), plus the numbers and dates that could not be read. One problem per question, in the
 * order of the questions.
 */
export function checkDraft(
  def: SurveyDefinition,
  draft: Draft,
): { answers: SurveyAnswers; problems: FormProblem[] } {
  const { answers, unread } = answersOf(def, draft);
  const shown = new Set(def.questions.filter((q) => isShown(q, answers)).map((q) => q.id));
  const { problems, kept } = checkAnswers(def, answers);
  const byQuestion = new Map<string, FormProblem>();
  for (const p of unread) if (shown.has(p.question)) byQuestion.set(p.question, p);
  for (const p of problems) {
    if (byQuestion.has(p.question)) continue;
    const q = def.questions.find((x) => x.id === p.question);
    const partMatrix = q?.type === 'matrix' && p.code === 'required' && answers[q.id] !== undefined;
    byQuestion.set(p.question, { question: p.question, code: partMatrix ? 'required_matrix' : p.code });
  }
  const order = def.questions.map((q) => q.id);
  const list = [...byQuestion.values()].sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question));
  return { answers: kept, problems: list };
}

/** The problems a refused answer names (the server's issues `answers.<question>` with their code). */
export function problemsFromIssues(issues: { path: string; message: string }[]): FormProblem[] {
  const codes = new Set<string>([
    'required',
    'not_a_choice',
    'not_a_number',
    'out_of_range',
    'not_a_date',
    'too_long',
    'unknown_question',
  ]);
  return issues
    .filter((i) => i.path.startsWith('answers.') && codes.has(i.message))
    .map((i) => ({ question: i.path.slice('answers.'.length), code: i.message as AnswerProblemCode }));
}

/** The most characters a text question takes. */
export function textLimit(q: SurveyQuestion): number {
  return q.type === 'text' ? MAX_SHORT_TEXT_ANSWER : MAX_TEXT_ANSWER;
}

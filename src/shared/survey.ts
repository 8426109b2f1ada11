/**
 * A survey's questions and the rules an answer must meet (docs/knowledge.md §5, decision 0027). Plain TypeScript
 * shared by the server (which decides) and the public answering page (which says the same before sending), so
 * the page's bundle carries no validation library.
 */
import { isIsoDate } from './dates';
import type { SurveyQuestionType } from './vocab/surveys';

export type SurveyChoice = { value: string; label: string };

/** Show a question only when an earlier choice question's answer includes one of the values. */
export type SurveyCondition = { question: string; anyOf: string[] };

export type SurveyQuestion = {
  /** Stable name within the survey (a column of the export): a–z, digits and _. */
  id: string;
  type: SurveyQuestionType;
  title: string;
  help?: string | undefined;
  required: boolean;
  /** single, multiple: the choices; matrix: the columns (one choice per row). */
  choices?: SurveyChoice[] | undefined;
  /** matrix: the rows. */
  rows?: SurveyChoice[] | undefined;
  /** number: the smallest and largest accepted. */
  min?: number | undefined;
  max?: number | undefined;
  showIf?: SurveyCondition | undefined;
  /**
   * matrix of a provider survey: "this question is the care items accepted" — rows are care-item codes and
   * columns acceptances, so an answer can be reviewed against the provider's directory listing (NA-4).
   * number of a municipal survey: "this question is the children the municipality knows of" — an answer can be
   * applied as the municipality's census source's reported figure for a 年度 (ME-3).
   */
  maps?: 'accepted_care' | 'census_children' | undefined;
};

export type SurveyDefinition = { questions: SurveyQuestion[] };

/** single, text, long_text, date: a string; multiple: strings; number: a number; matrix: row → column. */
export type SurveyAnswerValue = string | string[] | number | Record<string, string>;
export type SurveyAnswers = Record<string, SurveyAnswerValue>;

export const QUESTION_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_QUESTIONS = 100;
export const MAX_CHOICES = 50;
export const MAX_TEXT_ANSWER = 2000;
export const MAX_SHORT_TEXT_ANSWER = 200;

export type DefinitionProblem = { path: string; message: string };

const CHOICE_TYPES = new Set<SurveyQuestionType>(['single', 'multiple']);

/** What is wrong with a definition (empty when it can be used): unique ids, choices, conditions on earlier ones. */
export function definitionProblems(def: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, SurveyQuestion>();
  if (def.questions.length === 0) problems.push({ path: 'questions', message: 'A survey needs a question.' });
  if (def.questions.length > MAX_QUESTIONS) {
    problems.push({ path: 'questions', message: `At most ${MAX_QUESTIONS} questions.` });
  }
  def.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!QUESTION_ID_PATTERN.test(q.id)) {
      problems.push({ path: `${at}.id`, message: 'Use a–z, digits and _ (starting with a letter).' });
    }
    if (seen.has(q.id)) problems.push({ path: `${at}.id`, message: `The name ${q.id} is used twice.` });
    if (!q.title.trim()) problems.push({ path: `${at}.title`, message: 'A question needs its text.' });
    const needsChoices = CHOICE_TYPES.has(q.type) || q.type === 'matrix';
    if (needsChoices) {
      const choices = q.choices ?? [];
      if (choices.length === 0) problems.push({ path: `${at}.choices`, message: 'Give the choices.' });
      if (choices.length > MAX_CHOICES)
        problems.push({ path: `${at}.choices`, message: 'Too many choices.' });
      if (new Set(choices.map((c) => c.value)).size !== choices.length) {
        problems.push({ path: `${at}.choices`, message: 'Two choices have the same value.' });
      }
    }
    if (q.type === 'matrix') {
      const rows = q.rows ?? [];
      if (rows.length === 0) problems.push({ path: `${at}.rows`, message: 'Give the rows of the matrix.' });
      if (new Set(rows.map((r) => r.value)).size !== rows.length) {
        problems.push({ path: `${at}.rows`, message: 'Two rows have the same value.' });
      }
    }
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
      problems.push({ path: `${at}.max`, message: 'The largest is below the smallest.' });
    }
    if (q.showIf) {
      const on = seen.get(q.showIf.question);
      if (!on || !CHOICE_TYPES.has(on.type)) {
        problems.push({ path: `${at}.showIf`, message: 'A condition must name an earlier choice question.' });
      } else if (q.showIf.anyOf.some((v) => !(on.choices ?? []).some((c) => c.value === v))) {
        problems.push({
          path: `${at}.showIf`,
          message: 'A condition names a choice the question does not have.',
        });
      }
    }
    seen.set(q.id, q);
  });
  return problems;
}

/** Whether a question is asked, given the answers so far (its condition's question answered with a listed value). */
export function isShown(q: SurveyQuestion, answers: SurveyAnswers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  const values = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  return values.some((v) => q.showIf?.anyOf.includes(v));
}

export type AnswerProblemCode =
  | 'required'
  | 'not_a_choice'
  | 'not_a_number'
  | 'out_of_range'
  | 'not_a_date'
  | 'too_long'
  | 'unknown_question';

export type AnswerProblem = { question: string; code: AnswerProblemCode };

function isEmpty(v: SurveyAnswerValue | undefined): boolean {
  if (v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

function valueProblem(q: SurveyQuestion, v: SurveyAnswerValue): AnswerProblemCode | null {
  const values = new Set((q.choices ?? []).map((c) => c.value));
  switch (q.type) {
    case 'single':
      return typeof v === 'string' && values.has(v) ? null : 'not_a_choice';
    case 'multiple':
      return Array.isArray(v) && v.every((x) => values.has(x)) && new Set(v).size === v.length
        ? null
        : 'not_a_choice';
    case 'text':
    case 'long_text': {
      if (typeof v !== 'string') return 'too_long';
      const limit = q.type === 'text' ? MAX_SHORT_TEXT_ANSWER : MAX_TEXT_ANSWER;
      return v.length > limit ? 'too_long' : null;
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'not_a_number';
      if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) return 'out_of_range';
      return null;
    case 'date':
      return typeof v === 'string' && isIsoDate(v) ? null : 'not_a_date';
    case 'matrix': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not_a_choice';
      const rows = new Set((q.rows ?? []).map((r) => r.value));
      return Object.entries(v).every(
        ([row, col]) => rows.has(row) && typeof col === 'string' && values.has(col),
      )
        ? null
        : 'not_a_choice';
    }
  }
}

/**
 * Checks an answer against the definition. Returns the problems and the answer as kept: hidden questions and
 * empty values dropped, text trimmed. A required matrix needs every row.
 */
export function checkAnswers(
  def: SurveyDefinition,
  given: SurveyAnswers,
): { problems: AnswerProblem[]; kept: SurveyAnswers } {
  const problems: AnswerProblem[] = [];
  const kept: SurveyAnswers = {};
  const known = new Set(def.questions.map((q) => q.id));
  for (const id of Object.keys(given)) {
    if (!known.has(id)) problems.push({ question: id, code: 'unknown_question' });
  }
  for (const q of def.questions) {
    if (!isShown(q, kept)) continue;
    let v = given[q.id];
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || isEmpty(v)) {
      if (q.required) problems.push({ question: q.id, code: 'required' });
      continue;
    }
    const problem = valueProblem(q, v);
    if (problem) {
      problems.push({ question: q.id, code: problem });
      continue;
    }
    if (q.type === 'matrix' && q.required && Object.keys(v).length < (q.rows ?? []).length) {
      problems.push({ question: q.id, code: 'required' });
      continue;
    }
    kept[q.id] = v;
  }
  return { problems, kept };
}

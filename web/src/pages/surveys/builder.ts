/**
 * The survey builder's pure helpers (no React, no requests): blank questions, reorder and remove, the choices'
 * text form, a first check of the questions in the reader's words (the server decides with src/shared/survey.ts),
 * the closing day as an instant, and recipients pasted from Excel.
 */
import { isoDateInJapan } from '../../../../src/shared/dates';
import { QUESTION_ID_PATTERN, type SurveyChoice, type SurveyQuestion } from '../../../../src/shared/survey';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../src/shared/vocab/care-items';
import { ACCEPTANCE_LABELS, ACCEPTANCES } from '../../../../src/shared/vocab/resources';
import type { SurveyQuestionType } from '../../../../src/shared/vocab/surveys';

export const CHOICE_TYPES: readonly SurveyQuestionType[] = ['single', 'multiple'];
const HAS_CHOICES = new Set<SurveyQuestionType>(['single', 'multiple', 'matrix']);

/** The next free name q1, q2, … (a column of the export). */
export function nextQuestionId(questions: readonly Pick<SurveyQuestion, 'id'>[]): string {
  const used = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

export function blankQuestion(
  questions: readonly SurveyQuestion[],
  type: SurveyQuestionType,
): SurveyQuestion {
  return withType({ id: nextQuestionId(questions), type, title: '', required: false }, type);
}

/**
 * A provider survey's "care accepted" question (NA-4): a matrix of every care item against the directory's
 * acceptances, marked so that its answers can be applied to the provider's listing.
 */
export function acceptedCareQuestion(
  questions: readonly SurveyQuestion[],
  lang: 'ja' | 'en',
): SurveyQuestion {
  const id = questions.some((q) => q.id === 'accepted_care') ? nextQuestionId(questions) : 'accepted_care';
  return {
    id,
    type: 'matrix',
    title: lang === 'ja' ? '受け入れ可能な医療的ケア' : 'Medical care you can accept',
    required: false,
    maps: 'accepted_care',
    rows: CARE_ITEM_CODES.map((value) => ({ value, label: careItemLabel(value, lang) })),
    choices: ACCEPTANCES.map((value) => ({ value, label: ACCEPTANCE_LABELS[value][lang] })),
  };
}

/**
 * A municipal survey's "children with medical care you know of" question (ME-3): a whole number of zero or more,
 * marked so that each municipality's answer can be applied as its census source's reported figure.
 */
export function censusChildrenQuestion(questions: readonly SurveyQuestion[], title: string): SurveyQuestion {
  const id = questions.some((q) => q.id === 'census_children')
    ? nextQuestionId(questions)
    : 'census_children';
  return { id, type: 'number', title, required: false, min: 0, maps: 'census_children' };
}

/** Changes a question's kind, keeping what still applies (choices stay for single ↔ multiple ↔ matrix). */
export function withType(q: SurveyQuestion, type: SurveyQuestionType): SurveyQuestion {
  const next: SurveyQuestion = { id: q.id, type, title: q.title, help: q.help, required: q.required };
  if (q.showIf) next.showIf = q.showIf;
  if (HAS_CHOICES.has(type)) next.choices = q.choices ?? [];
  if (type === 'matrix') next.rows = q.rows ?? [];
  if (type === 'number') {
    next.min = q.min;
    next.max = q.max;
  }
  return next;
}

/** Moves the question at `index` up (-1) or down (+1); conditions on a question that would come after it drop. */
export function moveQuestion(
  list: readonly SurveyQuestion[],
  index: number,
  delta: -1 | 1,
): SurveyQuestion[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [q] = out.splice(index, 1);
  out.splice(to, 0, q!);
  return dropDanglingConditions(out);
}

/** Removes a question and any condition that named it. */
export function removeQuestion(list: readonly SurveyQuestion[], index: number): SurveyQuestion[] {
  return dropDanglingConditions(list.filter((_, i) => i !== index));
}

function dropDanglingConditions(list: SurveyQuestion[]): SurveyQuestion[] {
  const earlier = new Map<string, SurveyQuestion>();
  return list.map((q) => {
    let out = q;
    if (q.showIf) {
      const on = earlier.get(q.showIf.question);
      if (!on || !CHOICE_TYPES.includes(on.type)) {
        const { showIf: _drop, ...rest } = q;
        out = rest;
      }
    }
    earlier.set(q.id, out);
    return out;
  });
}

/** Choices as text, one label a line. */
export function choicesText(choices: readonly SurveyChoice[] | undefined): string {
  return (choices ?? []).map((c) => c.label).join('\n');
}

/**
 * Choices from text, one label a line: a label kept keeps its value (answers and conditions stay), a new one
 * gets the next free number.
 */
export function choicesFromText(text: string, previous: readonly SurveyChoice[] | undefined): SurveyChoice[] {
  const before = new Map((previous ?? []).map((c) => [c.label, c.value]));
  const used = new Set<string>();
  const labels = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const kept = labels.map((label) => {
    const v = before.get(label);
    if (v !== undefined && !used.has(v)) {
      used.add(v);
      return { value: v, label };
    }
    return { value: '', label };
  });
  let n = 1;
  return kept.map((c) => {
    if (c.value) return c;
    while (used.has(String(n))) n += 1;
    used.add(String(n));
    return { value: String(n), label: c.label };
  });
}

/** What the builder says about a question before saving (codes, worded by the page). */
export type QuestionIssue =
  | 'bad_id'
  | 'duplicate_id'
  | 'no_title'
  | 'no_choices'
  | 'no_rows'
  | 'min_over_max'
  | 'condition_choice';

export function questionIssues(list: readonly SurveyQuestion[]): Map<number, QuestionIssue[]> {
  const out = new Map<number, QuestionIssue[]>();
  const seen = new Set<string>();
  list.forEach((q, i) => {
    const issues: QuestionIssue[] = [];
    if (!QUESTION_ID_PATTERN.test(q.id)) issues.push('bad_id');
    else if (seen.has(q.id)) issues.push('duplicate_id');
    if (!q.title.trim()) issues.push('no_title');
    if (HAS_CHOICES.has(q.type) && (q.choices ?? []).length === 0) issues.push('no_choices');
    if (q.type === 'matrix' && (q.rows ?? []).length === 0) issues.push('no_rows');
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
      issues.push('min_over_max');
    }
    if (q.showIf && q.showIf.anyOf.length === 0) issues.push('condition_choice');
    seen.add(q.id);
    if (issues.length) out.set(i, issues);
  });
  return out;
}

/** The earlier choice questions a condition of question `index` may name. */
export function conditionSources(list: readonly SurveyQuestion[], index: number): SurveyQuestion[] {
  return list.slice(0, index).filter((q) => CHOICE_TYPES.includes(q.type));
}

/** A closing day (ISO date) as the instant the survey closes: the end of that day in Japan. */
export function closesAtOfDay(isoDate: string): string {
  return `${isoDate}T23:59:00+09:00`;
}

/** The day in Japan of a closing instant (for the form). */
export function dayOfClosesAt(instant: string | null): string | null {
  return instant ? isoDateInJapan(new Date(instant)) : null;
}

export type PastedRecipient = { name: string; email?: string; municipalityCode?: string; address?: string };
export type PasteProblem = { line: number; code: 'no_name' | 'unknown_municipality' };

const HEADER_NAMES = new Set(['氏名', '名前', 'お名前', '宛名', 'name']);

/**
 * Recipients pasted from Excel (tab-separated) or typed with commas, one a line: name, e-mail, municipality
 * (its name or 6-digit code), address; a header line is skipped. `municipality` finds the code of a name.
 */
export function parseRecipients(
  text: string,
  municipality: (nameOrCode: string) => string | undefined,
): { recipients: PastedRecipient[]; problems: PasteProblem[] } {
  const recipients: PastedRecipient[] = [];
  const problems: PasteProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = (raw.includes('\t') ? raw.split('\t') : raw.split(',')).map((c) => c.trim());
    const [name = '', email = '', muni = '', address = ''] = cells;
    if (i === 0 && HEADER_NAMES.has(name.toLowerCase())) return;
    if (!name) {
      problems.push({ line: i + 1, code: 'no_name' });
      return;
    }
    const r: PastedRecipient = { name };
    if (email) r.email = email;
    if (address) r.address = address;
    if (muni) {
      const code = municipality(muni);
      if (!code) {
        problems.push({ line: i + 1, code: 'unknown_municipality' });
        return;
      }
      r.municipalityCode = code;
    }
    recipients.push(r);
  });
  return { recipients, problems };
}

/**
 * A provider survey's accepted-care question and the directory (NA-4; pure). The question is a matrix marked
 * `maps: 'accepted_care'`: its rows are care-item codes, its columns the directory's acceptances. A provider's
 * answer is compared with its listing's care items: what would change (from → to) and what stays; staff apply
 * the changes they choose, and only those.
 */
import type { ResourceCareRow } from '../../db/schema';
import type { DefinitionProblem, SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../../shared/survey';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { ACCEPTANCES, type Acceptance } from '../../shared/vocab/resources';

const CODES = new Set<string>(CARE_ITEM_CODES);
const ACCEPT = new Set<string>(ACCEPTANCES);

/** The survey's accepted-care question, or null. */
export function careQuestion(def: SurveyDefinition): SurveyQuestion | null {
  return def.questions.find((q) => q.maps === 'accepted_care') ?? null;
}

/** What is wrong with the marker: a matrix only, once, rows known care items, columns acceptances. */
export function careMappingProblems(def: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  let seen = 0;
  def.questions.forEach((q, i) => {
    if (q.maps !== 'accepted_care') return;
    const at = `questions.${i}`;
    seen++;
    if (seen > 1)
      problems.push({ path: `${at}.maps`, message: 'Only one question can be the care accepted.' });
    if (q.type !== 'matrix') {
      problems.push({ path: `${at}.maps`, message: 'The care accepted is asked as a matrix.' });
      return;
    }
    for (const r of q.rows ?? []) {
      if (!CODES.has(r.value))
        problems.push({ path: `${at}.rows`, message: `Not a care item of the directory: ${r.value}` });
    }
    for (const c of q.choices ?? []) {
      if (!ACCEPT.has(c.value))
        problems.push({ path: `${at}.choices`, message: `Not an acceptance of the directory: ${c.value}` });
    }
  });
  return problems;
}

export type CareChange = { code: string; from: Acceptance | null; to: Acceptance };

/** The changes an answer proposes to a listing's care items, and the items it leaves as they are. */
export function proposeCare(
  current: readonly ResourceCareRow[],
  question: SurveyQuestion,
  answers: SurveyAnswers,
): { changes: CareChange[]; unchanged: { code: string; acceptance: Acceptance }[] } {
  const given = answers[question.id];
  const byCode = new Map(current.map((c) => [c.code, c.acceptance]));
  const changes: CareChange[] = [];
  const unchanged: { code: string; acceptance: Acceptance }[] = [];
  if (!given || typeof given !== 'object' || Array.isArray(given)) return { changes, unchanged };
  for (const row of question.rows ?? []) {
    const to = given[row.value];
    if (!to || !CODES.has(row.value) || !ACCEPT.has(to)) continue;
    const from = byCode.get(row.value) ?? null;
    if (from === to) unchanged.push({ code: row.value, acceptance: to as Acceptance });
    else changes.push({ code: row.value, from, to: to as Acceptance });
  }
  return { changes, unchanged };
}

/**
 * The listing's care items with the chosen changes made; the rest kept as they are. A condition written on
 * the listing stays while the item stays 条件付きで可.
 */
export function applyCare(
  current: readonly ResourceCareRow[],
  chosen: readonly CareChange[],
): ResourceCareRow[] {
  const out = new Map(current.map((c) => [c.code, { ...c }]));
  for (const ch of chosen) {
    const before = out.get(ch.code);
    out.set(ch.code, {
      code: ch.code,
      acceptance: ch.to,
      conditions: ch.to === 'accepted_with_conditions' ? (before?.conditions ?? null) : null,
    });
  }
  return [...out.values()];
}

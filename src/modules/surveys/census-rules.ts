/**
 * A municipal survey's count of children and the census (ME-3; pure). A number question marked
 * `maps: 'census_children'` asks each municipality how many children with medical care it knows of. Its answer,
 * given through the municipality's personal link, is reviewed beside the municipality's census source and the
 * 年度's linked count; staff apply it as the source's reported figure for the 年度, and only when they choose.
 */
import type { DefinitionProblem, SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../../shared/survey';

/** The survey's count-of-children question, or null. */
export function censusQuestion(def: SurveyDefinition): SurveyQuestion | null {
  return def.questions.find((q) => q.maps === 'census_children') ?? null;
}

/** What is wrong with the marker: a number question only, once, never below zero. */
export function censusMappingProblems(def: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  let seen = 0;
  def.questions.forEach((q, i) => {
    if (q.maps !== 'census_children') return;
    const at = `questions.${i}`;
    seen++;
    if (seen > 1)
      problems.push({ path: `${at}.maps`, message: 'Only one question can be the children counted.' });
    if (q.type !== 'number') {
      problems.push({ path: `${at}.maps`, message: 'The children counted are asked as a number.' });
      return;
    }
    if (q.max !== undefined && q.max < 0)
      problems.push({ path: `${at}.max`, message: 'A count of children cannot be below zero.' });
  });
  return problems;
}

/** Why an answer gives no figure: not answered, or not a whole number of zero or more. */
export type FigureProblem = 'not_answered' | 'not_whole';

/** The figure an answer reports: a whole number of zero or more, else why not. */
export function reportedFigure(
  question: SurveyQuestion,
  answers: SurveyAnswers,
): { figure: number; problem: null } | { figure: null; problem: FigureProblem } {
  const given = answers[question.id];
  if (given === undefined || given === null || given === '') return { figure: null, problem: 'not_answered' };
  const n = typeof given === 'number' ? given : typeof given === 'string' ? Number(given) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) return { figure: null, problem: 'not_whole' };
  return { figure: n, problem: null };
}

/** The source's figure for the 年度 as kept now. */
export type Reported = { count: number; answerId: string | null; version: number };

/**
 * Where one answer stands against a source's figure: 'new' (the source has none for the 年度), 'applied' (this
 * answer's figure is the source's), 'differs' (the source holds another figure, or the same from elsewhere).
 */
export type ReportedState = 'new' | 'applied' | 'differs';

export function reportedState(
  answerId: string,
  figure: number | null,
  current: Reported | null,
): ReportedState {
  if (!current) return 'new';
  return current.answerId === answerId && current.count === figure ? 'applied' : 'differs';
}

/**
 * What applying the answer's figure does: nothing when this answer's figure is already the source's (applying
 * twice changes nothing), a conflict when the figure moved since the caller read it (`version`: the one read,
 * null when there was none), else the figure written under the next version.
 */
export function applyDecision(
  answerId: string,
  figure: number,
  current: Reported | null,
  version: number | null,
):
  | { kind: 'unchanged' }
  | { kind: 'conflict'; currentVersion: number | null }
  | { kind: 'write'; next: number } {
  if (current && current.answerId === answerId && current.count === figure) return { kind: 'unchanged' };
  const now = current?.version ?? null;
  if (now !== version) return { kind: 'conflict', currentVersion: now };
  return { kind: 'write', next: (now ?? 0) + 1 };
}

/** The linked count less the reported figure (negative: the municipality knows of more than the lists hold). */
export function reportedGap(linked: number | null, reported: number | null): number | null {
  return linked === null || reported === null ? null : linked - reported;
}

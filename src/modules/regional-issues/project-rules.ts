/**
 * The stages of a development project (pure): operator advised → paperwork → designated → opened. The current
 * stage needs its date; a later stage's date is empty; the dates given never go back in time along the stages.
 * A project counts as an opening in the 年度 of its opening date.
 */
import { PROJECT_STAGES, type ProjectStage } from '../../shared/vocab/regional-issues';

export type StageDates = {
  advisedOn: string | null;
  paperworkOn: string | null;
  designatedOn: string | null;
  openedOn: string | null;
};

export const STAGE_DATE_FIELD = {
  operator_advised: 'advisedOn',
  paperwork: 'paperworkOn',
  designated: 'designatedOn',
  opened: 'openedOn',
} as const satisfies Record<ProjectStage, keyof StageDates>;

/** The field in error, or null when the stage and its dates fit. */
export function stageDatesProblem(stage: ProjectStage, dates: StageDates): keyof StageDates | null {
  const current = PROJECT_STAGES.indexOf(stage);
  let last: string | null = null;
  for (const [i, s] of PROJECT_STAGES.entries()) {
    const field = STAGE_DATE_FIELD[s];
    const d = dates[field];
    if (i === current && !d) return field;
    if (i > current && d) return field;
    if (d) {
      if (last && d < last) return field;
      last = d;
    }
  }
  return null;
}

/** The stage a project has reached, from the dates given (the latest stage with a date), or null. */
export function stageFromDates(dates: StageDates): ProjectStage | null {
  let found: ProjectStage | null = null;
  for (const s of PROJECT_STAGES) if (dates[STAGE_DATE_FIELD[s]]) found = s;
  return found;
}

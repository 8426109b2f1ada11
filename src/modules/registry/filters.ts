/**
 * Pure pieces of the registry search: the filter type and the translation of a life stage into a range of
 * birth dates, so SQL compares `birth_date` (indexed) instead of computing ages row by row.
 */
import type { z } from '@hono/zod-openapi';
import { INFANT_AGE_LIMIT, type LifeStage } from '../../shared/age';
import { addDays, makeIsoDate, requireIsoDate } from '../../shared/dates';
import { type Nendo, nendoOf, nendoRange } from '../../shared/nendo';
import type { ZChildFilter } from './schemas';

/** The list's filters after validation (dates already ISO). */
export type ChildFilter = z.output<typeof ZChildFilter>;

/** An inclusive range of ISO birth dates; null is an open end. */
export type BirthRange = { from: string | null; to: string | null };

/**
 * Births of the school cohort that enters 小学校 in `entryNendo` (schoolEntryNendo(birth) = entryNendo):
 * the day before the birth lies in 年度 entryNendo − 7, so the cohort is born April 2 … April 1.
 * cohortBirthRange(2027) → { from: '2020-04-02', to: '2021-04-01' }.
 */
export function cohortBirthRange(entryNendo: Nendo): { from: string; to: string } {
  const { start, end } = nendoRange(entryNendo - 7);
  return { from: addDays(start, 1), to: addDays(end, 1) };
}

/**
 * The last birth date of someone already `age` on `today` (age counted as in ageOn): the same month and day
 * `age` years earlier, or February 28 when that day is a 29 February that does not exist.
 */
export function lastBirthDateAged(today: string, age: number): string {
  const d = requireIsoDate(today);
  return makeIsoDate(d.year - age, d.month, d.day) ?? makeIsoDate(d.year - age, 2, 28)!;
}

/** School-year offsets (schoolYearOffset: 1 = 小1, 7 = 中1, 10 = 高1) of each stage after infancy. */
const STAGE_OFFSETS: Record<Exclude<LifeStage, 'infant'>, [lo: number | null, hi: number | null]> = {
  preschool: [null, 0],
  elementary: [1, 6],
  junior_high: [7, 9],
  high_school: [10, 12],
  adult: [13, null],
};

/**
 * Birth dates of the children in `stage` on `today`, the same partition as lifeStage(birth, today) in
 * src/shared/age.ts: 'infant' is under 3 by age (and not born after today), the other stages follow the 学齢
 * cohort, with 'preschool' starting at age 3. A child with schoolYearOffset k on today belongs to the cohort
 * entering in 年度 nendoOf(today) + 1 − k.
 */
export function lifeStageBirthRange(stage: LifeStage, today: string): BirthRange {
  const lastAged3 = lastBirthDateAged(today, INFANT_AGE_LIMIT);
  if (stage === 'infant') return { from: addDays(lastAged3, 1), to: today };
  const n = nendoOf(today);
  const [lo, hi] = STAGE_OFFSETS[stage];
  // A larger offset is an older cohort: the oldest birth comes from `hi`, the youngest from `lo`.
  const from = hi === null ? null : cohortBirthRange(n + 1 - hi).from;
  let to = lo === null ? null : cohortBirthRange(n + 1 - lo).to;
  if (stage === 'preschool') to = lastAged3;
  return { from, to };
}

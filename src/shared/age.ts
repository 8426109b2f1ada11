/**
 * Age, 学齢 (school cohort) and life stage, following reference-jp §12.
 *
 * Law: 年齢計算ニ関スル法律 with 民法143条 — age counts from the day of birth and goes up at the end of the day
 * before the birthday. So a person "満X歳に達する" on the day before the Xth birthday and *is* X from the birthday
 * on. Someone born on 2/29 reaches each age at the end of 2/28 in every year: in a leap year they are X on 2/29,
 * in other years on 3/1, and still X−1 on 2/28.
 *
 * 学齢 (学校教育法17条): school starts on the first April 1 after the day the child 満6歳に達した, so one cohort is born
 * April 2 – April 1 of the next year; April 1 babies reach 6 on March 31 and join the earlier cohort.
 * Grades here are the *standard* grade for the birth date; a child with 就学猶予 or in a different course is not
 * tracked by this module.
 */

import { addDays, compareIsoDates, makeIsoDate, requireIsoDate } from './dates';
import { type Nendo, nendoOf, nendoRange } from './nendo';
import type { LifeStage } from './vocab/registry';

function assertNotBefore(birthIso: string, onIso: string): void {
  if (compareIsoDates(onIso, birthIso) < 0) throw new RangeError(`date ${onIso} is before birth ${birthIso}`);
}

function assertAge(age: number): void {
  if (!Number.isInteger(age) || age < 1 || age > 200)
    throw new RangeError(`age must be an integer 1–200: ${age}`);
}

/**
 * Age in completed years (満年齢) on a date. The age goes up on the birthday (legally at the end of the day
 * before); a 2/29 birth is X on 3/1 of a common year. Throws RangeError when `onIso` is before the birth.
 */
export function ageOn(birthIso: string, onIso: string): number {
  const b = requireIsoDate(birthIso);
  const d = requireIsoDate(onIso);
  assertNotBefore(birthIso, onIso);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

/**
 * The day the person "満{age}歳に達する": the day before the birthday, 2/28 for a 2/29 birth in every year
 * (民法143条: with no corresponding day the period ends on the last day of the month).
 * dateAgeReached('2008-04-01', 18) → '2026-03-31'.
 */
export function dateAgeReached(birthIso: string, age: number): string {
  const b = requireIsoDate(birthIso);
  assertAge(age);
  const year = b.year + age;
  if (b.month === 2 && b.day === 29) {
    const iso = makeIsoDate(year, 2, 28);
    if (!iso) throw new RangeError(`year out of range: ${year}`);
    return iso;
  }
  const birthday = makeIsoDate(year, b.month, b.day);
  if (!birthday) throw new RangeError(`year out of range: ${year}`);
  return addDays(birthday, -1);
}

/** The 年度 in which the person reaches `age` (by {@link dateAgeReached}); an April 1 birth counts in the earlier 年度. */
export function nendoAgeReached(birthIso: string, age: number): Nendo {
  return nendoOf(dateAgeReached(birthIso, age));
}

/**
 * True when the person reaches `age` during the 年度, for alerts like "turns 18 this 年度". Uses the legal day of
 * reaching the age, so the children who turn X in a 年度 are exactly one school cohort (April 2 – April 1 births).
 */
export function turnsAgeInNendo(birthIso: string, age: number, nendo: Nendo): boolean {
  return nendoAgeReached(birthIso, age) === nendo;
}

/**
 * "{age}歳に達する日以後の最初の3月31日" — the end of the 年度 in which the age is reached, a deadline used by
 * 児童手当, 障害児 services and 特別支援学校: endOfNendoReachingAge('2008-04-02', 18) → '2027-03-31'.
 */
export function endOfNendoReachingAge(birthIso: string, age: number): string {
  return nendoRange(nendoAgeReached(birthIso, age)).end;
}

/**
 * The 年度 in which the child enters elementary school (小学校1年): reference-jp §12 formula
 * `b = birth − 1 day; fy = b.month >= 4 ? b.year : b.year − 1; entry = fy + 7`.
 */
export function schoolEntryNendo(birthIso: string): Nendo {
  return nendoOf(addDays(birthIso, -1)) + 7;
}

/** First day of elementary school (April 1): '2019-04-02' → '2026-04-01', '2019-04-01' → '2025-04-01'. */
export function schoolEntryDate(birthIso: string): string {
  return nendoRange(schoolEntryNendo(birthIso)).start;
}

/**
 * School year counted from entry on a date: 1 = 小学1年, 7 = 中学1年, 10 = 高校1年; 0 = the year before entry
 * (年長, the 就学相談 year), −1 = 年中, −2 = 年少. Throws RangeError before birth.
 */
export function schoolYearOffset(birthIso: string, onIso: string): number {
  assertNotBefore(birthIso, onIso);
  return nendoOf(onIso) - schoolEntryNendo(birthIso) + 1;
}

/** School stage by 学齢; 'beyond' is after the standard 高校3年 年度. */
export type SchoolStage = 'preschool' | 'elementary' | 'junior_high' | 'high_school' | 'beyond';

/** Standard school stage and grade within it (1-based); grade is null for 'preschool' and 'beyond'. */
export type SchoolGrade = { stage: SchoolStage; grade: number | null };

/**
 * The standard school stage and grade on a date: elementary 1–6, junior_high 1–3, high_school 1–3 (高等学校 or
 * 特別支援学校高等部), preschool before entry, beyond after. schoolGradeOn('2019-04-02', '2026-04-01') →
 * { stage: 'elementary', grade: 1 }. Throws RangeError before birth.
 */
export function schoolGradeOn(birthIso: string, onIso: string): SchoolGrade {
  const year = schoolYearOffset(birthIso, onIso);
  if (year < 1) return { stage: 'preschool', grade: null };
  if (year <= 6) return { stage: 'elementary', grade: year };
  if (year <= 9) return { stage: 'junior_high', grade: year - 6 };
  if (year <= 12) return { stage: 'high_school', grade: year - 9 };
  return { stage: 'beyond', grade: null };
}

/** Life stages used for grouping children and for transition alerts. */
export type { LifeStage };

/** Age below which a child is an 'infant' (乳幼児 under 3, the usual 0–2歳児 classes). */
export const INFANT_AGE_LIMIT = 3;

/**
 * Life stage on a date. Decided: 'infant' while under 3 (by age); then the school cohort decides — 'preschool'
 * until 小学校 entry, 'elementary', 'junior_high', 'high_school' through March 31 of the standard 高校3年 年度
 * (so an 18-year-old in that year is still 'high_school', matching the 医療的ケア児 definition "18+ while in
 * 高等学校等"), then 'adult' (everyone is 18 by then). Throws RangeError before birth.
 */
export function lifeStage(birthIso: string, onIso: string): LifeStage {
  if (ageOn(birthIso, onIso) < INFANT_AGE_LIMIT) return 'infant';
  const { stage } = schoolGradeOn(birthIso, onIso);
  return stage === 'beyond' ? 'adult' : stage;
}

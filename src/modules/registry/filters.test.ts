import { describe, expect, it } from 'vitest';
import { ageOn, lifeStage, schoolEntryNendo } from '../../shared/age';
import { addDays } from '../../shared/dates';
import { cohortBirthRange, lastBirthDateAged, lifeStageBirthRange } from './filters';
import { LIFE_STAGE_FILTERS } from './schemas';

function* days(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

const inRange = (iso: string, r: { from: string | null; to: string | null }) =>
  (r.from === null || iso >= r.from) && (r.to === null || iso <= r.to);

describe('cohortBirthRange', () => {
  it('is born April 2 – April 1, April 1 babies joining the earlier year', () => {
    expect(cohortBirthRange(2027)).toEqual({ from: '2020-04-02', to: '2021-04-01' });
    expect(schoolEntryNendo('2020-04-01')).toBe(2026);
    expect(schoolEntryNendo('2020-04-02')).toBe(2027);
  });

  it('holds exactly the births whose schoolEntryNendo is the 年度', () => {
    for (const b of days('2011-01-01', '2022-12-31')) {
      const n = schoolEntryNendo(b);
      expect(inRange(b, cohortBirthRange(n)), b).toBe(true);
      expect(inRange(b, cohortBirthRange(n + 1)), b).toBe(false);
    }
  });
});

describe('lastBirthDateAged', () => {
  it.each([
    ['2026-06-01', 3, '2023-06-01'],
    ['2028-02-29', 3, '2025-02-28'],
    ['2027-03-01', 3, '2024-03-01'],
  ])('%s, age %i → %s', (today, age, expected) => {
    expect(lastBirthDateAged(today, age)).toBe(expected);
    expect(ageOn(expected, today)).toBe(age);
    expect(ageOn(addDays(expected, 1), today)).toBe(age - 1);
  });
});

describe('lifeStageBirthRange', () => {
  // Todays around the boundaries: 年度 start and end, a leap day, the day after it, a birthday in between.
  const todays = [
    '2026-06-01',
    '2026-04-01',
    '2027-03-31',
    '2028-02-29',
    '2028-03-01',
    '2027-02-28',
    '2025-12-31',
  ];

  it.each(todays)('partitions every birth date exactly as lifeStage does, on %s', (today) => {
    const ranges = LIFE_STAGE_FILTERS.map((s) => [s, lifeStageBirthRange(s, today)] as const);
    for (const b of days(addDays(today, -365 * 24), today)) {
      const expected = lifeStage(b, today);
      const matching = ranges.filter(([, r]) => inRange(b, r)).map(([s]) => s);
      expect(matching, `${b} on ${today}`).toEqual([expected]);
    }
  });

  it('matches no future birth', () => {
    const today = '2026-06-01';
    for (const s of LIFE_STAGE_FILTERS)
      expect(inRange('2026-06-02', lifeStageBirthRange(s, today))).toBe(false);
  });

  it('gives hand-computed ranges for 2026-06-01 (令和8年度)', () => {
    expect(lifeStageBirthRange('infant', '2026-06-01')).toEqual({ from: '2023-06-02', to: '2026-06-01' });
    // 小1 in 2026年度 is the cohort born 2019-04-02 … 2020-04-01.
    expect(lifeStageBirthRange('preschool', '2026-06-01')).toEqual({ from: '2020-04-02', to: '2023-06-01' });
    expect(lifeStageBirthRange('elementary', '2026-06-01')).toEqual({ from: '2014-04-02', to: '2020-04-01' });
    expect(lifeStageBirthRange('junior_high', '2026-06-01')).toEqual({
      from: '2011-04-02',
      to: '2014-04-01',
    });
    expect(lifeStageBirthRange('high_school', '2026-06-01')).toEqual({
      from: '2008-04-02',
      to: '2011-04-01',
    });
    expect(lifeStageBirthRange('adult', '2026-06-01')).toEqual({ from: null, to: '2008-04-01' });
  });
});

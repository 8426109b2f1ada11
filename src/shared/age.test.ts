import { describe, expect, it } from 'vitest';
import {
  ageOn,
  dateAgeReached,
  endOfNendoReachingAge,
  lifeStage,
  nendoAgeReached,
  schoolEntryDate,
  schoolEntryNendo,
  schoolGradeOn,
  schoolYearOffset,
  turnsAgeInNendo,
} from './age';
import { addDays } from './dates';
import { nendoRange } from './nendo';

/** Every day from `from` to `to` inclusive. */
function* days(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

describe('ageOn', () => {
  it.each([
    ['2019-05-01', '2019-05-01', 0],
    ['2019-05-01', '2020-04-30', 0],
    ['2019-05-01', '2020-05-01', 1],
    ['2019-05-01', '2025-04-30', 5],
    ['2019-05-01', '2025-05-01', 6],
    ['2008-04-01', '2026-03-31', 17],
    ['2008-04-01', '2026-04-01', 18],
    ['2000-12-31', '2018-12-30', 17],
    ['2000-12-31', '2018-12-31', 18],
    ['2001-01-01', '2019-01-01', 18],
    // 2/29 births: reach the age at the end of 2/28, so they are X on 2/29 (leap) or 3/1 (common year).
    ['2020-02-29', '2021-02-28', 0],
    ['2020-02-29', '2021-03-01', 1],
    ['2020-02-29', '2024-02-28', 3],
    ['2020-02-29', '2024-02-29', 4],
    ['2020-02-29', '2038-02-28', 17],
    ['2020-02-29', '2038-03-01', 18],
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
    // 3/1 births in leap years are unaffected.
    ['2020-03-01', '2021-02-28', 0],
    ['2020-03-01', '2021-03-01', 1],
  ])('born %s, on %s → %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('throws before birth and on invalid dates', () => {
    expect(() => ageOn('2020-01-02', '2020-01-01')).toThrow(RangeError);
    expect(() => ageOn('2020-02-30', '2021-01-01')).toThrow(RangeError);
    expect(() => ageOn('2020-01-01', '2021/01/01')).toThrow(RangeError);
  });
});

describe('dateAgeReached', () => {
  it.each([
    ['2019-05-01', 6, '2025-04-30'],
    ['2008-04-01', 18, '2026-03-31'],
    ['2008-04-02', 18, '2026-04-01'],
    ['2001-01-01', 18, '2018-12-31'],
    ['2000-03-01', 20, '2020-02-29'],
    ['2001-03-01', 1, '2002-02-28'],
    // 2/29: the day reached is 2/28 in leap and common years alike (民法143条).
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-28'],
    ['2020-02-29', 18, '2038-02-28'],
  ])('born %s reaches %i on %s', (birth, age, iso) => {
    expect(dateAgeReached(birth, age)).toBe(iso);
  });

  it.each([0, -1, 1.5, 201])('rejects age %s', (age) => {
    expect(() => dateAgeReached('2020-01-01', age)).toThrow(RangeError);
  });

  it('is the last day of age X−1; the next day the person is X (every birth date 2019–2021, ages 1, 6, 18, 20)', () => {
    for (const birth of days('2019-01-01', '2021-12-31')) {
      for (const age of [1, 6, 18, 20]) {
        const reached = dateAgeReached(birth, age);
        expect(ageOn(birth, reached)).toBe(age - 1);
        expect(ageOn(birth, addDays(reached, 1))).toBe(age);
      }
    }
  });
});

describe('年度 of reaching an age', () => {
  it.each([
    // April 1 births reach the age on March 31, in the earlier 年度.
    ['2008-04-01', 18, 2025, '2026-03-31'],
    ['2008-04-02', 18, 2026, '2027-03-31'],
    ['2007-04-02', 18, 2025, '2026-03-31'],
    ['2008-03-31', 18, 2025, '2026-03-31'],
    ['2004-02-29', 20, 2023, '2024-03-31'],
    ['2002-04-01', 23, 2024, '2025-03-31'],
  ])('born %s reaches %i in 年度 %i, deadline %s', (birth, age, nendo, deadline) => {
    expect(nendoAgeReached(birth, age)).toBe(nendo);
    expect(turnsAgeInNendo(birth, age, nendo)).toBe(true);
    expect(turnsAgeInNendo(birth, age, nendo - 1)).toBe(false);
    expect(turnsAgeInNendo(birth, age, nendo + 1)).toBe(false);
    expect(endOfNendoReachingAge(birth, age)).toBe(deadline);
  });

  it('"turns 18 in 年度 X" is exactly the standard 高校3年 cohort of X (every birth date 2006–2009)', () => {
    for (const birth of days('2006-01-01', '2009-12-31')) {
      for (const nendo of [2024, 2025, 2026]) {
        const grade = schoolGradeOn(birth, nendoRange(nendo).start);
        const inHigh3 = grade.stage === 'high_school' && grade.grade === 3;
        expect(turnsAgeInNendo(birth, 18, nendo)).toBe(inHigh3);
      }
    }
  });
});

describe('schoolEntryDate', () => {
  it.each([
    ['2019-04-01', '2025-04-01'],
    ['2019-04-02', '2026-04-01'],
    ['2019-12-31', '2026-04-01'],
    ['2020-01-01', '2026-04-01'],
    ['2020-02-29', '2026-04-01'],
    ['2020-03-31', '2026-04-01'],
    ['2020-04-01', '2026-04-01'],
    ['2020-04-02', '2027-04-01'],
    ['2018-04-02', '2025-04-01'],
  ])('born %s → %s', (birth, entry) => {
    expect(schoolEntryDate(birth)).toBe(entry);
    expect(schoolEntryNendo(birth)).toBe(Number(entry.slice(0, 4)));
  });

  it('is the first April 1 after the day the child 満6歳に達した (every birth date 2000–2024)', () => {
    for (const birth of days('2000-01-01', '2024-12-31')) {
      const dayAfterReaching6 = addDays(dateAgeReached(birth, 6), 1);
      const y = Number(dayAfterReaching6.slice(0, 4));
      const april1 = `${y}-04-01` >= dayAfterReaching6 ? `${y}-04-01` : `${y + 1}-04-01`;
      expect(schoolEntryDate(birth)).toBe(april1);
      // Every child is 6 on the first day of school, and none is 7.
      expect(ageOn(birth, april1)).toBe(6);
    }
  });
});

describe('schoolGradeOn / schoolYearOffset', () => {
  const birth = '2019-04-02'; // enters 2026-04-01
  it.each([
    ['2019-04-02', -6, 'preschool', null],
    ['2023-04-01', -2, 'preschool', null],
    ['2025-04-01', 0, 'preschool', null],
    ['2026-03-31', 0, 'preschool', null],
    ['2026-04-01', 1, 'elementary', 1],
    ['2027-03-31', 1, 'elementary', 1],
    ['2027-04-01', 2, 'elementary', 2],
    ['2031-04-01', 6, 'elementary', 6],
    ['2032-03-31', 6, 'elementary', 6],
    ['2032-04-01', 7, 'junior_high', 1],
    ['2034-04-01', 9, 'junior_high', 3],
    ['2035-04-01', 10, 'high_school', 1],
    ['2037-04-01', 12, 'high_school', 3],
    ['2038-03-31', 12, 'high_school', 3],
    ['2038-04-01', 13, 'beyond', null],
    ['2060-01-01', 34, 'beyond', null],
  ] as const)(`born ${birth}, on %s → offset %i, %s %s`, (on, offset, stage, grade) => {
    expect(schoolYearOffset(birth, on)).toBe(offset);
    expect(schoolGradeOn(birth, on)).toEqual({ stage, grade });
  });

  it('puts April 1 births in the earlier cohort', () => {
    expect(schoolGradeOn('2019-04-01', '2025-04-01')).toEqual({ stage: 'elementary', grade: 1 });
    expect(schoolGradeOn('2019-04-02', '2025-04-01')).toEqual({ stage: 'preschool', grade: null });
  });

  it('throws before birth', () => {
    expect(() => schoolGradeOn('2020-01-01', '2019-12-31')).toThrow(RangeError);
  });
});

describe('lifeStage', () => {
  it.each([
    ['2019-04-02', '2019-04-02', 'infant'],
    ['2019-04-02', '2022-04-01', 'infant'],
    ['2019-04-02', '2022-04-02', 'preschool'],
    ['2019-04-02', '2026-03-31', 'preschool'],
    ['2019-04-02', '2026-04-01', 'elementary'],
    ['2019-04-02', '2032-04-01', 'junior_high'],
    ['2019-04-02', '2035-04-01', 'high_school'],
    // 18 on 2037-04-02 but still in the 高校3年 年度.
    ['2019-04-02', '2037-12-01', 'high_school'],
    ['2019-04-02', '2038-03-31', 'high_school'],
    ['2019-04-02', '2038-04-01', 'adult'],
    ['2000-01-01', '2025-01-01', 'adult'],
  ])('born %s, on %s → %s', (birth, on, stage) => {
    expect(lifeStage(birth, on)).toBe(stage);
  });

  it('throws before birth', () => {
    expect(() => lifeStage('2020-01-01', '2019-12-31')).toThrow(RangeError);
  });

  it('never goes backwards, and every adult is at least 18 (daily, one child born 2020-02-29)', () => {
    const order = ['infant', 'preschool', 'elementary', 'junior_high', 'high_school', 'adult'];
    let last = 0;
    for (const on of days('2020-02-29', '2040-12-31')) {
      const i = order.indexOf(lifeStage('2020-02-29', on));
      expect(i).toBeGreaterThanOrEqual(last);
      if (order[i] === 'adult') expect(ageOn('2020-02-29', on)).toBeGreaterThanOrEqual(18);
      last = i;
    }
    expect(last).toBe(order.length - 1);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import {
  defaultTransitionNendo,
  TRANSITION_KINDS,
  type TransitionKind,
  transitionBirthRange,
  transitionKindsOf,
} from './rules';

function* days(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

describe('transitionKindsOf (hand-computed, 年度 2027 = 令和9年度)', () => {
  it.each<[string, TransitionKind[]]>([
    // 学齢 boundary: 2020-04-01 reaches 6 on 2026-03-31 and enters school in April 2026; 04-02 a year later.
    ['2020-04-01', []],
    ['2020-04-02', ['elementary_entry']],
    ['2021-04-01', ['elementary_entry']],
    ['2021-04-02', []],
    // 年少 in 2027: born 2023-04-02 … 2024-04-01 (enters school in 2030).
    ['2023-04-02', ['nursery_entry']],
    ['2024-02-29', ['nursery_entry']],
    ['2024-04-01', ['nursery_entry']],
    ['2024-04-02', []],
    // 中学部 2027: entered school 2021 (born 2014-04-02 … 2015-04-01); 高等部: entered 2018.
    ['2014-04-02', ['special_school_junior_entry']],
    ['2014-04-01', []],
    ['2011-06-15', ['special_school_high_entry']],
    // Leaving in March 2028: entered school 2016, born 2009-04-02 … 2010-04-01; they also turn 18 in 2027.
    ['2009-04-02', ['school_leaving', 'turning_18']],
    ['2010-04-01', ['school_leaving', 'turning_18']],
    ['2009-04-01', []],
    // 20th birthdays in 2027: reaching 20 between 2027-04-01 and 2028-03-31.
    ['2007-04-02', ['turning_20']],
    ['2008-04-01', ['turning_20']],
    ['2008-02-29', ['turning_20']],
    ['2007-04-01', []],
  ])('%s → %j', (birth, kinds) => {
    expect(transitionKindsOf(birth, 2027)).toEqual(kinds);
  });

  it('puts a 29 February birth in the 年度 of 28 February: 2008-02-29 reaches 18 on 2026-02-28 (年度 2025)', () => {
    expect(transitionKindsOf('2008-02-29', 2025)).toContain('turning_18');
    expect(transitionKindsOf('2008-02-29', 2026)).not.toContain('turning_18');
    expect(transitionKindsOf('2008-02-29', 2027)).toContain('turning_20');
  });

  it('treats an 18th birthday on 1 April as reached on 31 March, in the earlier 年度', () => {
    // Born 2009-04-01: reaches 18 on 2027-03-31 → 年度 2026.
    expect(transitionKindsOf('2009-04-01', 2026)).toContain('turning_18');
    expect(transitionKindsOf('2009-04-01', 2027)).not.toContain('turning_18');
  });
});

describe('transitionBirthRange', () => {
  it('gives hand-computed ranges for 2027', () => {
    expect(transitionBirthRange('elementary_entry', 2027)).toEqual({ from: '2020-04-02', to: '2021-04-01' });
    expect(transitionBirthRange('nursery_entry', 2027)).toEqual({ from: '2023-04-02', to: '2024-04-01' });
    expect(transitionBirthRange('school_leaving', 2027)).toEqual({ from: '2009-04-02', to: '2010-04-01' });
    expect(transitionBirthRange('turning_20', 2027)).toEqual({ from: '2007-04-02', to: '2008-04-01' });
  });

  it.each([2019, 2027, 2028])(
    'holds exactly the births transitionKindsOf puts in each kind (%i)',
    (nendo) => {
      const ranges = TRANSITION_KINDS.map((k) => [k, transitionBirthRange(k, nendo)] as const);
      for (const b of days(`${nendo - 24}-01-01`, `${nendo}-12-31`)) {
        const fromRanges = ranges.filter(([, r]) => b >= r.from && b <= r.to).map(([k]) => k);
        expect(fromRanges, b).toEqual(transitionKindsOf(b, nendo));
      }
    },
  );
});

describe('defaultTransitionNendo', () => {
  it('is the next 年度 in Japan time', () => {
    // 2027-03-31T15:00Z is already 1 April in Japan: 年度 2027 has begun, so the next is 2028.
    expect(defaultTransitionNendo(new Date('2027-03-31T14:59:59Z'))).toBe(2027);
    expect(defaultTransitionNendo(new Date('2027-03-31T15:00:00Z'))).toBe(2028);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  closedReason,
  isOverdueOn,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  overdueBefore,
  publicHolidayOn,
  workingCalendar,
  workingDaysBetween,
} from './working-days';

describe('working days: the public rules', () => {
  it.each([
    ['2027-01-11', '成人の日'],
    ['2026-01-12', '成人の日'],
    ['2026-05-06', 'こどもの日 振替休日'],
    ['2027-03-22', '春分の日 振替休日'],
    ['2026-09-22', '休日'], // 国民の休日 between 敬老の日 and 秋分の日
    ['2027-02-23', '天皇誕生日'],
  ])('%s is a public holiday (%s)', (iso, ja) => {
    expect(publicHolidayOn(iso)?.ja).toBe(ja);
    expect(isWorkingDay(iso)).toBe(false);
  });

  it('weekdays are working days, weekends are not', () => {
    expect(isWorkingDay('2027-01-12')).toBe(true); // Tuesday
    expect(isWorkingDay('2027-01-09')).toBe(false); // Saturday
    expect(closedReason('2027-01-10')).toEqual({ kind: 'weekend' }); // Sunday
  });

  it('closes 12/29 to 1/3 for the year end, holiday or not', () => {
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-02', '2027-01-03']) {
      expect(isWorkingDay(d)).toBe(false);
    }
    expect(closedReason('2026-12-29')).toEqual({ kind: 'year_end' });
    expect(closedReason('2027-01-01')?.kind).toBe('holiday');
    expect(isWorkingDay('2026-12-28')).toBe(true);
    expect(isWorkingDay('2027-01-04')).toBe(true);
  });

  it('honours a prefecture’s extra closures', () => {
    const cal = workingCalendar(['2027-01-12']);
    expect(closedReason('2027-01-12', cal)).toEqual({ kind: 'extra' });
    expect(addWorkingDays('2027-01-08', 1, cal)).toBe('2027-01-13');
    expect(addWorkingDays('2027-01-08', 1)).toBe('2027-01-12');
  });
});

describe('addWorkingDays', () => {
  it('skips Golden Week 2026', () => {
    // Thu 30 Apr → Fri 1 May, then Sat 2, Sun 3 … Wed 6 (振替休日) closed → Thu 7 May.
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addWorkingDays('2026-04-30', 2)).toBe('2026-05-07');
    expect(addWorkingDays('2026-05-07', -2)).toBe('2026-04-30');
  });

  it('crosses the year-end closure', () => {
    expect(addWorkingDays('2026-12-25', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-25', 2)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-25', 3)).toBe('2027-01-05');
  });

  it('with 0, rolls a closed day forward', () => {
    expect(addWorkingDays('2027-01-09', 0)).toBe('2027-01-12');
    expect(nextWorkingDayOnOrAfter('2027-01-12')).toBe('2027-01-12');
  });

  it('refuses fractions', () => {
    expect(() => addWorkingDays('2027-01-08', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to the last', () => {
    expect(workingDaysBetween('2027-01-08', '2027-01-12')).toBe(1); // 成人の日 and the weekend skipped
    expect(workingDaysBetween('2026-12-25', '2027-01-05')).toBe(3); // 28 Dec, 4 Jan, 5 Jan
    expect(workingDaysBetween('2026-05-01', '2026-05-07')).toBe(1);
    expect(workingDaysBetween('2027-01-12', '2027-01-12')).toBe(0);
    expect(workingDaysBetween('2027-01-12', '2027-01-01')).toBe(0);
  });

  it('agrees with addWorkingDays', () => {
    for (const from of ['2026-04-28', '2026-12-24', '2027-03-19', '2027-01-08']) {
      for (let n = 1; n <= 8; n++) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    }
  });
});

describe('overdue', () => {
  it('what fell due on Friday is overdue on Monday, not over the weekend before', () => {
    expect(isOverdueOn('2027-01-15', '2027-01-18')).toBe(true); // Fri → Mon
    expect(isOverdueOn('2027-01-15', '2027-01-15')).toBe(false);
  });

  it('a due date on a closed day moves to the next working day', () => {
    // Due on 成人の日 (Mon 11 Jan 2027): due Tuesday, overdue on Wednesday.
    expect(isOverdueOn('2027-01-11', '2027-01-12')).toBe(false);
    expect(isOverdueOn('2027-01-11', '2027-01-13')).toBe(true);
    // Due on 30 Dec: due 4 Jan, overdue on 5 Jan.
    expect(isOverdueOn('2026-12-30', '2027-01-04')).toBe(false);
    expect(isOverdueOn('2026-12-30', '2027-01-05')).toBe(true);
    expect(overdueBefore('2027-01-05')).toBe('2027-01-05');
    expect(overdueBefore('2027-01-04')).toBe('2026-12-29');
  });
});

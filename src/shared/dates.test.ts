import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  isoDateInJapan,
  isValidDateParts,
  isWithin,
  makeIsoDate,
  parseIsoDate,
  requireIsoDate,
  toEpochDay,
  weekdayOf,
} from './dates';

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
    [2025, 0, 0],
    [2025, 13, 0],
    [2025, 1.5, 0],
  ])('daysInMonth(%i, %s) → %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('parseIsoDate / isIsoDate / makeIsoDate', () => {
  it.each([
    ['2019-05-01', { year: 2019, month: 5, day: 1 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['0001-01-01', { year: 1, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('accepts %s', (iso, parts) => {
    expect(parseIsoDate(iso)).toEqual(parts);
    expect(isIsoDate(iso)).toBe(true);
    expect(makeIsoDate(parts.year, parts.month, parts.day)).toBe(iso);
  });

  it.each([
    '2019-02-30',
    '2023-02-29',
    '1900-02-29',
    '2019-04-31',
    '2019-13-01',
    '2019-00-10',
    '2019-01-00',
    '0000-01-01',
    '2019-5-1',
    '19-05-01',
    '2019/05/01',
    '20190501',
    '2019-05-01T00:00:00Z',
    ' 2019-05-01',
    '２０１９-０５-０１',
    '',
  ])('rejects %j', (s) => {
    expect(parseIsoDate(s)).toBeNull();
    expect(isIsoDate(s)).toBe(false);
    expect(() => requireIsoDate(s)).toThrow(RangeError);
  });

  it('isIsoDate rejects non-strings', () => {
    expect(isIsoDate(20190501)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });

  it.each([
    [2019, 2, 30],
    [2019, 1.5, 1],
    [10000, 1, 1],
    [0, 1, 1],
    [Number.NaN, 1, 1],
  ])('makeIsoDate(%s, %s, %s) → null', (y, m, d) => {
    expect(makeIsoDate(y, m, d)).toBeNull();
    expect(isValidDateParts(y, m, d)).toBe(false);
  });

  it('pads small years', () => {
    expect(makeIsoDate(99, 1, 2)).toBe('0099-01-02');
  });
});

describe('epoch days', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2019-05-01', 18017],
    ['0001-01-01', -719162],
    ['9999-12-31', 2932896],
  ])('%s ↔ %i', (iso, n) => {
    expect(toEpochDay(iso)).toBe(n);
    expect(fromEpochDay(n)).toBe(iso);
  });

  it('agrees with Date.UTC for every day 1899–2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const n = t / 86_400_000;
      expect(toEpochDay(iso)).toBe(n);
      expect(fromEpochDay(n)).toBe(iso);
    }
  });

  it('rejects out-of-range and fractional day numbers', () => {
    expect(() => fromEpochDay(-719163)).toThrow(RangeError);
    expect(() => fromEpochDay(2932897)).toThrow(RangeError);
    expect(() => fromEpochDay(1.5)).toThrow(RangeError);
  });
});

describe('addDays / daysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2025-03-31', 1, '2025-04-01'],
    ['2025-04-01', -1, '2025-03-31'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2019-05-01', 0, '2019-05-01'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2021-01-01', 365, '2022-01-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
  ])('addDays(%s, %i) → %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
    expect(daysBetween(iso, expected)).toBe(n);
    expect(daysBetween(expected, iso)).toBe(0 - n);
  });

  it('throws on an invalid date', () => {
    expect(() => addDays('2019-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2019-01-01', 'x')).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    // A Date-based implementation breaks here in zones west of UTC; ours never builds a local Date.
    expect(addDays('2019-05-01', -1)).toBe('2019-04-30');
  });
});

describe('compareIsoDates / isWithin', () => {
  it.each([
    ['2019-04-30', '2019-05-01', -1],
    ['2019-05-01', '2019-05-01', 0],
    ['2020-01-01', '2019-12-31', 1],
    ['0999-12-31', '1000-01-01', -1],
  ] as const)('compare(%s, %s) → %i', (a, b, r) => {
    expect(compareIsoDates(a, b)).toBe(r);
  });

  it('throws on invalid input', () => {
    expect(() => compareIsoDates('2019-5-1', '2019-05-01')).toThrow(RangeError);
  });

  it.each([
    ['2025-04-01', true],
    ['2026-03-31', true],
    ['2025-10-10', true],
    ['2025-03-31', false],
    ['2026-04-01', false],
  ])('isWithin(%s, FY2025) → %s', (iso, inside) => {
    expect(isWithin(iso, '2025-04-01', '2026-03-31')).toBe(inside);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['1970-01-01', 4],
    ['2019-05-01', 3],
    ['2019-04-05', 5],
    ['2025-04-01', 2],
    ['1969-12-28', 0],
    ['0001-01-01', 1],
  ])('%s → %i', (iso, wd) => {
    expect(weekdayOf(iso)).toBe(wd);
  });
});

describe('isoDateInJapan', () => {
  it.each([
    ['2025-03-31T14:59:59.999Z', '2025-03-31'],
    ['2025-03-31T15:00:00.000Z', '2025-04-01'],
    ['2025-04-01T00:00:00+09:00', '2025-04-01'],
    ['2024-12-31T23:00:00-05:00', '2025-01-01'],
  ])('%s → %s', (instant, iso) => {
    expect(isoDateInJapan(new Date(instant))).toBe(iso);
  });

  it('throws on an invalid Date', () => {
    expect(() => isoDateInJapan(new Date('nope'))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { currentNendo, formatNendo, isInNendo, nendoOf, nendoRange, parseNendo } from './nendo';

describe('nendoOf', () => {
  it.each([
    ['2025-04-01', 2025],
    ['2025-12-31', 2025],
    ['2026-01-01', 2025],
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2019-04-30', 2019],
    ['2019-05-01', 2019],
    ['2024-02-29', 2023],
    ['2000-03-31', 1999],
  ])('%s → %i', (iso, nendo) => {
    expect(nendoOf(iso)).toBe(nendo);
    expect(isInNendo(iso, nendo)).toBe(true);
    expect(isInNendo(iso, nendo + 1)).toBe(false);
  });

  it('throws on an invalid date', () => {
    expect(() => nendoOf('2025-02-30')).toThrow(RangeError);
  });
});

describe('nendoRange', () => {
  it.each([
    [2025, '2025-04-01', '2026-03-31'],
    [2019, '2019-04-01', '2020-03-31'],
    [1999, '1999-04-01', '2000-03-31'],
  ])('%i → %s … %s', (nendo, start, end) => {
    expect(nendoRange(nendo)).toEqual({ start, end });
  });

  it('is consistent with nendoOf at both edges for 1990–2040', () => {
    for (let n = 1990; n <= 2040; n++) {
      const { start, end } = nendoRange(n);
      expect(nendoOf(start)).toBe(n);
      expect(nendoOf(end)).toBe(n);
      expect(nendoOf(addDays(start, -1))).toBe(n - 1);
      expect(nendoOf(addDays(end, 1))).toBe(n + 1);
    }
  });

  it.each([0, 2025.5, 9999, Number.NaN])('throws for %s', (n) => {
    expect(() => nendoRange(n)).toThrow(RangeError);
  });
});

describe('formatNendo', () => {
  it.each([
    [2025, '令和7年度', '2025年度', 'FY2025'],
    [2020, '令和2年度', '2020年度', 'FY2020'],
    [2019, '令和元年度', '2019年度', 'FY2019'],
    [2018, '平成30年度', '2018年度', 'FY2018'],
    [1989, '平成元年度', '1989年度', 'FY1989'],
    [1988, '昭和63年度', '1988年度', 'FY1988'],
  ])('%i → %s / %s / %s', (nendo, ja, seireki, en) => {
    expect(formatNendo(nendo)).toBe(ja);
    expect(formatNendo(nendo, 'ja')).toBe(ja);
    expect(formatNendo(nendo, 'ja-seireki')).toBe(seireki);
    expect(formatNendo(nendo, 'en')).toBe(en);
  });

  it('throws for a non-integer 年度', () => {
    expect(() => formatNendo(2025.5)).toThrow(RangeError);
  });
});

describe('currentNendo', () => {
  it.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
  ])('ISO %s → %i', (iso, nendo) => {
    expect(currentNendo(iso)).toBe(nendo);
  });

  it.each([
    ['2026-03-31T14:59:59Z', 2025],
    // 00:00 on April 1 in Japan is still March 31 in UTC.
    ['2026-03-31T15:00:00Z', 2026],
    ['2026-04-01T00:00:00+09:00', 2026],
  ])('instant %s → %i (Japan time)', (instant, nendo) => {
    expect(currentNendo(new Date(instant))).toBe(nendo);
  });
});

describe('parseNendo', () => {
  it.each([
    ['2025', 2025],
    ['2025年度', 2025],
    ['FY2025', 2025],
    ['fy 2025', 2025],
    ['２０２５年度', 2025],
    ['令和7年度', 2025],
    ['令和７年度', 2025],
    ['R7', 2025],
    ['R7年度', 2025],
    ['r07', 2025],
    ['令7年度', 2025],
    ['令和元年度', 2019],
    ['R元', 2019],
    ['平成31年度', 2019],
    ['H31', 2019],
    ['平成30年度', 2018],
    ['平成元年度', 1989],
    ['昭和63年度', 1988],
    ['大正15年度', 1926],
    ['昭和元年度', 1926],
  ])('%j → %i', (input, nendo) => {
    expect(parseNendo(input)).toBe(nendo);
  });

  it.each([
    '平成32年度',
    'H32',
    '昭和64年度',
    '令和0年度',
    'R0',
    '明治5年度',
    '25年度',
    'FY25',
    '2025-26',
    '令和',
    '0000',
    '',
  ])('%j → null', (input) => {
    expect(parseNendo(input)).toBeNull();
  });

  it('round-trips formatNendo for 1990–2060', () => {
    for (let n = 1990; n <= 2060; n++) {
      expect(parseNendo(formatNendo(n))).toBe(n);
      expect(parseNendo(formatNendo(n, 'en'))).toBe(n);
      expect(parseNendo(formatNendo(n, 'ja-seireki'))).toBe(n);
    }
  });
});

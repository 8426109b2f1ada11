import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  ERAS,
  formatWareki,
  formatWarekiYear,
  isJapaneseDate,
  parseJapaneseDate,
  WAREKI_MIN_DATE,
  warekiOf,
  warekiToIso,
  warekiYear,
} from './wareki';

const era = (name: string) => ERAS.find((e) => e.name === name)!;

describe('formatWareki', () => {
  it.each([
    ['2019-05-01', '令和元年5月1日', 'R1.5.1'],
    ['2019-04-30', '平成31年4月30日', 'H31.4.30'],
    ['2019-12-31', '令和元年12月31日', 'R1.12.31'],
    ['2020-01-01', '令和2年1月1日', 'R2.1.1'],
    ['2025-04-01', '令和7年4月1日', 'R7.4.1'],
    ['1989-01-07', '昭和64年1月7日', 'S64.1.7'],
    ['1989-01-08', '平成元年1月8日', 'H1.1.8'],
    ['1990-01-01', '平成2年1月1日', 'H2.1.1'],
    ['1926-12-24', '大正15年12月24日', 'T15.12.24'],
    ['1926-12-25', '昭和元年12月25日', 'S1.12.25'],
    ['1927-01-01', '昭和2年1月1日', 'S2.1.1'],
    ['1912-07-29', '明治45年7月29日', 'M45.7.29'],
    ['1912-07-30', '大正元年7月30日', 'T1.7.30'],
    ['1873-01-01', '明治6年1月1日', 'M6.1.1'],
    ['2024-02-29', '令和6年2月29日', 'R6.2.29'],
  ])('%s → %s / %s', (iso, long, short) => {
    expect(formatWareki(iso)).toBe(long);
    expect(formatWareki(iso, { style: 'long' })).toBe(long);
    expect(formatWareki(iso, { style: 'short' })).toBe(short);
  });

  it.each(['1872-12-31', '1868-10-23', '2019-02-30', '2019/05/01', ''])('throws RangeError for %j', (iso) => {
    expect(() => formatWareki(iso)).toThrow(RangeError);
  });

  it('agrees with ICU (Intl ja-JP-u-ca-japanese) on every day 1873–2040', () => {
    const icu = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    for (let iso = WAREKI_MIN_DATE; iso <= '2040-12-31'; iso = addDays(iso, 1)) {
      const parts = Object.fromEntries(
        icu.formatToParts(new Date(`${iso}T00:00:00Z`)).map((p) => [p.type, p.value]),
      );
      const w = warekiOf(iso);
      expect([w.era.name, w.year, w.month, w.day]).toEqual([
        parts.era,
        Number(parts.year),
        Number(parts.month),
        Number(parts.day),
      ]);
    }
  });
});

describe('warekiYear / formatWarekiYear', () => {
  it.each([
    [2025, '令和', 7, '令和7年', 'R7'],
    [2019, '令和', 1, '令和元年', 'R1'],
    [2018, '平成', 30, '平成30年', 'H30'],
    [1989, '平成', 1, '平成元年', 'H1'],
    [1988, '昭和', 63, '昭和63年', 'S63'],
    [1926, '昭和', 1, '昭和元年', 'S1'],
    [1912, '大正', 1, '大正元年', 'T1'],
    [1873, '明治', 6, '明治6年', 'M6'],
  ])('%i → %s%i (%s, %s)', (year, name, eraYear, long, short) => {
    const w = warekiYear(year);
    expect([w.era.name, w.year]).toEqual([name, eraYear]);
    expect(formatWarekiYear(year)).toBe(long);
    expect(formatWarekiYear(year, { style: 'short' })).toBe(short);
  });

  it.each([1872, 10000, 2019.5])('throws for %s', (year) => {
    expect(() => warekiYear(year)).toThrow(RangeError);
  });
});

describe('warekiToIso', () => {
  it.each([
    ['令和', 1, 5, 1, '2019-05-01'],
    ['平成', 31, 4, 30, '2019-04-30'],
    ['平成', 31, 5, 1, null],
    ['平成', 32, 1, 1, null],
    ['令和', 1, 4, 30, null],
    ['令和', 0, 5, 1, null],
    ['昭和', 64, 1, 7, '1989-01-07'],
    ['昭和', 64, 1, 8, null],
    ['平成', 1, 1, 7, null],
    ['平成', 1, 1, 8, '1989-01-08'],
    // 改元 during the day: both eras name the day.
    ['明治', 45, 7, 30, '1912-07-30'],
    ['大正', 1, 7, 30, '1912-07-30'],
    ['明治', 45, 7, 31, null],
    ['大正', 1, 7, 29, null],
    ['大正', 15, 12, 25, '1926-12-25'],
    ['昭和', 1, 12, 25, '1926-12-25'],
    ['大正', 15, 12, 26, null],
    ['昭和', 1, 12, 24, null],
    // 旧暦 years of 明治 are not converted.
    ['明治', 5, 12, 1, null],
    ['明治', 6, 1, 1, '1873-01-01'],
    ['令和', 6, 2, 29, '2024-02-29'],
    ['令和', 5, 2, 29, null],
    ['令和', 1.5, 5, 1, null],
  ] as const)('%s%s年%s月%s日 → %s', (name, y, m, d, iso) => {
    expect(warekiToIso(era(name), y, m, d)).toBe(iso);
  });
});

describe('parseJapaneseDate', () => {
  it.each([
    // 西暦
    ['2019/04/05', '2019-04-05'],
    ['2019-04-05', '2019-04-05'],
    ['2019.4.5', '2019-04-05'],
    ['2019/4/5', '2019-04-05'],
    ['20190405', '2019-04-05'],
    ['2019年4月5日', '2019-04-05'],
    ['2019年04月05日', '2019-04-05'],
    ['2019年4月5', '2019-04-05'],
    ['西暦2019年4月5日', '2019-04-05'],
    ['2019 年 4 月 5 日', '2019-04-05'],
    ['  2019-04-05  ', '2019-04-05'],
    // 和暦, letters
    ['H31.4.5', '2019-04-05'],
    ['h31/4/5', '2019-04-05'],
    ['H31-04-05', '2019-04-05'],
    ['R1.5.10', '2019-05-10'],
    ['R01.05.10', '2019-05-10'],
    ['R元.5.10', '2019-05-10'],
    ['r1.5.10', '2019-05-10'],
    ['S60.1.2', '1985-01-02'],
    ['T15.12.25', '1926-12-25'],
    ['M45.7.30', '1912-07-30'],
    ['H310405', '2019-04-05'],
    ['R010510', '2019-05-10'],
    // 和暦, kanji
    ['令和元年5月10日', '2019-05-10'],
    ['令和1年5月10日', '2019-05-10'],
    ['平成31年4月5日', '2019-04-05'],
    ['昭和60年1月2日', '1985-01-02'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['大正元年7月30日', '1912-07-30'],
    ['令和7年4月1日', '2025-04-01'],
    ['平31.4.5', '2019-04-05'],
    ['令元.5.10', '2019-05-10'],
    ['H31年4月5日', '2019-04-05'],
    ['令和 元年 5月 10日', '2019-05-10'],
    // GYYMMDD era codes (住基, レセプト)
    ['5010510', '2019-05-10'],
    ['4310405', '2019-04-05'],
    ['3600102', '1985-01-02'],
    // full-width and ligatures
    ['２０１９／０４／０５', '2019-04-05'],
    ['２０１９年４月５日', '2019-04-05'],
    ['Ｒ１．５．１０', '2019-05-10'],
    ['ｈ３１／４／５', '2019-04-05'],
    ['令和元年５月１０日', '2019-05-10'],
    ['㋿1.5.10', '2019-05-10'],
    ['㍻31年4月5日', '2019-04-05'],
    ['\u30002019-04-05\u3000', '2019-04-05'],
    // weekday and 生
    ['2019年4月5日(金)', '2019-04-05'],
    ['2019年4月5日（金）', '2019-04-05'],
    ['2019年4月5日㈮', '2019-04-05'],
    ['2019年4月5日金曜日', '2019-04-05'],
    ['2019年4月7日(日)', '2019-04-07'],
    ['2019年4月7日日曜日', '2019-04-07'],
    ['令和元年5月10日(金曜日)', '2019-05-10'],
    ['平成31年4月5日生', '2019-04-05'],
    ['平成31年4月5日生まれ', '2019-04-05'],
    // leap days
    ['2024/2/29', '2024-02-29'],
    ['R6.2.29', '2024-02-29'],
    ['H12.2.29', '2000-02-29'],
  ])('%j → %s', (input, iso) => {
    expect(parseJapaneseDate(input)).toBe(iso);
    expect(isJapaneseDate(input)).toBe(true);
  });

  it.each([
    // impossible days
    '2019-02-30',
    '2019/04/31',
    '20190230',
    '2023年2月29日',
    'R5.2.29',
    '2019-13-01',
    '2019-00-10',
    // outside the era
    '平成31年5月1日',
    'H31.5.1',
    '平成32年1月1日',
    '令和元年4月30日',
    'R1.4.30',
    '令和0年5月1日',
    'R0.5.1',
    '昭和64年1月8日',
    '平成元年1月7日',
    '明治5年12月1日',
    'M1.10.23',
    // wrong weekday
    '2019年4月5日(土)',
    '2019年4月5日木曜日',
    // shapes we do not guess
    '19/4/5',
    '4/5/2019',
    '2019/4-5',
    '2019-04',
    '201945',
    '6010510',
    '0010510',
    'X31.4.5',
    '平成',
    '令和元年',
    'R1.5.10.',
    '2019-04-05T00:00',
    'abc',
    '',
    '   ',
  ])('%j → null', (input) => {
    expect(parseJapaneseDate(input)).toBeNull();
    expect(isJapaneseDate(input)).toBe(false);
  });

  it('round-trips formatWareki for every day 1873–2040 in both styles', () => {
    for (let iso = WAREKI_MIN_DATE; iso <= '2040-12-31'; iso = addDays(iso, 1)) {
      expect(parseJapaneseDate(formatWareki(iso))).toBe(iso);
      expect(parseJapaneseDate(formatWareki(iso, { style: 'short' }))).toBe(iso);
    }
  });
});

/**
 * 和暦 (Japanese era calendar): formatting ISO dates and parsing the date forms officials write.
 *
 * Rules decided here (see reference-jp §12):
 * - The first year of an era is written 元年 in the long style ('令和元年5月1日'); the short style uses digits ('R1.5.1').
 * - An era begins on its 改元 day. 明治→大正 (1912-07-30) and 大正→昭和 (1926-12-25) changed era during the day, so
 *   that day belongs to both eras when parsing ('明治45年7月30日' and '大正元年7月30日' are both 1912-07-30); formatting
 *   always uses the new era. 昭和 ended 1989-01-07 and 平成 2019-04-30, so those changes do not overlap.
 * - Era dates outside the era are rejected (平成31年5月1日, 平成32年…, 昭和64年1月8日, 令和0年 → null), even
 *   though pre-printed forms sometimes show 平成32年: guessing would silently move a birth date.
 * - Supported range starts 1873-01-01 (明治6年1月1日), when Japan adopted the Gregorian calendar. Earlier 明治 dates
 *   were 旧暦 (lunisolar) and cannot be converted by arithmetic, so they are rejected rather than converted wrongly.
 */
import { compareIsoDates, makeIsoDate, requireIsoDate, weekdayOf } from './dates';

/** Era names in kanji, oldest first. */
export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

/** One era: its kanji name, the letter used in short forms, the code 1–5 used by 住基/レセプト systems, its range. */
export type Era = {
  name: EraName;
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  /** Numeric era code used in GYYMMDD fields (1 明治 … 5 令和). */
  code: 1 | 2 | 3 | 4 | 5;
  romaji: string;
  /** First day (Gregorian, ISO). */
  start: string;
  /** Last day that may still be written in this era (inclusive); null for the current era. */
  end: string | null;
};

/** The eras from 明治, oldest first. */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', code: 1, romaji: 'Meiji', start: '1868-10-23', end: '1912-07-30' },
  { name: '大正', letter: 'T', code: 2, romaji: 'Taisho', start: '1912-07-30', end: '1926-12-25' },
  { name: '昭和', letter: 'S', code: 3, romaji: 'Showa', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', letter: 'H', code: 4, romaji: 'Heisei', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', letter: 'R', code: 5, romaji: 'Reiwa', start: '2019-05-01', end: null },
];

/** First date (ISO) that 和暦 functions accept: Gregorian calendar adoption, 明治6年1月1日. */
export const WAREKI_MIN_DATE = '1873-01-01';

/** A date expressed in an era: 令和元年5月1日 is `{ era: 令和, year: 1, month: 5, day: 1 }`. */
export type WarekiDate = { era: Era; year: number; month: number; day: number };

function eraStartYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

/** Converts an ISO date to its era date (the newer era on 改元 days). Throws RangeError before 1873-01-01. */
export function warekiOf(iso: string): WarekiDate {
  const { year, month, day } = requireIsoDate(iso);
  if (compareIsoDates(iso, WAREKI_MIN_DATE) < 0) {
    throw new RangeError(`和暦 is only supported from ${WAREKI_MIN_DATE}: ${iso}`);
  }
  let era = ERAS[0]!;
  for (const e of ERAS) if (compareIsoDates(e.start, iso) <= 0) era = e;
  return { era, year: year - eraStartYear(era) + 1, month, day };
}

/**
 * The era label of a calendar year, using the era that began in or before that year: 2019 → 令和1, 1989 → 平成1,
 * 1988 → 昭和63. This is how year tables and 年度 names are written (2019年度 is 令和元年度). Throws before 1873.
 */
export function warekiYear(year: number): { era: Era; year: number } {
  if (!Number.isInteger(year) || year < 1873 || year > 9999)
    throw new RangeError(`year out of range: ${year}`);
  let era = ERAS[0]!;
  for (const e of ERAS) if (eraStartYear(e) <= year) era = e;
  return { era, year: year - eraStartYear(era) + 1 };
}

/** Display style: 'long' = 令和元年5月1日, 'short' = R1.5.1. */
export type WarekiStyle = 'long' | 'short';

function eraYearText(era: Era, year: number, style: WarekiStyle): string {
  if (style === 'short') return `${era.letter}${year}`;
  return `${era.name}${year === 1 ? '元' : year}年`;
}

/** Formats a calendar year as an era year: formatWarekiYear(2019) → '令和元年', with style 'short' → 'R1'. */
export function formatWarekiYear(year: number, options: { style?: WarekiStyle } = {}): string {
  const w = warekiYear(year);
  return eraYearText(w.era, w.year, options.style ?? 'long');
}

/**
 * Formats an ISO date in 和暦: '2019-05-01' → '令和元年5月1日' (long, default) or 'R1.5.1' (short).
 * Throws RangeError for an invalid ISO date or one before 1873-01-01.
 */
export function formatWareki(iso: string, options: { style?: WarekiStyle } = {}): string {
  const style = options.style ?? 'long';
  const w = warekiOf(iso);
  const y = eraYearText(w.era, w.year, style);
  return style === 'short' ? `${y}.${w.month}.${w.day}` : `${y}${w.month}月${w.day}日`;
}

/**
 * Converts an era date to ISO, or null when it does not exist: day not in the month, era year below 1, or the
 * date outside the era (平成31年5月1日 → null).
 */
export function warekiToIso(era: Era, year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1) return null;
  const iso = makeIsoDate(eraStartYear(era) + year - 1, month, day);
  if (!iso || compareIsoDates(iso, WAREKI_MIN_DATE) < 0) return null;
  if (compareIsoDates(iso, era.start) < 0) return null;
  if (era.end !== null && compareIsoDates(iso, era.end) > 0) return null;
  return iso;
}

const ERA_BY_TOKEN = new Map<string, Era>();
for (const era of ERAS) {
  ERA_BY_TOKEN.set(era.name, era);
  ERA_BY_TOKEN.set(era.name[0]!, era); // 平31.4.5 — single-kanji abbreviation
  ERA_BY_TOKEN.set(era.letter, era);
}
const ERA_TOKEN = '(明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR])';
const WEEKDAYS = '日月火水木金土';

// After NFKC, whitespace removal and upper-casing. The trailing weekday is checked separately.
const WESTERN_SEP = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const WESTERN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WESTERN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const ERA_SEP = new RegExp(`^${ERA_TOKEN}(\\d{1,2}|元)(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?$`);
const ERA_COMPACT = new RegExp(`^${ERA_TOKEN}(\\d{2})(\\d{2})(\\d{2})$`);
/** GYYMMDD with a numeric era code, as 住基 and レセプト files export birth dates: 5010510 = 令和元年5月10日. */
const ERA_CODE_COMPACT = /^([1-5])(\d{2})(\d{2})(\d{2})$/;
const WEEKDAY_SUFFIX = new RegExp(`(?:\\(([${WEEKDAYS}])(?:曜日?)?\\)|([${WEEKDAYS}])曜日?)$`);

function eraYear(token: string): number {
  return token === '元' ? 1 : Number(token);
}

function parseCore(s: string): string | null {
  let m = WESTERN_SEP.exec(s);
  if (m) return makeIsoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = WESTERN_COMPACT.exec(s) ?? WESTERN_KANJI.exec(s);
  if (m) return makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ERA_SEP.exec(s) ?? ERA_COMPACT.exec(s);
  if (m) {
    const era = ERA_BY_TOKEN.get(m[1]!);
    return era ? warekiToIso(era, eraYear(m[2]!), Number(m[3]), Number(m[4])) : null;
  }
  m = ERA_CODE_COMPACT.exec(s);
  if (m) {
    const era = ERAS.find((e) => e.code === Number(m![1]));
    return era ? warekiToIso(era, Number(m[2]), Number(m[3]), Number(m[4])) : null;
  }
  return null;
}

/**
 * Parses the date forms found on Japanese forms and exports and returns ISO 'YYYY-MM-DD', or null when the
 * input is not a date or the date does not exist.
 *
 * Accepted (full-width digits/letters/punctuation, era ligatures such as ㋿ and spaces anywhere are fine):
 * - 西暦: 2019-04-05, 2019/4/5, 2019.4.5 (one separator throughout), 20190405, 2019年4月5日, 西暦2019年4月5日
 * - 和暦: 令和元年5月10日, 令和1年5月10日, R1.5.10, R元.5.10, r01/05/10, 令1.5.10, H310405, 5010510 (GYYMMDD era code)
 * - an optional trailing weekday — (金), (金曜日), 金曜日 — which must match the date, and a trailing 生/生まれ.
 * Rejected: impossible days (2019-02-30), era dates outside their era (平成31年5月1日), two-digit years (19/4/5),
 * dates before 1873 in 和暦.
 */
export function parseJapaneseDate(input: string): string | null {
  // NFKC folds full-width digits, letters and punctuation and era ligatures (㍻ → 平成) to their plain forms.
  let s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  s = s.replace(/^西暦/, '').replace(/生(まれ)?$/, '');
  let weekday: number | null = null;
  const wd = WEEKDAY_SUFFIX.exec(s);
  // A bare trailing 日 ("5日") is the day, not Sunday: only a weekday in brackets or with 曜 is stripped.
  if (wd) {
    weekday = WEEKDAYS.indexOf((wd[1] ?? wd[2])!);
    s = s.slice(0, wd.index);
  }
  const iso = parseCore(s);
  if (iso === null) return null;
  if (weekday !== null && weekdayOf(iso) !== weekday) return null;
  return iso;
}

/** True when {@link parseJapaneseDate} accepts the input. */
export function isJapaneseDate(input: string): boolean {
  return parseJapaneseDate(input) !== null;
}

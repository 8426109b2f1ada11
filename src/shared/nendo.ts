/**
 * 年度 (fiscal and school year): April 1 → March 31, named after the calendar year it starts in.
 * 令和7年度 = FY2025 = 2025-04-01 … 2026-03-31 (reference-jp §12).
 *
 * Decided: the 和暦 name of a 年度 uses the era that began in or before its starting calendar year, so 2019年度
 * (which began on 平成31年4月1日) is '令和元年度', as 厚生労働省 statistics and most municipalities name it; 1988年度
 * is '昭和63年度'.
 */
import { isoDateInJapan, makeIsoDate, requireIsoDate } from './dates';
import { ERAS, formatWarekiYear } from './wareki';

/** A 年度 as the calendar year it starts in (令和7年度 → 2025). */
export type Nendo = number;

function assertNendo(nendo: number): void {
  if (!Number.isInteger(nendo) || nendo < 1 || nendo > 9998) throw new RangeError(`not a 年度: ${nendo}`);
}

/** The 年度 containing an ISO date: '2026-03-31' → 2025, '2026-04-01' → 2026. Throws on an invalid date. */
export function nendoOf(iso: string): Nendo {
  const { year, month } = requireIsoDate(iso);
  return month >= 4 ? year : year - 1;
}

/** First and last day of a 年度, inclusive: 2025 → { start: '2025-04-01', end: '2026-03-31' }. */
export function nendoRange(nendo: Nendo): { start: string; end: string } {
  assertNendo(nendo);
  return { start: makeIsoDate(nendo, 4, 1)!, end: makeIsoDate(nendo + 1, 3, 31)! };
}

/** True when the ISO date falls in the given 年度. */
export function isInNendo(iso: string, nendo: Nendo): boolean {
  return nendoOf(iso) === nendo;
}

/** Locale for {@link formatNendo}: 'ja' → 令和7年度, 'ja-seireki' → 2025年度, 'en' → FY2025. */
export type NendoLocale = 'ja' | 'ja-seireki' | 'en';

/**
 * Names a 年度: formatNendo(2025) → '令和7年度', (2019) → '令和元年度', 'ja-seireki' → '2025年度', 'en' → 'FY2025'.
 * Throws RangeError for a non-integer 年度, or with 'ja' before 1873 (no Gregorian 和暦 year).
 */
export function formatNendo(nendo: Nendo, locale: NendoLocale = 'ja'): string {
  assertNendo(nendo);
  if (locale === 'en') return `FY${nendo}`;
  if (locale === 'ja-seireki') return `${nendo}年度`;
  return `${formatWarekiYear(nendo)}度`;
}

/**
 * The 年度 today. Pass an ISO date, or an instant (`new Date()`), which is read as the date in Japan so that a
 * server in UTC still switches 年度 at midnight JST on April 1.
 */
export function currentNendo(today: string | Date): Nendo {
  return nendoOf(typeof today === 'string' ? today : isoDateInJapan(today));
}

/**
 * Reads a 年度 as people write it: '2025', '2025年度', 'FY2025', '令和7年度', '令和元年度', 'R7', 'R7年度', full-width
 * forms too. Returns null when unreadable or when the era was not in force at any time in that 年度
 * (平成32年度, 昭和64年度, 令和0年度). Both 平成31年度 and 令和元年度 name 2019.
 */
export function parseNendo(input: string): Nendo | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  let m = /^(?:FY)?(\d{4})(?:年度)?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 9998 ? n : null;
  }
  m = /^(明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR])(\d{1,2}|元)(?:年度)?$/.exec(s);
  if (!m) return null;
  const token = m[1]!;
  const era = ERAS.find((e) => e.name === token || e.name[0] === token || e.letter === token)!;
  const year = m[2] === '元' ? 1 : Number(m[2]);
  if (year < 1) return null;
  const nendo = Number(era.start.slice(0, 4)) + year - 1;
  if (nendo < 1873) return null;
  const { start, end } = nendoRange(nendo);
  // ISO strings compare in calendar order: the 年度 and the era must overlap.
  const overlaps = end >= era.start && (era.end === null || start <= era.end);
  return overlaps ? nendo : null;
}

/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings (proleptic Gregorian, years 0001–9999).
 *
 * Why strings and not `Date`: a `Date` is an instant, and `new Date('2019-05-01')` followed by local-time
 * getters shifts the day in any time zone west of UTC. Birth dates, 年度 boundaries and 学齢 are calendar
 * facts with no time of day, so all arithmetic here works on day numbers and never touches a time zone.
 * No Node-only imports: this module is shared by server and web.
 */

/** Year, month (1–12) and day (1–31) of a calendar date. */
export type DateParts = { year: number; month: number; day: number };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** True for Gregorian leap years (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`; 0 when the month is out of range. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the parts name a real calendar day in years 0001–9999 (rejects 2019-02-30, 2023-02-29). */
export function isValidDateParts(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Builds 'YYYY-MM-DD' from parts, or null when the date does not exist. */
export function makeIsoDate(year: number, month: number, day: number): string | null {
  if (!isValidDateParts(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a strict 'YYYY-MM-DD' string (zero-padded, no time part) into parts; null when invalid. */
export function parseIsoDate(iso: string): DateParts | null {
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

/** True when `value` is a strict, existing 'YYYY-MM-DD' date. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Like {@link parseIsoDate} but throws a RangeError naming the bad input; for programmer-supplied dates. */
export function requireIsoDate(iso: string): DateParts {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  return parts;
}

/**
 * Days since 1970-01-01 for a date given as parts (no validation).
 * Algorithm: H. Hinnant, "chrono-compatible low-level date algorithms" (days_from_civil).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 (negative before it) for an ISO date; throws RangeError when invalid. */
export function toEpochDay(iso: string): number {
  const { year, month, day } = requireIsoDate(iso);
  return daysFromCivil(year, month, day);
}

/** ISO date for a day count since 1970-01-01; throws RangeError outside years 0001–9999. */
export function fromEpochDay(epochDay: number): string {
  if (!Number.isInteger(epochDay)) throw new RangeError(`epoch day must be an integer: ${epochDay}`);
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const iso = makeIsoDate(year, month, day);
  if (!iso) throw new RangeError(`date out of range (years ${MIN_YEAR}–${MAX_YEAR}): epoch day ${epochDay}`);
  return iso;
}

/** Adds (or with a negative `days`, subtracts) whole days: addDays('2024-02-28', 1) → '2024-02-29'. */
export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later): daysBetween('2025-03-31', '2025-04-01') → 1. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Orders two ISO dates: −1 when a is earlier, 0 when equal, 1 when later. Throws on invalid input. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  requireIsoDate(a);
  requireIsoDate(b);
  // Zero-padded ISO dates sort lexically in calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `from <= iso <= to` (inclusive on both ends). */
export function isWithin(iso: string, from: string, to: string): boolean {
  return compareIsoDates(from, iso) <= 0 && compareIsoDates(iso, to) <= 0;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(iso: string): number {
  return (((toEpochDay(iso) + 4) % 7) + 7) % 7;
}

/**
 * The calendar date in Japan (UTC+9, no daylight saving since 1951) at the given instant, so "today"
 * does not depend on the server's or browser's time zone.
 */
export function isoDateInJapan(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return new Date(t + 9 * 3_600_000).toISOString().slice(0, 10);
}

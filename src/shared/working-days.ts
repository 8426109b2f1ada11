/**
 * The one calendar of working days (開庁日) every "within N days" deadline of the product counts in: Monday to
 * Friday, except Japan's public holidays (国民の祝日, 振替休日 and 国民の休日, from the maintained
 * `@holiday-jp/holiday_jp` data bundled with the package, 1970–2050), the year-end closure 12/29–1/3 (年末年始,
 * as government offices close) and the extra closures a prefecture adds (a centre's own closed days:
 * modules/calendar). Pure: the extra closures are passed in, so server, jobs and tests share the same rules.
 *
 * Dates are ISO calendar days in Japan (`YYYY-MM-DD`, see dates.ts).
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, compareIsoDates, requireIsoDate, weekdayOf } from './dates';

type HolidayEntry = { name: string; name_en: string };
const HOLIDAYS = holidayJp.holidays as unknown as Readonly<Record<string, HolidayEntry | undefined>>;

/** A prefecture's working-day calendar: the public rules plus its own extra closed days. */
export type WorkingCalendar = {
  /** Extra closed days (ISO dates), e.g. a centre's moving day. */
  extraClosures: ReadonlySet<string>;
};

/** The calendar with no extra closures (weekends, public holidays and the year-end closure only). */
export const STANDARD_CALENDAR: WorkingCalendar = { extraClosures: new Set() };

/** A calendar with the given extra closed days. */
export function workingCalendar(extraClosures: Iterable<string>): WorkingCalendar {
  return { extraClosures: new Set(extraClosures) };
}

/** Why a day is not a working day, or null when it is one. */
export type ClosedReason =
  | { kind: 'weekend' }
  | { kind: 'holiday'; ja: string; en: string }
  | { kind: 'year_end' }
  | { kind: 'extra' };

/** Japan's public holiday on that day (its name in Japanese and English), or null. */
export function publicHolidayOn(iso: string): { ja: string; en: string } | null {
  requireIsoDate(iso);
  const h = HOLIDAYS[iso];
  return h ? { ja: h.name, en: h.name_en } : null;
}

/** The public holidays of a calendar year, in date order. */
export function publicHolidaysOfYear(year: number): { date: string; ja: string; en: string }[] {
  const prefix = `${year}-`;
  return Object.keys(HOLIDAYS)
    .filter((d) => d.startsWith(prefix))
    .sort()
    .map((date) => ({ date, ja: HOLIDAYS[date]!.name, en: HOLIDAYS[date]!.name_en }));
}

/** True for 12/29–1/3, the year-end and new-year closure of public offices (行政機関の休日に関する法律 第1条). */
export function isYearEndClosure(iso: string): boolean {
  const md = iso.slice(5);
  return md >= '12-29' || md <= '01-03';
}

/** Why the day is closed (weekend first, then holiday, year-end closure, extra closure), or null if it is open. */
export function closedReason(iso: string, cal: WorkingCalendar = STANDARD_CALENDAR): ClosedReason | null {
  requireIsoDate(iso);
  const wd = weekdayOf(iso);
  if (wd === 0 || wd === 6) return { kind: 'weekend' };
  const h = publicHolidayOn(iso);
  if (h) return { kind: 'holiday', ...h };
  if (isYearEndClosure(iso)) return { kind: 'year_end' };
  if (cal.extraClosures.has(iso)) return { kind: 'extra' };
  return null;
}

/** True when the day is a working day of the calendar. */
export function isWorkingDay(iso: string, cal: WorkingCalendar = STANDARD_CALENDAR): boolean {
  return closedReason(iso, cal) === null;
}

/** Beyond this many closed days in a row the calendar is taken to be wrong (no office closes for a year). */
const MAX_CLOSED_RUN = 366;

function step(iso: string, dir: 1 | -1, cal: WorkingCalendar): string {
  let d = addDays(iso, dir);
  for (let i = 0; !isWorkingDay(d, cal); i++) {
    if (i > MAX_CLOSED_RUN) throw new RangeError(`no working day within a year of ${iso}`);
    d = addDays(d, dir);
  }
  return d;
}

/**
 * The day `n` working days after `iso` (before it for a negative `n`); `iso` itself need not be a working day.
 * addWorkingDays('2026-12-25', 1) → '2027-01-04' (a Friday, then the weekend and the year-end closure).
 * With n = 0: `iso` when it is a working day, else the next working day.
 */
export function addWorkingDays(iso: string, n: number, cal: WorkingCalendar = STANDARD_CALENDAR): string {
  if (!Number.isInteger(n)) throw new RangeError(`whole working days only: ${n}`);
  if (n === 0) return nextWorkingDayOnOrAfter(iso, cal);
  let d = iso;
  const dir = n > 0 ? 1 : -1;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, dir, cal);
  return d;
}

/** `iso` when it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(iso: string, cal: WorkingCalendar = STANDARD_CALENDAR): string {
  return isWorkingDay(iso, cal) ? iso : step(iso, 1, cal);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`): how many working days a
 * request received on `from` has waited by the end of `to`. workingDaysBetween('2027-01-08', '2027-01-12') → 1
 * (Saturday, Sunday and 成人の日 2027-01-11 do not count; Tuesday 12th does).
 */
export function workingDaysBetween(
  from: string,
  to: string,
  cal: WorkingCalendar = STANDARD_CALENDAR,
): number {
  if (compareIsoDates(to, from) <= 0) return 0;
  let count = 0;
  for (let d = addDays(from, 1); compareIsoDates(d, to) <= 0; d = addDays(d, 1)) {
    if (isWorkingDay(d, cal)) count++;
  }
  return count;
}

/**
 * The first due date that is overdue today: a due date before the returned day is overdue. A due date falling
 * on a closed day counts as the next working day, and a case becomes overdue on the working day after its due
 * date — so nothing turns overdue over a weekend or a holiday, and what fell due on Friday is overdue on Monday.
 * Kept as one date so that the overdue lists stay a single indexed comparison (`due_on < overdueBefore`).
 */
export function overdueBefore(today: string, cal: WorkingCalendar = STANDARD_CALENDAR): string {
  // The last working day before today: anything due on or before it (rolled forward, still before today) is late.
  return addDays(addWorkingDays(today, -1, cal), 1);
}

/** True when a due date is overdue on `today` by {@link overdueBefore}. */
export function isOverdueOn(dueOn: string, today: string, cal: WorkingCalendar = STANDARD_CALENDAR): boolean {
  return compareIsoDates(dueOn, overdueBefore(today, cal)) < 0;
}

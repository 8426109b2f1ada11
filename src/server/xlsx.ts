/**
 * Typed cells of every .xlsx workbook the product writes (decision 0019). A date is a real date cell — a serial
 * day number with a date format — so officials can sort, filter and compute with it; an empty number is a cell
 * with no value at all, never an empty string, and a number is a numeric cell, never text.
 *
 * exceljs writes a `Date` as the serial of its UTC wall clock (25569 + milliseconds since 1970 / a day), with no
 * regard to the server's time zone. So a calendar date is built as UTC midnight of that day, and an instant as a
 * Date whose UTC fields read Japan time (spreadsheet cells have no time zone; staff read times in Japan).
 */
import type ExcelJS from 'exceljs';
import { isIsoDate } from '../shared/dates';

/** A calendar date as officials write it in 西暦. */
export const DATE_FORMAT = 'yyyy/mm/dd';
/** A calendar date in 和暦 (令和元年5月1日), as Excel shows it in any locale. */
export const WAREKI_FORMAT = '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"';
/** An instant in Japan time, to the minute. */
export const DATE_TIME_FORMAT = 'yyyy/mm/dd hh:mm';
/** An instant in Japan time, to the second: the audit log, where the order within a minute matters. */
export const DATE_TIME_SECONDS_FORMAT = 'yyyy/mm/dd hh:mm:ss';
/** A month (the first day of it). */
export const MONTH_FORMAT = 'yyyy/mm';
/** A share between 0 and 1, shown as a percentage. */
export const PERCENT_FORMAT = '0.0%';

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const EPOCH_SERIAL = 25_569;
/**
 * The first day Excel's 1900 system numbers as every other program does (it counts a 1900-02-29 that never
 * was); earlier days cannot be date cells, so they stay as their ISO text rather than shift by a day.
 */
const FIRST_DATE = '1900-03-01';

/**
 * A calendar date cell: ISO 'YYYY-MM-DD' → UTC midnight of that day, which the file stores as that day's serial.
 * Empty → null (a blank cell). A value that is no valid date, or one before 1900-03-01, is kept as its text.
 */
export function dateCell(iso: string | null | undefined): Date | string | null {
  if (iso === null || iso === undefined || iso === '') return null;
  if (!isIsoDate(iso) || iso < FIRST_DATE) return iso;
  return new Date(`${iso}T00:00:00Z`);
}

/** An instant as a date-time cell showing Japan's wall clock; empty → null (a blank cell). */
export function dateTimeCell(at: Date | string | null | undefined): Date | null {
  if (at === null || at === undefined || at === '') return null;
  const t = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${String(at)}`);
  return new Date(t + JST_OFFSET_MS);
}

/** The calendar day in Japan of an instant, as a date cell (e.g. the day a listing was last confirmed). */
export function japanDateCell(at: Date | string | null | undefined): Date | null {
  const wall = dateTimeCell(at);
  return wall && new Date(Math.floor(wall.getTime() / DAY_MS) * DAY_MS);
}

/** A number cell, or blank: null, undefined and non-finite values give null (no value), never ''. */
export function numberCell(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The serial day number the file stores for a cell `Date` (1900 system; fractional for a time of day). */
export function excelSerial(d: Date): number {
  return EPOCH_SERIAL + d.getTime() / DAY_MS;
}

/**
 * A column whose cells carry a number format (dates, times, percentages). As a column style it reaches the
 * cells of every row added after, in the streaming writer too.
 */
export function formattedColumn(header: string, width: number, numFmt: string): Partial<ExcelJS.Column> {
  return { header, width, style: { numFmt } };
}

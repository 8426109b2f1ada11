import { addDays, toEpochDay } from '../../shared/dates';

/** Japan Standard Time is UTC+9 all year (no daylight saving since 1951). */
const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant a calendar day begins in Japan: '2026-11-26' → 2026-11-25T15:00:00Z. */
export function japanDayStart(iso: string): Date {
  return new Date(toEpochDay(iso) * DAY_MS - JST_OFFSET_MS);
}

/** The instant the calendar day after `iso` begins in Japan (exclusive upper bound of an inclusive `to`). */
export function japanDayEnd(iso: string): Date {
  return japanDayStart(addDays(iso, 1));
}

/** 'YYYY-MM-DD HH:mm:ss' in Japan time, the form spreadsheet users in Japan expect. */
export function formatJapanDateTime(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

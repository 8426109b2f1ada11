/**
 * The one way dates and times are written for people, on screens, printouts and in generated text:
 *
 * | what                      | Japanese                        | English               |
 * |---------------------------|---------------------------------|-----------------------|
 * | date                      | 令和8年12月6日                  | 6 Dec 2026            |
 * | date with weekday         | 令和8年12月6日（日）            | Sun 6 Dec 2026        |
 * | date in both calendars    | 令和8年（2026年）12月6日        | 6 Dec 2026 (Reiwa 8)  |
 * | compact (lists)           | R8.12.6                         | 6 Dec 2026            |
 * | instant (date and time)   | 令和8年12月6日（日）14:05       | 6 Dec 2026 14:05      |
 *
 * Instants are shown in Japan time (UTC+9, no daylight saving since 1951) whatever the browser's or server's
 * time zone, to the minute: no seconds, and never the ambiguous 06/12/2026. Officials read 和暦; where a form
 * or record is read next to documents in 西暦 (birth dates, printouts), `western` adds the Gregorian year in the
 * way municipal documents write it, 令和8年（2026年）. Dates before 1873 (no 和暦 conversion) fall back to 西暦.
 * Pure: no Intl, no time zone database, shared by the web and the server.
 */
import { isoDateInJapan, parseIsoDate, weekdayOf } from './dates';
import { warekiOf } from './wareki';

export type DateLang = 'ja' | 'en';

export type DateOptions = {
  /** Add the day of the week: （日） in Japanese, 'Sun' in English. */
  weekday?: boolean;
  /** Both calendars: 令和8年（2026年）12月6日 / 6 Dec 2026 (Reiwa 8). */
  western?: boolean;
  /** Compact, for narrow list columns: R8.12.6 (English keeps 6 Dec 2026). */
  compact?: boolean;
};

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function japanese(iso: string, o: DateOptions): string {
  const p = parseIsoDate(iso)!;
  const wd = o.weekday ? `（${WEEKDAYS_JA[weekdayOf(iso)]}）` : '';
  let w: ReturnType<typeof warekiOf> | null = null;
  try {
    w = warekiOf(iso);
  } catch {
    w = null;
  }
  if (!w) return `${p.year}年${p.month}月${p.day}日${wd}`;
  if (o.compact) return `${w.era.letter}${w.year}.${p.month}.${p.day}${wd}`;
  const eraYear = `${w.era.name}${w.year === 1 ? '元' : w.year}年`;
  const year = o.western ? `${eraYear}（${p.year}年）` : eraYear;
  return `${year}${p.month}月${p.day}日${wd}`;
}

function english(iso: string, o: DateOptions): string {
  const p = parseIsoDate(iso)!;
  const wd = o.weekday ? `${WEEKDAYS_EN[weekdayOf(iso)]} ` : '';
  const text = `${wd}${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`;
  if (!o.western) return text;
  try {
    const w = warekiOf(iso);
    return `${text} (${w.era.romaji} ${w.year})`;
  } catch {
    return text;
  }
}

/**
 * A calendar date ('YYYY-MM-DD') for people: '令和8年12月6日' / '6 Dec 2026', with the options above.
 * An instant ('2026-12-06T20:00:00Z') gives its day in Japan, as formatInstantDate does, so a timestamp passed
 * here by mistake still reads as a date. An empty value gives '—'; a value that is neither is returned as it is
 * (never hidden).
 */
export function formatCalendarDate(
  iso: string | null | undefined,
  lang: DateLang,
  o: DateOptions = {},
): string {
  if (!iso) return '—';
  if (!parseIsoDate(iso)) {
    const instant = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? toDate(iso) : null;
    return instant ? formatCalendarDate(isoDateInJapan(instant), lang, o) : iso;
  }
  return lang === 'ja' ? japanese(iso, o) : english(iso, o);
}

/** The date and the hour:minute of an instant in Japan. */
export function japanDateAndTime(instant: Date): { date: string; time: string } {
  const date = isoDateInJapan(instant);
  const shifted = new Date(instant.getTime() + 9 * 3_600_000);
  const time = `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
  return { date, time };
}

function toDate(instant: string | Date): Date | null {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * An instant in Japan time: '令和8年12月6日（日）14:05' / '6 Dec 2026 14:05'. Japanese names the weekday unless
 * `weekday: false`; English does only when asked. No seconds.
 */
export function formatInstant(
  instant: string | Date | null | undefined,
  lang: DateLang,
  o: DateOptions = {},
): string {
  if (!instant) return '—';
  const d = toDate(instant);
  if (!d) return String(instant);
  const { date, time } = japanDateAndTime(d);
  const weekday = o.weekday ?? lang === 'ja';
  // The full-width bracket of （日） already separates: 令和8年12月6日（日）14:05, but 令和8年12月6日 14:05.
  const gap = lang === 'ja' && weekday ? '' : ' ';
  return `${formatCalendarDate(date, lang, { ...o, weekday })}${gap}${time}`;
}

/** The calendar day of an instant in Japan, as a date: '令和8年12月6日' (for "opened on", "closed on"). */
export function formatInstantDate(
  instant: string | Date | null | undefined,
  lang: DateLang,
  o: DateOptions = {},
): string {
  if (!instant) return '—';
  const d = toDate(instant);
  if (!d) return String(instant);
  return formatCalendarDate(isoDateInJapan(d), lang, o);
}

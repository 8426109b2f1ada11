import {
  type DateOptions,
  formatCalendarDate,
  formatInstant,
  formatInstantDate,
} from '../../../src/shared/date-format';
import { formatNendo as sharedFormatNendo } from '../../../src/shared/nendo';
import { formatWareki, warekiYear } from '../../../src/shared/wareki';
import type { Locale } from '../i18n';

/**
 * Display formats: every date and time on a screen goes through formatDate / formatDateTime / formatDay here
 * (the rules live in src/shared/date-format.ts, shared with the server). Officials read 和暦; yearly figures
 * are labelled by 年度 (1 April – 31 March). No seconds, times in Japan.
 */

/** '2019-04-05' → '平成31年4月5日'; '2019-05-01' → '令和元年5月1日'; null for an invalid or pre-1873 date. */
export function toWareki(iso: string): string | null {
  try {
    return formatWareki(iso);
  } catch {
    return null;
  }
}

/**
 * A calendar date for display (src/shared/date-format.ts): '令和8年12月6日' / '6 Dec 2026'; `weekday`,
 * `western` (令和8年（2026年）12月6日, for birth dates and printouts) and `compact` (R8.12.6, for list columns).
 */
export function formatDate(
  iso: string | null | undefined,
  locale: Locale,
  options: DateOptions = {},
): string {
  return formatCalendarDate(iso, locale, options);
}

/** 年度 label: 2026 → '令和8年度' (Japanese) or 'FY2026 (Reiwa 8)' (English); 2019 → '令和元年度'. */
export function formatNendo(nendo: number, locale: Locale): string {
  if (locale === 'ja') return sharedFormatNendo(nendo, 'ja');
  try {
    const w = warekiYear(nendo);
    return `FY${nendo} (${w.era.romaji} ${w.year})`;
  } catch {
    return `FY${nendo}`;
  }
}

/** An instant in Japan time, to the minute: '令和8年12月6日（日）14:05' / '6 Dec 2026 14:05'. */
export function formatDateTime(
  instant: string | Date | null | undefined,
  locale: Locale,
  options: DateOptions = {},
): string {
  return formatInstant(instant, locale, options);
}

/** The day of an instant in Japan: when a case was opened or closed, '令和8年12月6日' / '6 Dec 2026'. */
export function formatDay(
  instant: string | Date | null | undefined,
  locale: Locale,
  options: DateOptions = {},
): string {
  return formatInstantDate(instant, locale, options);
}

export type { DateOptions };

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}

/** A TOTP setup key in groups of four, as authenticator apps show it: 'ABCD EFGH …'. */
export function groupInFours(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** Family and given name, as written in Japan. */
export function fullName(familyName: string, givenName: string): string {
  return `${familyName} ${givenName}`;
}

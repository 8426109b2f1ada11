import { formatNendo as sharedFormatNendo } from '../../../src/shared/nendo';
import { formatWareki, warekiYear } from '../../../src/shared/wareki';
import type { Locale } from '../i18n';

/**
 * Display formats. Officials read dates in 和暦, so Japanese screens show the era date with the
 * Gregorian ISO date beside it; yearly figures are labelled by 年度 (1 April – 31 March).
 * The 和暦 and 年度 rules (元年, era boundaries) live in src/shared, shared with the server.
 */

/** '2019-04-05' → '平成31年4月5日'; '2019-05-01' → '令和元年5月1日'; null for an invalid or pre-1873 date. */
export function toWareki(iso: string): string | null {
  try {
    return formatWareki(iso);
  } catch {
    return null;
  }
}

/** A calendar date for display: '平成31年4月5日 (2019-04-05)' in Japanese, '2019-04-05' in English. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  if (locale === 'en') return iso;
  const wareki = toWareki(iso);
  return wareki ? `${wareki} (${iso})` : iso;
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

/** An instant (ISO timestamp) in Japan time: '2026/11/26 10:03'. */
export function formatDateTime(instant: string | null | undefined, locale: Locale): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(d);
}

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

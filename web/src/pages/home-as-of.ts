import { formatWareki } from '../../../src/shared/wareki';
import type { Locale } from '../i18n';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * When the home figures were computed, in Japan time to the minute: '令和8年12月6日 14:05' in Japanese,
 * '6 Dec 2026 14:05' in English (the server keeps each scope's figures for a minute, so the page says how old).
 */
export function asOfText(instant: string, locale: Locale): string {
  const japan = new Date(new Date(instant).getTime() + 9 * 3_600_000);
  if (Number.isNaN(japan.getTime())) return '—';
  const hm = `${String(japan.getUTCHours()).padStart(2, '0')}:${String(japan.getUTCMinutes()).padStart(2, '0')}`;
  if (locale === 'ja') return `${formatWareki(japan.toISOString().slice(0, 10))} ${hm}`;
  return `${japan.getUTCDate()} ${MONTHS_EN[japan.getUTCMonth()]} ${japan.getUTCFullYear()} ${hm}`;
}

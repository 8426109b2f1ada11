import { isoDateInJapan } from '../../../../../src/shared/dates';
import { parseJapaneseDate } from '../../../../../src/shared/wareki';
import type { Translate } from '../../../i18n';

/**
 * Dates are typed as officials write them: 和暦 (令和2年4月1日, R2.4.1, H31.4.5) or 西暦 (2020-04-01, 2020/4/1).
 * Returns the ISO date, null for an empty optional field, or an error message.
 */
export function readDate(
  value: string,
  t: Translate,
  label: string,
  required = false,
): { iso: string | null; error: string | null } {
  const v = value.trim();
  if (!v) {
    return required
      ? { iso: null, error: t('validation.required', { field: label }) }
      : { iso: null, error: null };
  }
  const iso = parseJapaneseDate(v);
  return iso ? { iso, error: null } : { iso: null, error: t('validation.date', { field: label }) };
}

/** Today in Japan as an ISO date (the default of "decided on", "moved on" …). */
export function todayIso(): string {
  return isoDateInJapan(new Date());
}

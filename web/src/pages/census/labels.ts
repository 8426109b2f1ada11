import type { Locale, Translate } from '../../i18n';
import { formatNendo } from '../../lib/format';

/** 年度 as officials expect it: '令和7年度 (2025年度)' in Japanese, 'FY2025 (Reiwa 7)' in English. */
export function nendoLabel(nendo: number, locale: Locale): string {
  return locale === 'ja' ? `${formatNendo(nendo, 'ja')} (${nendo}年度)` : formatNendo(nendo, 'en');
}

const PHASES = ['reading', 'writing', 'loading', 'linking', 'reviewing', 'clustering', 'saving'] as const;
type Phase = (typeof PHASES)[number];

/** A job's phase in words; a phase the screens do not know yet is shown as the server wrote it. */
export function phaseLabel(t: Translate, phase: string | null): string {
  if (!phase) return '';
  return (PHASES as readonly string[]).includes(phase) ? t(`census.phase.${phase as Phase}`) : phase;
}

const COMPARED_FIELDS = ['kanji', 'kana', 'birthDate', 'sex', 'municipality', 'address'] as const;
type ComparedField = (typeof COMPARED_FIELDS)[number];

/** A compared field of the linkage (kanji name, kana, birth date, …). */
export function comparedFieldLabel(t: Translate, field: string): string {
  return (COMPARED_FIELDS as readonly string[]).includes(field)
    ? t(`census.compared.${field as ComparedField}`)
    : field;
}

const LEVELS = [
  'exact',
  'weak',
  'given',
  'oneEdit',
  'swapped',
  'oneDay',
  'oneDigit',
  'yearMonth',
  'far',
  'same',
  'different',
  'missing',
] as const;
type Level = (typeof LEVELS)[number];

/** How far a field agrees, in plain words ('exact' → 一致, 'swapped' → 月と日が入れ替わっている, …). */
export function levelLabel(t: Translate, level: string): string {
  return (LEVELS as readonly string[]).includes(level) ? t(`census.level.${level as Level}`) : level;
}

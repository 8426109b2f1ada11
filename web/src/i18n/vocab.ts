import { type Labels, labelOf } from '../../../src/shared/vocab/label';
import { renderSystemText } from '../../../src/shared/vocab/system-text';
import type { Translate } from './index';

/**
 * Coded values on screen. Their names live once, with the codes, in src/shared/vocab/ (plain data shared with
 * the server, its workbooks and the schema); the dictionaries hold only the interface's own words. These read
 * a vocabulary's label in the language of `t`.
 */

/** The label of a code; an absent value shows as 「—」, a code the web does not know yet as itself. */
export function vocab<Code extends string>(
  t: Translate,
  labels: Labels<Code>,
  code: string | null | undefined,
): string {
  if (!code) return t('common.none');
  return labelOf(labels, code, t.locale);
}

/** The options of a select or group of checkboxes: every code given, with its label. */
export function vocabOptions<Code extends string>(
  t: Translate,
  codes: readonly Code[],
  labels: Labels<Code>,
) {
  return codes.map((value) => ({ value, label: labels[value][t.locale] }));
}

/**
 * A text the system wrote into a record (a reason, a note, a notification), stored as a code with parameters:
 * rendered in the language of `t`, so a Japanese screen never shows an English sentence, nor the reverse.
 */
export function systemText(
  t: Translate,
  text: { code: string; params?: Record<string, unknown> | null } | null | undefined,
): string {
  return text ? renderSystemText(text, t.locale) : '';
}

/** A record's note: the user's own words, or failing them the system's note in the reader's language. */
export function noteText(
  t: Translate,
  row: { note: string | null; systemNote?: { code: string; params?: Record<string, unknown> } | null },
): string {
  const parts = [row.systemNote ? systemText(t, row.systemNote) : null, row.note].filter(Boolean);
  return parts.length ? parts.join(' / ') : t('common.none');
}

import type { MessageKey, Translate } from '../../../i18n';
import { ja } from '../../../i18n/ja';

/** True when the dictionaries have this key (server codes the UI does not know yet fall back to the code). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ja, key);
}

/** The translation of `${prefix}.${code}`, or the code itself when there is none. */
export function labelOf(t: Translate, prefix: string, code: string | null | undefined): string {
  if (!code) return t('common.none');
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** Options of a select from a list of codes. */
export function optionsOf(t: Translate, prefix: string, codes: readonly string[]) {
  return codes.map((code) => ({ value: code, label: labelOf(t, prefix, code) }));
}

import { findCareItem } from '../../../../../src/shared/care-score';
import type { Labels } from '../../../../../src/shared/vocab/label';
import {
  AFFILIATION_KIND_LABELS,
  CHILD_STATUS_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  DEVICE_KIND_LABELS,
  HANDBOOK_KIND_LABELS,
  LIFE_STAGE_LABELS,
  SEX_LABELS,
} from '../../../../../src/shared/vocab/registry';
import type { Locale, Translate } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDate, formatDateTime } from '../../../lib/format';
import { isMessageKey, labelOf } from './labels';

/** Fields whose values are codes of a vocabulary (src/shared/vocab/registry.ts). */
const CODED: Record<string, Labels<string>> = {
  sex: SEX_LABELS,
  status: CHILD_STATUS_LABELS,
  lifeStage: LIFE_STAGE_LABELS,
  purpose: CONSENT_PURPOSE_LABELS,
  method: CONSENT_METHOD_LABELS,
};

/** A kind code of any list of the record (devices, affiliations, handbooks) in words. */
function kindLabel(t: Translate, code: string): string {
  for (const labels of [
    DEVICE_KIND_LABELS,
    AFFILIATION_KIND_LABELS,
    HANDBOOK_KIND_LABELS,
  ] as Labels<string>[]) {
    if (Object.hasOwn(labels, code)) return vocab(t, labels, code);
  }
  return code;
}

/** The label of a record field (history, conflict view); the field name when the UI does not know it. */
export function fieldLabel(t: Translate, name: string): string {
  const key = `field.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** A stored value as people read it: 和暦 dates, translated codes, はい/いいえ, '—' for nothing. */
export function displayValue(
  t: Translate,
  locale: Locale,
  field: string,
  value: unknown,
  municipalityNames?: ReadonlyMap<string, string>,
): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (field === 'municipalityCode' && typeof value === 'string' && municipalityNames?.has(value)) {
    return municipalityNames.get(value) ?? value;
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const labels = CODED[field];
    if (labels) return vocab(t, labels, value);
    if (field === 'watch') return labelOf(t, 'care.watch', value);
    if (field === 'kind') return kindLabel(t, value);
    if (field === 'code') {
      const item = findCareItem(value);
      if (item) return locale === 'ja' ? item.ja : item.en;
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => displayValue(t, locale, field, v, municipalityNames))
      .join(locale === 'ja' ? '、' : ', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => `${fieldLabel(t, k)}: ${displayValue(t, locale, k, v, municipalityNames)}`)
      .join(' / ');
  }
  return String(value);
}

import { findMunicipality } from '../../../../src/shared/municipalities';
import {
  AUDIT_DETAIL_KEY_LABELS,
  AUDIT_DETAIL_VALUE_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
} from '../../../../src/shared/vocab/audit';
import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import * as censusVocab from '../../../../src/shared/vocab/census';
import * as consultationVocab from '../../../../src/shared/vocab/consultations';
import { isCode, labelOf } from '../../../../src/shared/vocab/label';
import * as networkVocab from '../../../../src/shared/vocab/network';
import * as registryVocab from '../../../../src/shared/vocab/registry';
import * as resourceVocab from '../../../../src/shared/vocab/resources';
import { ROLE_LABELS, ROLES } from '../../../../src/shared/vocab/roles';
import type { Translate } from '../../i18n';
import { formatDate, formatDateTime, formatNendo, formatNumber } from '../../lib/format';

/**
 * The audit log in words (item 9 of the coordinator's day): kinds of object, objects and details named in the
 * reader's language, never a raw code, JSON or UUID. Objects come named by the server within the reader's scope
 * (`objects` of GET /api/audit); an id it did not name is shown as a neutral 「記録」.
 */
export type AuditObject = { type: string; name: string | null; on: string | null };
export type AuditObjects = Record<string, AuditObject>;
export type DetailLine = { key: string; label: string; value: string };

/**
 * Codes of every vocabulary (src/shared/vocab/), for detail values such as a search's filter (status, life
 * stage, topic …): the first vocabulary naming a code gives its label.
 */
const VOCAB_LABELS: Record<string, { ja: string; en: string }> = (() => {
  const out: Record<string, { ja: string; en: string }> = {};
  for (const mod of [registryVocab, consultationVocab, resourceVocab, censusVocab, networkVocab]) {
    for (const [name, value] of Object.entries(mod)) {
      if (!name.endsWith('_LABELS') || !value || typeof value !== 'object') continue;
      for (const [code, label] of Object.entries(value as Record<string, unknown>)) {
        const l = label as { ja?: unknown; en?: unknown };
        if (!(code in out) && typeof l?.ja === 'string' && typeof l.en === 'string') {
          out[code] = { ja: l.ja, en: l.en };
        }
      }
    }
  }
  return out;
})();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The kind of object an entry is about; a kind this screen does not know yet reads 「その他」. */
export function entityTypeLabel(t: Translate, type: string): string {
  return Object.hasOwn(AUDIT_ENTITY_TYPE_LABELS, type)
    ? labelOf(AUDIT_ENTITY_TYPE_LABELS, type, t.locale)
    : t('audit.entityOther');
}

/** An object as the reader may know it: its name, its kind and day, or a neutral word. */
export function objectLabel(t: Translate, id: string, objects: AuditObjects): string {
  const o = objects[id];
  if (!o) return t('audit.objectUnnamed');
  if (o.name) return o.name;
  const kind = entityTypeLabel(t, o.type);
  if (!o.on) return kind;
  const day = ISO_DATE.test(o.on) ? formatDate(o.on, t.locale) : formatDateTime(o.on, t.locale);
  return t('audit.objectOn', { kind, day });
}

function keyLabel(t: Translate, key: string): string {
  const l = AUDIT_DETAIL_KEY_LABELS[key];
  return l ? l[t.locale] : t('audit.detailOther');
}

function valueText(t: Translate, key: string, v: unknown, objects: AuditObjects): string {
  if (v === null || v === undefined || v === '') return t('common.none');
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (typeof v === 'number') return key === 'nendo' ? formatNendo(v, t.locale) : formatNumber(v, t.locale);
  if (Array.isArray(v)) {
    // Field names and record keys are codes: their number says what changed without showing them.
    if (key === 'fields' || key === 'changed' || key === 'keys' || key === 'clusters') {
      return t('audit.items', { n: formatNumber(v.length, t.locale) });
    }
    if (v.length === 0) return t('common.none');
    return v.map((x) => valueText(t, key, x, objects)).join('、');
  }
  if (typeof v === 'object') {
    const parts = detailLines(t, v as Record<string, unknown>, objects);
    return parts.length ? parts.map((p) => `${p.label}：${p.value}`).join('、') : t('common.none');
  }
  const s = String(v);
  if (UUID.test(s)) return objectLabel(t, s, objects);
  if (key === 'role' && isCode(ROLES, s)) return labelOf(ROLE_LABELS, s, t.locale);
  if (key === 'municipalityCode' || key === 'municipality') return findMunicipality(s)?.name ?? s;
  if (key === 'careItem' || key === 'care') return careItemLabel(s, t.locale);
  if (key === 'lang') return s === 'en' ? 'English' : '日本語';
  if (key === 'format' || key === 'encoding') return s.toUpperCase();
  if (Object.hasOwn(AUDIT_DETAIL_VALUE_LABELS, s)) return labelOf(AUDIT_DETAIL_VALUE_LABELS, s, t.locale);
  if (Object.hasOwn(VOCAB_LABELS, s)) return VOCAB_LABELS[s]![t.locale];
  // A code of a vocabulary this screen does not know: say that there is one rather than show it.
  if (/^[a-z]+(_[a-z0-9]+)+$/.test(s)) return t('audit.coded');
  if (ISO_DATE.test(s)) return formatDate(s, t.locale);
  if (ISO_INSTANT.test(s)) return formatDateTime(s, t.locale);
  return s;
}

/** An entry's detail as labelled lines, in the reader's language. */
export function detailLines(t: Translate, detail: unknown, objects: AuditObjects): DetailLine[] {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return [];
  return Object.entries(detail as Record<string, unknown>)
    .filter(
      ([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0),
    )
    .map(([key, v]) => ({ key, label: keyLabel(t, key), value: valueText(t, key, v, objects) }));
}

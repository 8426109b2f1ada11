import { findMunicipality } from '../../../../src/shared/municipalities';
import * as activityReportVocab from '../../../../src/shared/vocab/activity-report';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_DETAIL_KEY_LABELS,
  AUDIT_DETAIL_VALUE_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
} from '../../../../src/shared/vocab/audit';
import { AUDIT_CHANGE_FIELD_LABELS } from '../../../../src/shared/vocab/audit-change-fields';
import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import * as censusVocab from '../../../../src/shared/vocab/census';
import * as consultationVocab from '../../../../src/shared/vocab/consultations';
import * as councilsVocab from '../../../../src/shared/vocab/councils';
import * as disasterVocab from '../../../../src/shared/vocab/disaster';
import * as disasterEventsVocab from '../../../../src/shared/vocab/disaster-events';
import * as engagementsVocab from '../../../../src/shared/vocab/engagements';
import * as filesVocab from '../../../../src/shared/vocab/files';
import * as goodPracticesVocab from '../../../../src/shared/vocab/good-practices';
import { isCode, labelOf } from '../../../../src/shared/vocab/label';
import * as learningVocab from '../../../../src/shared/vocab/learning';
import * as learningAttendanceVocab from '../../../../src/shared/vocab/learning-attendance';
import * as learningElearningVocab from '../../../../src/shared/vocab/learning-elearning';
import * as learningLearnersVocab from '../../../../src/shared/vocab/learning-learners';
import * as learningRequestsVocab from '../../../../src/shared/vocab/learning-requests';
import * as learningRosterVocab from '../../../../src/shared/vocab/learning-roster';
import * as learningSelectionVocab from '../../../../src/shared/vocab/learning-selection';
import * as libraryVocab from '../../../../src/shared/vocab/library';
import * as mailVocab from '../../../../src/shared/vocab/mail';
import * as mailOutsideVocab from '../../../../src/shared/vocab/mail-outside';
import * as municipalitiesVocab from '../../../../src/shared/vocab/municipalities';
import * as networkVocab from '../../../../src/shared/vocab/network';
import * as notificationMailVocab from '../../../../src/shared/vocab/notification-mail';
import * as publicSiteVocab from '../../../../src/shared/vocab/public-site';
import * as regionalIssuesVocab from '../../../../src/shared/vocab/regional-issues';
import * as registryVocab from '../../../../src/shared/vocab/registry';
import * as resourceVocab from '../../../../src/shared/vocab/resources';
import { ROLE_LABELS, ROLES } from '../../../../src/shared/vocab/roles';
import * as surveysVocab from '../../../../src/shared/vocab/surveys';
import * as transitionsVocab from '../../../../src/shared/vocab/transitions';
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
  const first = [registryVocab, consultationVocab, resourceVocab, censusVocab, networkVocab];
  const rest = [
    activityReportVocab,
    councilsVocab,
    disasterEventsVocab,
    disasterVocab,
    engagementsVocab,
    filesVocab,
    goodPracticesVocab,
    learningAttendanceVocab,
    learningElearningVocab,
    learningLearnersVocab,
    learningRequestsVocab,
    learningRosterVocab,
    learningSelectionVocab,
    learningVocab,
    libraryVocab,
    mailOutsideVocab,
    mailVocab,
    municipalitiesVocab,
    notificationMailVocab,
    publicSiteVocab,
    regionalIssuesVocab,
    surveysVocab,
    transitionsVocab,
    { ROLE_LABELS, AUDIT_ACTION_LABELS },
  ];
  for (const mod of [...first, ...rest]) {
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

/**
 * Words that name something only under one key (a figure's row and column, the area of a report, what a read was
 * for …): no vocabulary lists them as codes of their own.
 */
const VALUES_BY_KEY: Record<string, Record<string, { ja: string; en: string }>> = {
  row: engagementsVocab.CROSS_TAB_FIELD_LABELS,
  col: engagementsVocab.CROSS_TAB_FIELD_LABELS,
  area: {
    prefecture: { ja: '都道府県全体', en: 'Whole prefecture' },
    region: { ja: '圏域', en: 'Region' },
    branch: { ja: '支部', en: 'Branch' },
    municipality: { ja: '市町村', en: 'Municipality' },
  },
  purpose: {
    page: { ja: '画面での閲覧', en: 'Viewed on screen' },
    print: { ja: '印刷', en: 'Printout' },
  },
  access: { full: { ja: 'すべて', en: 'Full' } },
  secondFactor: {
    pending: { ja: '確認コードの入力待ち', en: 'Code awaited' },
    enrolment_required: { ja: '設定が必要', en: 'Set-up required' },
    not_required: { ja: '不要', en: 'Not required' },
  },
  material: {
    added: { ja: '追加', en: 'Added' },
    removed: { ja: '削除', en: 'Removed' },
  },
  via: {
    screen: { ja: '画面', en: 'Screen' },
    cli: { ja: 'コマンド', en: 'Command line' },
  },
  // A list's filters: the order, the queue's view and the columns a list sorts by.
  dir: { asc: { ja: '昇順', en: 'Ascending' }, desc: { ja: '降順', en: 'Descending' } },
  view: {
    all: { ja: 'すべて', en: 'All' },
    mine: { ja: '自分の担当', en: 'Mine' },
    team: { ja: 'チームの相談', en: 'Team' },
    overdue: { ja: '期限切れ', en: 'Overdue' },
    'handoffs-inbox': { ja: '届いた依頼', en: 'Requests received' },
  },
  status: { any: { ja: 'すべて', en: 'Any' } },
  sort: {
    urgency: { ja: '緊急度', en: 'Urgency' },
    due: { ja: '次の対応日', en: 'Next action due' },
    caseNumber: { ja: '相談番号', en: 'Case number' },
    opened: { ja: '受付日', en: 'Opened' },
    child: { ja: 'お子さん', en: 'Child' },
    subject: { ja: '件名', en: 'Subject' },
    assignee: { ja: '担当者', en: 'Assignee' },
    municipality: { ja: '市町村', en: 'Municipality' },
    team: { ja: 'チーム', en: 'Team' },
    region: { ja: '圏域', en: 'Region' },
    kana: { ja: 'ふりがな', en: 'Kana' },
    name: { ja: '氏名・名称', en: 'Name' },
    birthDate: { ja: '生年月日', en: 'Date of birth' },
    sex: { ja: '性別', en: 'Sex' },
    status: { ja: '状態', en: 'Status' },
    careScore: { ja: '医療的ケアスコア', en: 'Care score' },
    updated: { ja: '更新日', en: 'Updated' },
    affiliation: { ja: '所属', en: 'Affiliation' },
    followUp: { ja: 'フォローアップ', en: 'Follow-up' },
    owner: { ja: '担当', en: 'Owner' },
    submitted: { ja: '申請日', en: 'Submitted' },
    source: { ja: '申請の経路', en: 'Source' },
    organization: { ja: '事業者', en: 'Organisation' },
    type: { ja: '種別', en: 'Type' },
    confirmed: { ja: '確認', en: 'Confirmed' },
    linkExpires: { ja: 'リンクの期限', en: 'Link expires' },
    lastConfirmed: { ja: '最終確認日', en: 'Last confirmed' },
    vacancy: { ja: '空き状況', en: 'Vacancy' },
  },
};

/** Keys whose values are written by people or name files and ids: shown as written, never taken for a code. */
const FREE_TEXT_KEYS = new Set([
  'name',
  'note',
  'q',
  'fileName',
  'label',
  'reason',
  'contentType',
  'sha256',
  'seed',
  'serial',
  'serials',
  'receiptNo',
]);

/** A code (`lifeElement`, `pending`, `at_home`): lowercase ascii words, camelCase or joined by underscores. */
const CODE = /^[a-z]+(?:[A-Z][a-z]*)*$|^[a-z]+(?:_[a-z0-9]+)+$/;

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

/** Keys whose value lists the fields a change touched (registry, consultations, network, councils …). */
const FIELD_LIST_KEYS = new Set(['fields', 'changed', 'changedFields']);

/** A changed field's name in the reader's language, or undefined when the screen does not know it. */
function fieldLabel(t: Translate, field: string): string | undefined {
  return Object.hasOwn(AUDIT_CHANGE_FIELD_LABELS, field)
    ? AUDIT_CHANGE_FIELD_LABELS[field]![t.locale]
    : undefined;
}

/**
 * What a change record changed: field → [before, after] (or a value), each field by its name; a field the
 * screen does not know reads 「その他」 rather than its code.
 */
function changesText(t: Translate, changes: Record<string, unknown>, objects: AuditObjects): string {
  const [colon, comma] = t.locale === 'en' ? [': ', ', '] : ['：', '、'];
  const parts = Object.entries(changes).map(([field, v]) => {
    const label = fieldLabel(t, field) ?? keyLabel(t, field);
    const value =
      Array.isArray(v) && v.length === 2
        ? `${valueText(t, field, v[0], objects)} → ${valueText(t, field, v[1], objects)}`
        : valueText(t, field, v, objects);
    return `${label}${colon}${value}`;
  });
  return parts.length ? parts.join(comma) : t('common.none');
}

function valueText(t: Translate, key: string, v: unknown, objects: AuditObjects): string {
  if (v === null || v === undefined || v === '') return t('common.none');
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (typeof v === 'number') return key === 'nendo' ? formatNendo(v, t.locale) : formatNumber(v, t.locale);
  if (Array.isArray(v)) {
    // The fields a change touched, by name; a list with a name this screen does not know says how many.
    if (FIELD_LIST_KEYS.has(key)) {
      const names = v.map((f) => (typeof f === 'string' ? fieldLabel(t, f) : undefined));
      if (v.length > 0 && names.every((n) => n !== undefined)) {
        return [...new Set(names)].join(t.locale === 'en' ? ', ' : '、');
      }
      return t('audit.items', { n: formatNumber(v.length, t.locale) });
    }
    // Record keys are codes: their number says what changed without showing them.
    if (key === 'keys' || key === 'clusters') {
      return t('audit.items', { n: formatNumber(v.length, t.locale) });
    }
    if (v.length === 0) return t('common.none');
    return v.map((x) => valueText(t, key, x, objects)).join(t.locale === 'en' ? ', ' : '、');
  }
  if (key === 'changes' && typeof v === 'object')
    return changesText(t, v as Record<string, unknown>, objects);
  if (typeof v === 'object') {
    const parts = detailLines(t, v as Record<string, unknown>, objects);
    const [colon, comma] = t.locale === 'en' ? [': ', ', '] : ['：', '、'];
    return parts.length ? parts.map((p) => `${p.label}${colon}${p.value}`).join(comma) : t('common.none');
  }
  const s = String(v);
  if (UUID.test(s)) return objectLabel(t, s, objects);
  if (key === 'role' && isCode(ROLES, s)) return labelOf(ROLE_LABELS, s, t.locale);
  if (key === 'municipalityCode' || key === 'municipality') return findMunicipality(s)?.name ?? s;
  if (key === 'careItem' || key === 'care') return careItemLabel(s, t.locale);
  if (key === 'lang') return s === 'en' ? 'English' : '日本語';
  if (key === 'format' || key === 'encoding' || key === 'claimed' || key === 'found') return s.toUpperCase();
  const byKey = VALUES_BY_KEY[key];
  if (byKey && Object.hasOwn(byKey, s)) return byKey[s]![t.locale];
  if (Object.hasOwn(AUDIT_DETAIL_VALUE_LABELS, s)) return labelOf(AUDIT_DETAIL_VALUE_LABELS, s, t.locale);
  if (Object.hasOwn(VOCAB_LABELS, s)) return VOCAB_LABELS[s]![t.locale];
  if (FREE_TEXT_KEYS.has(key)) return s;
  // A code of a vocabulary this screen does not know: say that there is one rather than show it.
  if (CODE.test(s)) return t('audit.coded');
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

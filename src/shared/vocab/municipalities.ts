import type { Label, Labels } from './label';

/**
 * The page per municipality (市町村カルテ, docs/municipal-support.md §1): the maturity items the centre keeps
 * for each municipality, their statuses and options, where a fact came from, and the maturity bands the
 * prefecture table and map colour by. Plain data shared by the schema, the server, the web and the tests.
 */

/** The maturity items (取組状況) of a municipality, in the order the page and the table show them. */
export const MATURITY_ITEMS = [
  'coordinator',
  'council',
  'core_centre',
  'census_method',
  'welfare_plan',
] as const;
export type MaturityItem = (typeof MATURITY_ITEMS)[number];

export const MATURITY_ITEM_LABELS = {
  coordinator: { ja: '市町村コーディネーターの配置', en: 'Own coordinator placed' },
  council: { ja: '協議の場の設置', en: 'Council (協議の場) established' },
  core_centre: { ja: '基幹相談支援センター', en: 'Core consultation centre' },
  census_method: { ja: '対象児の把握方法', en: 'How children are found' },
  welfare_plan: { ja: '障害（児）福祉計画での位置づけ', en: 'Place in the disability (child) welfare plan' },
} as const satisfies Labels<MaturityItem>;

/** Short column headings of the prefecture table (the full names above are the headings' descriptions). */
export const MATURITY_ITEM_SHORT_LABELS = {
  coordinator: { ja: 'コーディネーター', en: 'Coordinator' },
  council: { ja: '協議の場', en: 'Council' },
  core_centre: { ja: '基幹センター', en: 'Core centre' },
  census_method: { ja: '把握方法', en: 'Finding children' },
  welfare_plan: { ja: '福祉計画', en: 'Welfare plan' },
} as const satisfies Labels<MaturityItem>;

/** How far an item is in place: 2 = in place, 1 = under way, 0 = not. */
export type MaturityLevel = 0 | 1 | 2;

/** Every status of every item, with the item it belongs to and its level. */
export const MATURITY_STATUSES = {
  coordinator: ['placed', 'considering', 'not_placed'],
  council: ['established', 'preparing', 'none'],
  core_centre: ['established', 'preparing', 'none'],
  census_method: ['systematic', 'partial', 'none'],
  welfare_plan: ['with_targets', 'mentioned', 'not_mentioned'],
} as const satisfies Record<MaturityItem, readonly [string, string, string]>;

export type MaturityStatus<I extends MaturityItem = MaturityItem> = (typeof MATURITY_STATUSES)[I][number];

/** Every status code (of any item). */
export const ALL_MATURITY_STATUSES = [
  ...new Set(Object.values(MATURITY_STATUSES).flat()),
] as readonly AnyMaturityStatus[];
export type AnyMaturityStatus = (typeof MATURITY_STATUSES)[MaturityItem][number];

/** The level of a status: the first of each item's list is in place, the second under way, the third not. */
export function maturityLevel(item: MaturityItem, status: string): MaturityLevel {
  const i = (MATURITY_STATUSES[item] as readonly string[]).indexOf(status);
  return i === 0 ? 2 : i === 1 ? 1 : 0;
}

/** A status's label depends on its item (「設置」 of a council, 「配置」 of a coordinator). */
export const MATURITY_STATUS_LABELS: { [I in MaturityItem]: Labels<MaturityStatus<I>> } = {
  coordinator: {
    placed: { ja: '配置済み', en: 'Placed' },
    considering: { ja: '検討中', en: 'Considering' },
    not_placed: { ja: '未配置', en: 'Not placed' },
  },
  council: {
    established: { ja: '設置済み', en: 'Established' },
    preparing: { ja: '準備中', en: 'Preparing' },
    none: { ja: '未設置', en: 'Not established' },
  },
  core_centre: {
    established: { ja: '設置済み', en: 'Established' },
    preparing: { ja: '準備中', en: 'Preparing' },
    none: { ja: '未設置', en: 'Not established' },
  },
  census_method: {
    systematic: { ja: '定期的に把握', en: 'Found regularly' },
    partial: { ja: '一部のみ把握', en: 'Partly found' },
    none: { ja: '把握していない', en: 'Not found' },
  },
  welfare_plan: {
    with_targets: { ja: '数値目標あり', en: 'With targets' },
    mentioned: { ja: '記載のみ', en: 'Mentioned' },
    not_mentioned: { ja: '記載なし', en: 'Not mentioned' },
  },
};

/** The label of an item's status (an unknown code shows as itself). */
export function maturityStatusLabel(item: MaturityItem, status: string, lang: 'ja' | 'en'): string {
  const labels = MATURITY_STATUS_LABELS[item] as Record<string, Label>;
  return Object.hasOwn(labels, status) ? labels[status]![lang] : status;
}

/** The options an item may carry beside its status (how a coordinator is funded, who attends the council …). */
export const MATURITY_OPTIONS = {
  coordinator: ['municipal_budget', 'national_subsidy', 'commissioned', 'concurrent_post'],
  council: ['education_attends', 'medical_attends', 'families_attend'],
  core_centre: ['directly_run', 'commissioned'],
  census_method: [
    'maternal_child_health',
    'disability_services',
    'nursery_school',
    'medical_institutions',
    'questionnaire',
    'prefecture_census',
  ],
  welfare_plan: ['coordinator_target', 'council_target', 'short_stay_target'],
} as const satisfies Record<MaturityItem, readonly string[]>;

export type MaturityOption = (typeof MATURITY_OPTIONS)[MaturityItem][number];
export const ALL_MATURITY_OPTIONS = [...new Set(Object.values(MATURITY_OPTIONS).flat())] as MaturityOption[];

export const MATURITY_OPTION_LABELS = {
  municipal_budget: { ja: '市町村の単独予算', en: 'Municipal budget' },
  national_subsidy: {
    ja: '国庫補助（医療的ケア児等総合支援事業）',
    en: 'National subsidy (comprehensive support)',
  },
  commissioned: { ja: '事業所に委託', en: 'Commissioned to a provider' },
  concurrent_post: { ja: '職員の兼務', en: 'Held alongside another post' },
  education_attends: { ja: '教育委員会が参加', en: 'Education attends' },
  medical_attends: { ja: '医療機関が参加', en: 'Medical institutions attend' },
  families_attend: { ja: '当事者・家族が参加', en: 'Families attend' },
  directly_run: { ja: '直営', en: 'Run directly' },
  maternal_child_health: {
    ja: '母子保健（健診・訪問）',
    en: 'Maternal and child health (check-ups, visits)',
  },
  disability_services: { ja: '障害福祉サービス・手帳', en: 'Disability services and handbooks' },
  nursery_school: { ja: '保育所・学校からの情報', en: 'Nurseries and schools' },
  medical_institutions: { ja: '医療機関・訪問看護からの連絡', en: 'Hospitals and home-visit nursing' },
  questionnaire: { ja: '独自のアンケート調査', en: 'Own questionnaire' },
  prefecture_census: { ja: '県の実態把握に参加', en: 'Takes part in the prefecture census' },
  coordinator_target: { ja: 'コーディネーター配置の目標', en: 'Target for coordinators' },
  council_target: { ja: '協議の場の目標', en: 'Target for the council' },
  short_stay_target: { ja: '短期入所の目標', en: 'Target for short stays' },
} as const satisfies Labels<MaturityOption>;

/** Where a fact on the page came from (its source, shown with each value and in the history). */
export const FACT_SOURCES = [
  'hearing',
  'municipal_report',
  'plan_document',
  'survey',
  'meeting',
  'other',
] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

export const FACT_SOURCE_LABELS = {
  hearing: { ja: 'ヒアリング', en: 'Hearing visit' },
  municipal_report: { ja: '市町村からの報告', en: 'Reported by the municipality' },
  plan_document: { ja: '計画書・公表資料', en: 'Plan or published document' },
  survey: { ja: '県・センターの調査', en: 'Prefecture or centre survey' },
  meeting: { ja: '会議での報告', en: 'Reported at a meeting' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<FactSource>;

/**
 * Maturity bands of the prefecture table and map, by the number of items in place (level 2) out of five;
 * 'unknown' when nothing is recorded for the 年度. Each band has a colour and a pattern on the map, and its
 * name and the count are written in each cell, so the map never relies on colour alone.
 */
export const MATURITY_BANDS = ['advanced', 'developing', 'early', 'unknown'] as const;
export type MaturityBand = (typeof MATURITY_BANDS)[number];

export const MATURITY_BAND_LABELS = {
  advanced: { ja: '充実（4〜5項目）', en: 'Advanced (4–5 items)' },
  developing: { ja: '取組中（2〜3項目）', en: 'Developing (2–3 items)' },
  early: { ja: '初期（0〜1項目）', en: 'Early (0–1 items)' },
  unknown: { ja: '未記録', en: 'Not recorded' },
} as const satisfies Labels<MaturityBand>;

/** The band of a municipality from the number of items in place, or 'unknown' when none is recorded. */
export function maturityBand(inPlace: number, recorded: number): MaturityBand {
  if (recorded === 0) return 'unknown';
  return inPlace >= 4 ? 'advanced' : inPlace >= 2 ? 'developing' : 'early';
}

/** True when `value` names a maturity item. */
export function isMaturityItem(value: string): value is MaturityItem {
  return (MATURITY_ITEMS as readonly string[]).includes(value);
}

import type { Labels } from './label';

/** The resources (社会資源) vocabularies (decision 0009; HSDS-shaped). */

/** Service types. */
export const SERVICE_TYPES = [
  'child_development_support',
  'after_school_day_service',
  'home_based_development_support',
  'nursery_visit_support',
  'medical_short_stay',
  'welfare_short_stay',
  'medical_residential',
  'home_visit_nursing',
  'home_visit_care',
  'hospital',
  'clinic',
  'pharmacy',
  'nursery',
  'kindergarten',
  'school',
  'special_needs_school',
  'consultation_support',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS = {
  child_development_support: { ja: '児童発達支援', en: 'Child development support' },
  after_school_day_service: { ja: '放課後等デイサービス', en: 'After-school day service' },
  home_based_development_support: { ja: '居宅訪問型児童発達支援', en: 'Home-based development support' },
  nursery_visit_support: { ja: '保育所等訪問支援', en: 'Nursery visit support' },
  medical_short_stay: { ja: '医療型短期入所', en: 'Medical short stay' },
  welfare_short_stay: { ja: '福祉型短期入所', en: 'Welfare short stay' },
  medical_residential: { ja: '医療型障害児入所施設', en: 'Medical residential facility' },
  home_visit_nursing: { ja: '訪問看護', en: 'Home-visit nursing' },
  home_visit_care: { ja: '居宅介護', en: 'Home-visit care' },
  hospital: { ja: '病院', en: 'Hospital' },
  clinic: { ja: '診療所', en: 'Clinic' },
  pharmacy: { ja: '薬局', en: 'Pharmacy' },
  nursery: { ja: '保育所', en: 'Nursery' },
  kindergarten: { ja: '幼稚園・認定こども園', en: 'Kindergarten / centre for early childhood' },
  school: { ja: '学校', en: 'School' },
  special_needs_school: { ja: '特別支援学校', en: 'Special needs school' },
  consultation_support: { ja: '相談支援事業所', en: 'Consultation support office' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<ServiceType>;

/** HSDS service.status. */
export const SERVICE_STATUSES = ['active', 'inactive', 'temporarily_closed', 'defunct'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const SERVICE_STATUS_LABELS = {
  active: { ja: '運営中', en: 'Open' },
  inactive: { ja: '休止', en: 'Suspended' },
  temporarily_closed: { ja: '一時休業', en: 'Temporarily closed' },
  defunct: { ja: '廃止', en: 'Closed down' },
} as const satisfies Labels<ServiceStatus>;

/** Per care item: accepted, accepted with conditions (free text), not accepted. Absent = unknown. */
export const ACCEPTANCES = ['accepted', 'accepted_with_conditions', 'not_accepted'] as const;
export type Acceptance = (typeof ACCEPTANCES)[number];

export const ACCEPTANCE_LABELS = {
  accepted: { ja: '受け入れ可', en: 'Accepted' },
  accepted_with_conditions: { ja: '条件付きで可', en: 'With conditions' },
  not_accepted: { ja: '受け入れ不可', en: 'Not accepted' },
} as const satisfies Labels<Acceptance>;

/** Days of the week as in iCal BYDAY (HSDS schedule.byday). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS = {
  MO: { ja: '月', en: 'Mon' },
  TU: { ja: '火', en: 'Tue' },
  WE: { ja: '水', en: 'Wed' },
  TH: { ja: '木', en: 'Thu' },
  FR: { ja: '金', en: 'Fri' },
  SA: { ja: '土', en: 'Sat' },
  SU: { ja: '日', en: 'Sun' },
} as const satisfies Labels<Weekday>;

/** Qualitative bottleneck kinds (NA-4/NA-5). */
export const BOTTLENECK_KINDS = [
  'no_bathing',
  'no_transport',
  'no_night_nurse',
  'no_short_stay_bed',
  'age_limit',
  'waiting_list',
  'other',
] as const;
export type BottleneckKind = (typeof BOTTLENECK_KINDS)[number];

export const BOTTLENECK_KIND_LABELS = {
  no_bathing: { ja: '入浴の受け入れがない', en: 'No bathing' },
  no_transport: { ja: '送迎がない', en: 'No transport' },
  no_night_nurse: { ja: '夜間の看護師がいない', en: 'No nurse at night' },
  no_short_stay_bed: { ja: '短期入所の空床がない', en: 'No short-stay bed' },
  age_limit: { ja: '年齢制限', en: 'Age limit' },
  waiting_list: { ja: '待機がある', en: 'Waiting list' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<BottleneckKind>;

/** How a listing was last confirmed. */
export const CONFIRMATION_KINDS = ['user', 'provider_link', 'import'] as const;
export type ConfirmationKind = (typeof CONFIRMATION_KINDS)[number];

/** How strained a gaps cell is (resources/gap-rule.ts gapLevel): the heat map's word beside its colour. */
export const GAP_LEVELS = ['noSupply', 'high', 'mid', 'low', 'none'] as const;
export type GapLevel = (typeof GAP_LEVELS)[number];

export const GAP_LEVEL_LABELS = {
  noSupply: { ja: '供給なし', en: 'No service' },
  high: { ja: '不足大', en: 'Severe shortage' },
  mid: { ja: '不足', en: 'Shortage' },
  low: { ja: '充足', en: 'Enough' },
  none: { ja: '需要なし', en: 'No demand' },
} as const satisfies Labels<GapLevel>;

/** The needs of daily life the gaps count on their own (resources/gap-rule.ts NEED_TYPES). */
export const GAP_NEEDS = ['day', 'visit', 'short_stay'] as const;
export type GapNeed = (typeof GAP_NEEDS)[number];

export const GAP_NEED_LABELS = {
  day: { ja: '日中の通い先', en: 'Somewhere to spend the day' },
  visit: { ja: '訪問', en: 'Care at home' },
  short_stay: { ja: '短期入所', en: 'Short stay' },
} as const satisfies Labels<GapNeed>;

/** The columns the staff directory list sorts by (GET /api/resources/services; default municipality, then name). */
export const SERVICE_LIST_SORTS = ['name', 'type', 'municipality', 'vacancy', 'lastConfirmed'] as const;
export type ServiceListSort = (typeof SERVICE_LIST_SORTS)[number];

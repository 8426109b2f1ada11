import type { Labels } from './label';

/**
 * Engagements with municipalities (docs/municipal-support.md §2): hearing visits with their fixed items (MI-2),
 * four-division meetings (KU-2) and the municipal support log with its fixed analysis fields (MI-3). Codes are
 * stable English identifiers; each has its Japanese and English label.
 */

/** What kind of engagement a record is. */
export const ENGAGEMENT_KINDS = ['hearing', 'four_division', 'support'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_KIND_LABELS = {
  hearing: { ja: 'ヒアリング訪問', en: 'Hearing visit' },
  four_division: { ja: '4課協議', en: 'Four-division meeting' },
  support: { ja: '市町村支援の記録', en: 'Municipal support log entry' },
} as const satisfies Labels<EngagementKind>;

/** Whether an engagement is still planned or has taken place (only held ones count). */
export const ENGAGEMENT_STATUSES = ['planned', 'held'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const ENGAGEMENT_STATUS_LABELS = {
  planned: { ja: '予定', en: 'Planned' },
  held: { ja: '実施済み', en: 'Held' },
} as const satisfies Labels<EngagementStatus>;

/** The fixed items every hearing visit asks about (MI-2). */
export const HEARING_ITEMS = [
  'child_finding',
  'coordinator_links',
  'welfare_plan',
  'disaster_response',
  'issues',
] as const;
export type HearingItem = (typeof HEARING_ITEMS)[number];

export const HEARING_ITEM_LABELS = {
  child_finding: { ja: '医療的ケア児の把握方法', en: 'How children are found' },
  coordinator_links: { ja: 'コーディネーターとの連携', en: 'Links with coordinators' },
  welfare_plan: { ja: '障害（児）福祉計画での位置づけ', en: 'Place in the disability welfare plan' },
  disaster_response: { ja: '災害時の対応', en: 'Disaster response' },
  issues: { ja: '課題', en: 'Issues' },
} as const satisfies Labels<HearingItem>;

/** The fixed analysis fields of a support log entry (MI-3), each a coded vocabulary plus free text. */
export const SUPPORT_FIELDS = [
  'lifeElement',
  'request',
  'assessment',
  'approach',
  'municipalAction',
  'outcome',
] as const;
export type SupportField = (typeof SUPPORT_FIELDS)[number];

export const SUPPORT_FIELD_LABELS = {
  lifeElement: { ja: '生活の要素', en: 'Life element' },
  request: { ja: '市町村からの相談内容', en: 'What the municipality asked' },
  assessment: { ja: 'センターの見立て', en: 'Assessment' },
  approach: { ja: 'センターの働きかけ', en: 'Centre’s approach' },
  municipalAction: { ja: '市町村の取組', en: 'What the municipality did' },
  outcome: { ja: '結果', en: 'Outcome' },
} as const satisfies Labels<SupportField>;

export const LIFE_ELEMENTS = [
  'medical',
  'home_care',
  'welfare_services',
  'childcare',
  'education',
  'family',
  'transport',
  'disaster',
  'other',
] as const;
export type LifeElement = (typeof LIFE_ELEMENTS)[number];

export const LIFE_ELEMENT_LABELS = {
  medical: { ja: '医療', en: 'Medical' },
  home_care: { ja: '在宅生活', en: 'Life at home' },
  welfare_services: { ja: '障害福祉サービス', en: 'Disability welfare services' },
  childcare: { ja: '保育', en: 'Childcare' },
  education: { ja: '教育', en: 'Education' },
  family: { ja: '家族支援', en: 'Family support' },
  transport: { ja: '移動・通学', en: 'Transport' },
  disaster: { ja: '災害への備え', en: 'Disaster preparedness' },
  other: { ja: 'その他の生活の要素', en: 'Other life element' },
} as const satisfies Labels<LifeElement>;

export const MUNICIPAL_REQUESTS = [
  'case_advice',
  'resource_info',
  'system_building',
  'council',
  'coordinator',
  'census',
  'plan',
  'training',
  'disaster_plan',
  'other',
] as const;
export type MunicipalRequest = (typeof MUNICIPAL_REQUESTS)[number];

export const MUNICIPAL_REQUEST_LABELS = {
  case_advice: { ja: '個別ケースへの助言', en: 'Advice on a case' },
  resource_info: { ja: '社会資源の情報', en: 'Information on resources' },
  system_building: { ja: '支援体制づくり', en: 'Building the support system' },
  council: { ja: '協議の場の設置・運営', en: 'Setting up or running a council' },
  coordinator: { ja: 'コーディネーターの配置・活用', en: 'Placing or using a coordinator' },
  census: { ja: '実態把握の方法', en: 'How to find the children' },
  plan: { ja: '計画への位置づけ', en: 'Place in the plan' },
  training: { ja: '研修・人材育成', en: 'Training' },
  disaster_plan: { ja: '個別避難計画・災害時の備え', en: 'Evacuation plans and disaster readiness' },
  other: { ja: 'その他の相談', en: 'Other request' },
} as const satisfies Labels<MunicipalRequest>;

export const ASSESSMENTS = [
  'individual_need',
  'no_resource',
  'weak_coordination',
  'no_system',
  'lack_of_knowledge',
  'staffing',
  'other',
] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ASSESSMENT_LABELS = {
  individual_need: { ja: '個別の支援が必要', en: 'An individual need' },
  no_resource: { ja: '社会資源の不足', en: 'A missing resource' },
  weak_coordination: { ja: '関係機関の連携不足', en: 'Weak coordination between agencies' },
  no_system: { ja: '仕組み・体制がない', en: 'No system in place' },
  lack_of_knowledge: { ja: '知識・情報の不足', en: 'Lack of knowledge or information' },
  staffing: { ja: '人員・担い手の不足', en: 'Too few staff' },
  other: { ja: 'その他の見立て', en: 'Other assessment' },
} as const satisfies Labels<Assessment>;

export const APPROACHES = [
  'information',
  'advice',
  'accompany',
  'coordination',
  'meeting_support',
  'training',
  'referral',
  'other',
] as const;
export type Approach = (typeof APPROACHES)[number];

export const APPROACH_LABELS = {
  information: { ja: '情報提供', en: 'Gave information' },
  advice: { ja: '助言', en: 'Advised' },
  accompany: { ja: '同行・同席', en: 'Went along or sat in' },
  coordination: { ja: '関係機関との調整', en: 'Coordinated the agencies' },
  meeting_support: { ja: '会議の開催支援', en: 'Helped hold a meeting' },
  training: { ja: '研修の実施', en: 'Gave a training' },
  referral: { ja: '他機関への紹介', en: 'Referred to another agency' },
  other: { ja: 'その他の働きかけ', en: 'Other approach' },
} as const satisfies Labels<Approach>;

export const MUNICIPAL_ACTIONS = [
  'case_handled',
  'service_arranged',
  'system_built',
  'council_held',
  'coordinator_placed',
  'budgeted',
  'considering',
  'nothing_yet',
] as const;
export type MunicipalAction = (typeof MUNICIPAL_ACTIONS)[number];

export const MUNICIPAL_ACTION_LABELS = {
  case_handled: { ja: '個別ケースに対応した', en: 'Handled the case' },
  service_arranged: { ja: 'サービスを調整した', en: 'Arranged a service' },
  system_built: { ja: '体制を整えた', en: 'Put a system in place' },
  council_held: { ja: '協議の場を開いた', en: 'Held a council' },
  coordinator_placed: { ja: 'コーディネーターを配置した', en: 'Placed a coordinator' },
  budgeted: { ja: '予算化・事業化した', en: 'Funded it' },
  considering: { ja: '検討中', en: 'Considering' },
  nothing_yet: { ja: 'まだ取組なし', en: 'Nothing yet' },
} as const satisfies Labels<MunicipalAction>;

export const SUPPORT_OUTCOMES = ['resolved', 'improved', 'ongoing', 'unresolved', 'raised_as_issue'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export const SUPPORT_OUTCOME_LABELS = {
  resolved: { ja: '解決した', en: 'Resolved' },
  improved: { ja: '改善した', en: 'Improved' },
  ongoing: { ja: '継続中', en: 'Ongoing' },
  unresolved: { ja: '解決していない', en: 'Not resolved' },
  raised_as_issue: { ja: '地域課題として提起した', en: 'Raised as a regional issue' },
} as const satisfies Labels<SupportOutcome>;

/** Each analysis field's codes and labels, for forms, the cross-tabulation and its workbook. */
export const SUPPORT_FIELD_VOCAB = {
  lifeElement: { codes: LIFE_ELEMENTS, labels: LIFE_ELEMENT_LABELS },
  request: { codes: MUNICIPAL_REQUESTS, labels: MUNICIPAL_REQUEST_LABELS },
  assessment: { codes: ASSESSMENTS, labels: ASSESSMENT_LABELS },
  approach: { codes: APPROACHES, labels: APPROACH_LABELS },
  municipalAction: { codes: MUNICIPAL_ACTIONS, labels: MUNICIPAL_ACTION_LABELS },
  outcome: { codes: SUPPORT_OUTCOMES, labels: SUPPORT_OUTCOME_LABELS },
} as const;

/** Where a good example is to be presented. */
export const GOOD_EXAMPLE_USES = ['liaison_meeting', 'training'] as const;
export type GoodExampleUse = (typeof GOOD_EXAMPLE_USES)[number];

export const GOOD_EXAMPLE_USE_LABELS = {
  liaison_meeting: { ja: '連絡会議で紹介', en: 'Present at a liaison meeting' },
  training: { ja: '研修で紹介', en: 'Present at a training' },
} as const satisfies Labels<GoodExampleUse>;

/** The row and column fields of the support log's cross-tabulation: the analysis fields and where. */
export const CROSS_TAB_FIELDS = [...SUPPORT_FIELDS, 'municipality', 'region'] as const;
export type CrossTabField = (typeof CROSS_TAB_FIELDS)[number];

export const CROSS_TAB_FIELD_LABELS = {
  ...SUPPORT_FIELD_LABELS,
  municipality: { ja: '市町村', en: 'Municipality' },
  region: { ja: '圏域', en: 'Region' },
} as const satisfies Labels<CrossTabField>;

/** Where a municipality stands in its four-division meeting cycle. */
export const CADENCE_STATES = ['on_track', 'due', 'overdue', 'off_cycle'] as const;
export type CadenceState = (typeof CADENCE_STATES)[number];

export const CADENCE_STATE_LABELS = {
  on_track: { ja: '予定どおり', en: 'On track' },
  due: { ja: '開催時期', en: 'Due' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  off_cycle: { ja: '定期開催なし', en: 'Not on a cycle' },
} as const satisfies Labels<CadenceState>;

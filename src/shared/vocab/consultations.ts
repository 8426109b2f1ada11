import type { Labels } from './label';

/**
 * The consultation vocabularies (相談支援, decision 0010). Codes are stable English identifiers. Topics are the
 * "life elements" a consultation can be about.
 */

/** Who asked. */
export const ASKER_KINDS = [
  'family',
  'hospital',
  'provider',
  'school',
  'nursery',
  'municipality',
  'other',
] as const;
export type AskerKind = (typeof ASKER_KINDS)[number];

export const ASKER_KIND_LABELS = {
  family: { ja: '家族', en: 'Family' },
  hospital: { ja: '病院', en: 'Hospital' },
  provider: { ja: '事業所', en: 'Service provider' },
  school: { ja: '学校', en: 'School' },
  nursery: { ja: '保育所・幼稚園', en: 'Nursery or kindergarten' },
  municipality: { ja: '市町村の担当課', en: 'Municipal division' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<AskerKind>;

/**
 * The municipal division that asked, when the asker is a municipality: the four divisions of the 4課協議
 * (母子保健・障害福祉・保育・教育) and any other (子育て支援, 防災, …). Required for a municipal asker, absent
 * otherwise (consultations/asker.ts).
 */
export const MUNICIPAL_DIVISIONS = [
  'maternal_child_health',
  'disability_welfare',
  'childcare',
  'education',
  'other',
] as const;
export type MunicipalDivision = (typeof MUNICIPAL_DIVISIONS)[number];

export const MUNICIPAL_DIVISION_LABELS = {
  maternal_child_health: { ja: '母子保健', en: 'Maternal and child health' },
  disability_welfare: { ja: '障害福祉', en: 'Disability welfare' },
  childcare: { ja: '保育', en: 'Childcare' },
  education: { ja: '教育', en: 'Education' },
  other: { ja: 'その他の課', en: 'Another division' },
} as const satisfies Labels<MunicipalDivision>;

/** How the consultation came in. */
export const CHANNELS = ['phone', 'visit', 'email', 'online_form', 'meeting'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS = {
  phone: { ja: '電話', en: 'Phone' },
  visit: { ja: '来所・訪問', en: 'Visit' },
  email: { ja: 'メール', en: 'E-mail' },
  online_form: { ja: 'ウェブフォーム', en: 'Online form' },
  meeting: { ja: '会議', en: 'Meeting' },
} as const satisfies Labels<Channel>;

/** Life elements (topics) a consultation is about; several may apply. */
export const TOPICS = [
  'medical_care',
  'welfare_services',
  'education',
  'childcare',
  'short_stay',
  'disaster',
  'transport',
  'money',
  'work_after_school',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS = {
  medical_care: { ja: '医療的ケア', en: 'Medical care' },
  welfare_services: { ja: '福祉サービス', en: 'Welfare services' },
  education: { ja: '教育', en: 'Education' },
  childcare: { ja: '保育', en: 'Childcare' },
  short_stay: { ja: 'ショートステイ', en: 'Short stay' },
  disaster: { ja: '災害への備え', en: 'Disaster preparedness' },
  transport: { ja: '移動・送迎', en: 'Transport' },
  money: { ja: 'お金・手当', en: 'Money and allowances' },
  work_after_school: { ja: '就労・放課後', en: 'Work and after school' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<Topic>;

export const URGENCIES = ['urgent', 'soon', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS = {
  urgent: { ja: '至急', en: 'Urgent' },
  soon: { ja: '早めに', en: 'Soon' },
  normal: { ja: '通常', en: 'Normal' },
} as const satisfies Labels<Urgency>;

/** The three tiers (KU-1, ME-1): municipality, region or branch, centre HQ — lowest first. */
export const TIERS = ['municipality', 'region', 'centre'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS = {
  municipality: { ja: '市町村', en: 'Municipality' },
  region: { ja: '圏域', en: 'Region' },
  centre: { ja: 'センター', en: 'Centre' },
} as const satisfies Labels<Tier>;

/** The tier a case was resolved at, in the figures: a tier, or `open` for cases not closed yet. */
export const RESOLVED_TIER_LABELS = {
  ...TIER_LABELS,
  open: { ja: '未終結', en: 'Not closed' },
} as const satisfies Labels<Tier | 'open'>;

/** Rank of a tier: 0 municipality, 1 region/branch, 2 centre HQ. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** Kinds of work staff record on a case's timeline by hand. */
export const RECORDED_ACTION_KINDS = [
  'call',
  'visit',
  'meeting',
  'referral',
  'document',
  'training',
  'note',
] as const;
/** Kinds of entries on a case's timeline: those recorded by hand, and a reply mailed to the family (reply.ts). */
export const ACTION_KINDS = [...RECORDED_ACTION_KINDS, 'mail_reply'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_KIND_LABELS = {
  call: { ja: '電話', en: 'Call' },
  visit: { ja: '訪問', en: 'Visit' },
  meeting: { ja: '会議', en: 'Meeting' },
  referral: { ja: '社会資源への紹介', en: 'Referral to a resource' },
  document: { ja: '書類の送付', en: 'Document sent' },
  training: { ja: '研修', en: 'Training' },
  note: { ja: 'メモ', en: 'Note' },
  mail_reply: { ja: 'メールで返信', en: 'Reply by mail' },
} as const satisfies Labels<ActionKind>;

/** How a case ended. */
export const OUTCOMES = [
  'resolved',
  'referred',
  'handed_to_other_agency',
  'no_longer_needed',
  'unreachable',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS = {
  resolved: { ja: '解決した', en: 'Resolved' },
  referred: { ja: '紹介先につないだ', en: 'Referred to a resource' },
  handed_to_other_agency: { ja: '他機関に引き継いだ', en: 'Handed to another agency' },
  no_longer_needed: { ja: '必要がなくなった', en: 'No longer needed' },
  unreachable: { ja: '連絡がつかない', en: 'Could not be reached' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<Outcome>;

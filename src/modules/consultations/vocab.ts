/**
 * The consultation module's fixed vocabularies (issue: 相談支援). Codes are stable English identifiers; labels
 * live in the web dictionaries. Topics are the "life elements" a consultation can be about.
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

/**
 * The municipal division that asked, when the asker is a municipality: the four divisions of the 4課協議
 * (母子保健・障害福祉・保育・教育) and any other (子育て支援, 防災, …). Required for a municipal asker, absent
 * otherwise (`asker.ts`).
 */
export const MUNICIPAL_DIVISIONS = [
  'maternal_child_health',
  'disability_welfare',
  'childcare',
  'education',
  'other',
] as const;
export type MunicipalDivision = (typeof MUNICIPAL_DIVISIONS)[number];

/** How the consultation came in. */
export const CHANNELS = ['phone', 'visit', 'email', 'online_form', 'meeting'] as const;
export type Channel = (typeof CHANNELS)[number];

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

export const URGENCIES = ['urgent', 'soon', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The three tiers (KU-1, ME-1): municipality, region or branch, centre HQ — lowest first. */
export const TIERS = ['municipality', 'region', 'centre'] as const;
export type Tier = (typeof TIERS)[number];

/** Rank of a tier: 0 municipality, 1 region/branch, 2 centre HQ. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** Kinds of work recorded on a case's timeline. */
export const ACTION_KINDS = ['call', 'visit', 'meeting', 'referral', 'document', 'training', 'note'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

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

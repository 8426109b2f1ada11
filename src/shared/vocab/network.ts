import type { Labels } from './label';

/** Kinds of organisation in the support network. */
export const ORGANISATION_KINDS = [
  'municipal_division',
  'hospital',
  'provider',
  'school',
  'nursery',
  'core_consultation_centre',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS = {
  municipal_division: { ja: '市町村の担当課', en: 'Municipal division' },
  hospital: { ja: '病院・診療所', en: 'Hospital or clinic' },
  provider: { ja: '障害福祉サービス事業所', en: 'Welfare service provider' },
  school: { ja: '学校', en: 'School' },
  nursery: { ja: '保育所・幼稚園・認定こども園', en: 'Nursery, kindergarten or certified centre' },
  core_consultation_centre: { ja: '基幹相談支援センター', en: 'Core consultation centre' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<OrganisationKind>;

/**
 * The four municipal divisions of the 4課協議 (母子保健・障害福祉・保育・教育): a municipal division's field, and
 * the division a municipal user may be limited to.
 */
export const DIVISIONS = ['maternal_child_health', 'disability_welfare', 'childcare', 'education'] as const;
export type Division = (typeof DIVISIONS)[number];

export const DIVISION_LABELS = {
  maternal_child_health: { ja: '母子保健', en: 'Maternal and child health' },
  disability_welfare: { ja: '障害福祉', en: 'Disability welfare' },
  childcare: { ja: '保育', en: 'Childcare' },
  education: { ja: '教育', en: 'Education' },
} as const satisfies Labels<Division>;

/** The coordinator tier of a person (医療的ケア児等コーディネーター). */
export const COORDINATOR_TIERS = ['municipal', 'regional', 'chief'] as const;
export type CoordinatorTier = (typeof COORDINATOR_TIERS)[number];

export const COORDINATOR_TIER_LABELS = {
  municipal: { ja: '市町村コーディネーター', en: 'Municipal coordinator' },
  regional: { ja: '圏域コーディネーター', en: 'Regional coordinator' },
  chief: { ja: '主任コーディネーター', en: 'Chief coordinator' },
} as const satisfies Labels<CoordinatorTier>;

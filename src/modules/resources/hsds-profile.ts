import { CARE_ITEMS } from '../../shared/care-score';
import { DISASTER_SUPPORT_LABELS, DISASTER_SUPPORTS } from '../../shared/vocab/disaster-events';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../shared/vocab/resources';
import { taxonomyId, termId } from './hsds-ids';

/**
 * Tsunagu's HSDS 3.0 profile (docs/resources.md "HSDS profile", decision 0013): what HSDS has no field for is
 * said with HSDS's own mechanism — an `attribute` linking a record to a `taxonomy_term` of one of the taxonomies
 * below, with a `value`. Pure data: the export publishes it, the import reads by it.
 */

export const HSDS_VERSION = '3.0';

/** Names the profile; its documentation is docs/resources.md, section "HSDS profile". */
export const HSDS_PROFILE = 'urn:tsunagu:hsds-profile:jp-medical-care:1';

/** HSDS `service.status` ↔ ours (HSDS spells one with a space). */
export const STATUS_TO_HSDS = {
  active: 'active',
  inactive: 'inactive',
  temporarily_closed: 'temporarily closed',
  defunct: 'defunct',
} as const;
export const HSDS_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type HsdsStatus = (typeof HSDS_STATUSES)[number];
export const STATUS_FROM_HSDS = Object.fromEntries(
  Object.entries(STATUS_TO_HSDS).map(([ours, hsds]) => [hsds, ours]),
) as Record<HsdsStatus, keyof typeof STATUS_TO_HSDS>;

/** `attribute.link_type` codes of the profile: what the attribute says about the record it links to. */
export const LINK_TYPES = {
  serviceType: 'service_type',
  careAcceptance: 'care_acceptance',
  careConditions: 'care_conditions',
  detail: 'service_detail',
  municipality: 'area_municipality',
  disasterSupport: 'disaster_support',
} as const;

/** Details of a service HSDS 3.0 has no field for; the value is text (numbers in decimal, booleans true/false). */
export const DETAIL_TERMS = {
  office_number: { ja: '事業所番号', en: 'Welfare office number (事業所番号)' },
  transport: { ja: '送迎', en: 'Transport (pick-up and drop-off): true or false' },
  transport_note: { ja: '送迎についての補足', en: 'Note on transport' },
  bathing: { ja: '入浴', en: 'Bathing: true or false' },
  bathing_note: { ja: '入浴についての補足', en: 'Note on bathing' },
  capacity: { ja: '定員', en: 'Capacity: persons a day, or beds for a short stay or residence' },
  vacancy: { ja: '空き', en: 'Vacancy: how many more it can take now' },
  capacity_updated_at: { ja: '定員・空きの更新日時', en: 'When capacity or vacancy last changed (ISO 8601)' },
  confirmed_at: {
    ja: '最終確認日時',
    en: 'When the listing was last confirmed (ISO 8601; assured_date gives the day)',
  },
  disaster_note: {
    ja: '災害時の受け入れについての補足',
    en: 'Note on what the listing offers in a disaster',
  },
  municipality_code: {
    ja: '全国地方公共団体コード',
    en: 'Japanese local government code (6 digits with check digit) of a service area',
  },
} as const;
export type DetailTerm = keyof typeof DETAIL_TERMS;

/** Our taxonomies: key → name and description. */
export const TAXONOMIES = {
  'care-item': {
    name: '医療的ケア / Medical care items',
    description:
      'Medical care items of the 医療的ケア判定スコア (MHLW, R3); attribute values accepted, ' +
      'accepted_with_conditions or not_accepted (care_acceptance), or the conditions text (care_conditions).',
  },
  'service-type': {
    name: 'サービス種別 / Service types',
    description: 'The kind of service under Japanese welfare, health and education law (service_type).',
  },
  'service-detail': {
    name: 'つなぐ項目 / Tsunagu details',
    description: 'Details HSDS 3.0 has no field for (service_detail, area_municipality); the value is text.',
  },
  'disaster-support': {
    name: '災害時の受け入れ / Disaster support',
    description:
      'What a listing offers in a disaster (docs/disaster.md §6): one attribute per offer (disaster_support), ' +
      'value true (offered) or false (not offered); an offer without an attribute is not offered.',
  },
} as const;
export type TaxonomyKey = keyof typeof TAXONOMIES;

export type TermDef = { taxonomy: TaxonomyKey; code: string; name: string; description: string };

/** Every term of the profile's taxonomies. */
export const TERMS: readonly TermDef[] = [
  ...CARE_ITEMS.map((c) => ({ taxonomy: 'care-item' as const, code: c.code, name: c.ja, description: c.en })),
  ...SERVICE_TYPES.map((t) => ({
    taxonomy: 'service-type' as const,
    code: t,
    name: SERVICE_TYPE_LABELS[t].ja,
    description: SERVICE_TYPE_LABELS[t].en,
  })),
  ...(Object.entries(DETAIL_TERMS) as [DetailTerm, { ja: string; en: string }][]).map(([code, l]) => ({
    taxonomy: 'service-detail' as const,
    code,
    name: l.ja,
    description: l.en,
  })),
  ...DISASTER_SUPPORTS.map((k) => ({
    taxonomy: 'disaster-support' as const,
    code: k,
    name: DISASTER_SUPPORT_LABELS[k].ja,
    description: DISASTER_SUPPORT_LABELS[k].en,
  })),
];

/** term id → (taxonomy, code): how the import reads an attribute. */
export const TERM_BY_ID: ReadonlyMap<string, TermDef> = new Map(
  TERMS.map((t) => [termId(t.taxonomy, t.code), t]),
);

/** The taxonomy and taxonomy_term tables of the export. */
export function profileTaxonomies() {
  return {
    taxonomies: (Object.entries(TAXONOMIES) as [TaxonomyKey, { name: string; description: string }][]).map(
      ([key, t]) => ({ id: taxonomyId(key), name: t.name, description: t.description, version: '1' }),
    ),
    taxonomy_terms: TERMS.map((t) => ({
      id: termId(t.taxonomy, t.code),
      code: t.code,
      name: t.name,
      description: t.description,
      taxonomy: TAXONOMIES[t.taxonomy].name,
      taxonomy_id: taxonomyId(t.taxonomy),
      language: 'ja',
    })),
  };
}

import type { Labels } from './label';

/**
 * Kinds of census source list (a municipality's public-health nurses' sheet, the board of education's list, …).
 * `registry` is not a source one can add: it names the registry when a linkage run counts it as one more list.
 */
export const SOURCE_TYPES = [
  'disability_welfare',
  'maternal_child_health',
  'nursery',
  'education_board',
  'consultation_support',
  'development_support',
  'welfare_office',
  'hospital',
  'other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_TYPE_LABELS = {
  disability_welfare: { ja: '障害福祉課', en: 'Disability welfare section' },
  maternal_child_health: { ja: '母子保健（保健師）', en: 'Maternal and child health (public health nurses)' },
  nursery: { ja: '保育（保育課・保育所）', en: 'Childcare (nursery section, nurseries)' },
  consultation_support: { ja: '基幹相談支援センター', en: 'Core consultation support centre' },
  education_board: { ja: '教育委員会', en: 'Board of education' },
  welfare_office: { ja: '福祉事務所', en: 'Welfare office' },
  development_support: { ja: '児童発達支援センター', en: 'Child development support centre' },
  hospital: { ja: '医療機関', en: 'Hospital' },
  other: { ja: 'その他', en: 'Other' },
  registry: { ja: '医療的ケア児台帳', en: 'Registry of children with medical care needs' },
} as const satisfies Labels<SourceType | 'registry'>;

/**
 * The fields a list may carry, recognised from its headers (氏名, フリガナ, 生年月日, 性別, 住所, 市町村, 学校名, 学年,
 * 医療的ケア, 訪問教育, 夜間ケア — the last two are ME-3's: a child taught at home by visiting teachers, a child
 * whose care goes on at night).
 */
export const CENSUS_FIELDS = [
  'name',
  'familyName',
  'givenName',
  'kana',
  'familyKana',
  'givenKana',
  'birthDate',
  'sex',
  'address',
  'municipality',
  'school',
  'grade',
  'careItems',
  'homeVisitEducation',
  'nightCare',
] as const;
export type CensusField = (typeof CENSUS_FIELDS)[number];

export const CENSUS_FIELD_LABELS = {
  name: { ja: '氏名', en: 'Name' },
  familyName: { ja: '氏（姓）', en: 'Family name' },
  givenName: { ja: '名（下の名前）', en: 'Given name' },
  kana: { ja: 'フリガナ', en: 'Name in kana' },
  familyKana: { ja: 'フリガナ（姓）', en: 'Family name in kana' },
  givenKana: { ja: 'フリガナ（名）', en: 'Given name in kana' },
  birthDate: { ja: '生年月日', en: 'Date of birth' },
  sex: { ja: '性別', en: 'Sex' },
  address: { ja: '住所', en: 'Address' },
  municipality: { ja: '市町村', en: 'Municipality' },
  school: { ja: '学校名', en: 'School' },
  grade: { ja: '学年', en: 'Grade' },
  careItems: { ja: '医療的ケア', en: 'Medical care' },
  homeVisitEducation: { ja: '訪問教育', en: 'Home-visit education' },
  nightCare: { ja: '夜間ケア', en: 'Night-time care' },
} as const satisfies Labels<CensusField>;

/**
 * How a text list was decoded (read/decode.ts), as officials name encodings; an .xlsx has none. Shown instead
 * of the codes.
 */
export const CENSUS_ENCODINGS = ['utf8', 'utf8-bom', 'cp932'] as const;
export type CensusEncoding = (typeof CENSUS_ENCODINGS)[number];

export const CENSUS_ENCODING_LABELS = {
  utf8: { ja: 'UTF-8', en: 'UTF-8' },
  'utf8-bom': { ja: 'UTF-8（BOM付き）', en: 'UTF-8 with BOM' },
  cp932: { ja: 'Shift_JIS（CP932）', en: 'Shift_JIS (CP932)' },
} as const satisfies Labels<CensusEncoding>;

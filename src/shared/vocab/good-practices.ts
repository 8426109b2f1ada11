import type { Labels } from './label';

/**
 * The good-practice library (好事例・自慢話, docs/knowledge.md §4): anonymised stories of how someone solved a
 * problem, written from a consultation, an engagement or a council meeting. Its tags reuse the vocabularies of
 * consultations (topics), engagements (life elements, what was asked, what the municipality did), the registry
 * (life stages) and the care items; only the story's own states and kinds are coded here.
 */

/** Where a story stands: written, checked for personal data by a second person, published to the prefecture. */
export const GOOD_PRACTICE_STATUSES = ['draft', 'checked', 'published'] as const;
export type GoodPracticeStatus = (typeof GOOD_PRACTICE_STATUSES)[number];

export const GOOD_PRACTICE_STATUS_LABELS = {
  draft: { ja: '下書き', en: 'Draft' },
  checked: { ja: '個人情報確認済み', en: 'Checked for personal data' },
  published: { ja: '公開中（県内職員）', en: 'Published to the prefecture’s staff' },
} as const satisfies Labels<GoodPracticeStatus>;

/** The record a story was written from. */
export const GOOD_PRACTICE_SOURCE_KINDS = ['consultation', 'engagement', 'council_meeting'] as const;
export type GoodPracticeSourceKind = (typeof GOOD_PRACTICE_SOURCE_KINDS)[number];

export const GOOD_PRACTICE_SOURCE_KIND_LABELS = {
  consultation: { ja: '相談', en: 'Consultation' },
  engagement: { ja: '市町村への訪問・協議・支援', en: 'Municipal engagement' },
  council_meeting: { ja: '協議の場の会議', en: 'Council meeting' },
} as const satisfies Labels<GoodPracticeSourceKind>;

/**
 * What the personal-data check (modules/good-practices/personal-data.ts) may find. The `source_*` kinds are the
 * source record's own data (its child's or guardians' names, birth date, address, telephone) and block the
 * check; the others are patterns that the checker looks at and confirms one by one.
 */
export const PERSONAL_DATA_FLAG_KINDS = [
  'source_name',
  'source_birth_date',
  'source_address',
  'source_phone',
  'honorific_name',
  'birth_date',
  'phone',
  'email',
  'address',
  'postal_code',
] as const;
export type PersonalDataFlagKind = (typeof PERSONAL_DATA_FLAG_KINDS)[number];

export const PERSONAL_DATA_FLAG_LABELS = {
  source_name: { ja: '元の記録にある氏名', en: 'A name from the source record' },
  source_birth_date: { ja: '元の記録にある生年月日', en: 'A birth date from the source record' },
  source_address: { ja: '元の記録にある住所', en: 'An address from the source record' },
  source_phone: { ja: '元の記録にある電話番号', en: 'A telephone number from the source record' },
  honorific_name: { ja: '敬称の付いた名前らしき語', en: 'What looks like a name with an honorific' },
  birth_date: { ja: '生年月日らしき日付', en: 'What looks like a birth date' },
  phone: { ja: '電話番号', en: 'Telephone number' },
  email: { ja: 'メールアドレス', en: 'E-mail address' },
  address: { ja: '番地まである住所', en: 'Street address' },
  postal_code: { ja: '郵便番号', en: 'Postal code' },
} as const satisfies Labels<PersonalDataFlagKind>;

/** The statements a checker confirms before a story can be published (all are required). */
export const GOOD_PRACTICE_CONFIRMATIONS = [
  'no_names',
  'no_birth_dates',
  'no_addresses',
  'no_contacts',
] as const;
export type GoodPracticeConfirmation = (typeof GOOD_PRACTICE_CONFIRMATIONS)[number];

export const GOOD_PRACTICE_CONFIRMATION_LABELS = {
  no_names: {
    ja: '子ども・家族・関係者の氏名（イニシャルや愛称を含む）がない',
    en: 'No names of the child, family or others (initials and nicknames included)',
  },
  no_birth_dates: {
    ja: '生年月日や、本人が特定できる日付がない',
    en: 'No birth dates or dates that identify someone',
  },
  no_addresses: {
    ja: '住所（町名・番地）や学校名・病院名から個人が特定できない',
    en: 'No addresses, and no school or hospital names that identify someone',
  },
  no_contacts: {
    ja: '電話番号・メールアドレスなど個人の連絡先がない（つなぎ先は下の担当者欄で）',
    en: 'No personal telephone numbers or e-mail addresses (the contact is named in its own field)',
  },
} as const satisfies Labels<GoodPracticeConfirmation>;

/** How the consent to publication on the public site was given (migration 0048). */
export const GOOD_PRACTICE_CONSENT_METHODS = ['written', 'email', 'oral'] as const;
export type GoodPracticeConsentMethod = (typeof GOOD_PRACTICE_CONSENT_METHODS)[number];

export const GOOD_PRACTICE_CONSENT_METHOD_LABELS = {
  written: { ja: '書面（同意書）', en: 'In writing (consent form)' },
  email: { ja: 'メール', en: 'By e-mail' },
  oral: { ja: '口頭（電話・面談。記録を残す）', en: 'Orally (telephone or meeting, noted)' },
} as const satisfies Labels<GoodPracticeConsentMethod>;

import type { Labels } from './label';

/** What a library item is (NA-6, KA-7; docs/knowledge.md §2). */
export const LIBRARY_KINDS = ['form', 'guide', 'video', 'link'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];
export const LIBRARY_KIND_LABELS = {
  form: { ja: '様式', en: 'Form' },
  guide: { ja: '手引き・案内', en: 'Guide' },
  video: { ja: '解説動画', en: 'Explainer video' },
  link: { ja: 'リンク', en: 'Link' },
} as const satisfies Labels<LibraryKind>;

/** The situations a family, municipality, provider or school meets, by which items are found. */
export const LIBRARY_SITUATIONS = [
  'school_entry',
  'billing_addon',
  'short_stay',
  'disaster_notebook',
  'evacuation_plan',
  'transition',
] as const;
export type LibrarySituation = (typeof LIBRARY_SITUATIONS)[number];
export const LIBRARY_SITUATION_LABELS = {
  school_entry: { ja: '就学', en: 'School entry' },
  billing_addon: { ja: '報酬の加算', en: 'Billing add-ons' },
  short_stay: { ja: '短期入所の申請', en: 'Short-stay application' },
  disaster_notebook: { ja: '災害時の手帳', en: 'Disaster notebook' },
  evacuation_plan: { ja: '個別避難計画の様式', en: 'Evacuation-plan format' },
  transition: { ja: '移行期（成人期への移行）', en: 'Transition to adult care' },
} as const satisfies Labels<LibrarySituation>;

/** Who an item is written for. */
export const LIBRARY_AUDIENCES = ['family', 'municipality', 'provider', 'school'] as const;
export type LibraryAudience = (typeof LIBRARY_AUDIENCES)[number];
export const LIBRARY_AUDIENCE_LABELS = {
  family: { ja: 'ご家族', en: 'Families' },
  municipality: { ja: '市町村', en: 'Municipalities' },
  provider: { ja: '事業所', en: 'Providers' },
  school: { ja: '学校', en: 'Schools' },
} as const satisfies Labels<LibraryAudience>;

/** Public items are on /public/library for anyone; staff-only items only for signed-in staff. */
export const LIBRARY_VISIBILITIES = ['public', 'staff'] as const;
export type LibraryVisibility = (typeof LIBRARY_VISIBILITIES)[number];
export const LIBRARY_VISIBILITY_LABELS = {
  public: { ja: '公開', en: 'Public' },
  staff: { ja: '職員のみ', en: 'Staff only' },
} as const satisfies Labels<LibraryVisibility>;

/** Whom an item was handed to from a consultation. */
export const LIBRARY_RECIPIENTS = ['family', 'other'] as const;
export type LibraryRecipient = (typeof LIBRARY_RECIPIENTS)[number];
export const LIBRARY_RECIPIENT_LABELS = {
  family: { ja: 'ご家族', en: 'The family' },
  other: { ja: '関係機関', en: 'Another agency' },
} as const satisfies Labels<LibraryRecipient>;

/** An item not reviewed for this many months is flagged, as directory listings are (resources' stale rule). */
export const LIBRARY_STALE_AFTER_MONTHS = 12;

/**
 * The languages of a video item's caption tracks (the public site's languages): Japanese is the player's default
 * track. Each has its BCP 47 tag for the track's `srclang` — やさしい日本語 is Japanese with a private-use subtag.
 */
export const LIBRARY_CAPTION_LANGUAGES = ['ja', 'en', 'easy'] as const;
export type LibraryCaptionLanguage = (typeof LIBRARY_CAPTION_LANGUAGES)[number];
export const LIBRARY_CAPTION_LANGUAGE_LABELS = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
  easy: { ja: 'やさしい日本語', en: 'Easy Japanese (やさしい日本語)' },
} as const satisfies Labels<LibraryCaptionLanguage>;
export const LIBRARY_CAPTION_SRCLANG = {
  ja: 'ja',
  en: 'en',
  easy: 'ja-x-easy',
} as const satisfies Record<LibraryCaptionLanguage, string>;

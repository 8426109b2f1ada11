import type { Labels } from './label';

/**
 * The centre's public site (docs/knowledge.md §3): the kinds of page the centre writes, their states and the
 * languages a page may be written in. Plain data shared by the schema, the server, the web and the tests.
 */

/** Fixed kinds (one page each, at a fixed address) and the two kinds the centre may add freely. */
export const PUBLIC_PAGE_KINDS = ['about', 'tiers', 'faq', 'news', 'privacy', 'free', 'emergency'] as const;
export type PublicPageKind = (typeof PUBLIC_PAGE_KINDS)[number];

/** The kinds a prefecture has once, each at the address of its code (/public/pages/about …). */
export const FIXED_PUBLIC_PAGE_KINDS = [
  'about',
  'tiers',
  'faq',
  'news',
  'privacy',
] as const satisfies readonly PublicPageKind[];
export type FixedPublicPageKind = (typeof FIXED_PUBLIC_PAGE_KINDS)[number];

export function isFixedPublicPageKind(kind: string): kind is FixedPublicPageKind {
  return (FIXED_PUBLIC_PAGE_KINDS as readonly string[]).includes(kind);
}

export const PUBLIC_PAGE_KIND_LABELS = {
  about: { ja: 'センターの役割と相談できること', en: 'What the centre does and what to ask it' },
  tiers: { ja: '三層の支援体制と役割分担', en: 'The three tiers and who does what' },
  faq: { ja: 'よくある質問', en: 'Frequently asked questions' },
  news: { ja: 'お知らせ・研修やイベント', en: 'News and events' },
  privacy: { ja: '個人情報の取扱い', en: 'Privacy notice' },
  free: { ja: 'その他のページ', en: 'Other page' },
  emergency: { ja: '緊急のお知らせ', en: 'Emergency notice' },
} as const satisfies Labels<PublicPageKind>;

export const PUBLIC_PAGE_STATUSES = ['draft', 'published'] as const;
export type PublicPageStatus = (typeof PUBLIC_PAGE_STATUSES)[number];

export const PUBLIC_PAGE_STATUS_LABELS = {
  draft: { ja: '下書き', en: 'Draft' },
  published: { ja: '公開中', en: 'Published' },
} as const satisfies Labels<PublicPageStatus>;

/** The languages a page's content may be written in; Japanese is always written and is the fallback. */
export const CONTENT_LANGS = ['ja', 'en', 'easy'] as const;
export type ContentLang = (typeof CONTENT_LANGS)[number];

export const CONTENT_LANG_LABELS = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
  easy: { ja: 'やさしい日本語', en: 'Easy Japanese (やさしい日本語)' },
} as const satisfies Labels<ContentLang>;

/** A free page's address: lower-case letters, digits and hyphens, not one of the fixed kinds' addresses. */
export const PUBLIC_PAGE_SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

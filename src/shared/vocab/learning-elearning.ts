import type { Labels } from './label';

/**
 * The e-learning vocabularies (NA-7, decision 0021): what a stored media object is, the languages of captions,
 * the kinds of quiz question and the states of a quiz attempt.
 */

/** What a stored file is to a lesson: its video, a captions track, or a document handed out with it. */
export const MEDIA_KINDS = ['video', 'captions', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_KIND_LABELS = {
  video: { ja: '動画', en: 'Video' },
  captions: { ja: '字幕（WebVTT）', en: 'Captions (WebVTT)' },
  document: { ja: '資料（PDF）', en: 'Document (PDF)' },
} as const satisfies Labels<MediaKind>;

/** Where an upload stands: parts arriving, or stored and checked. */
export const MEDIA_STATUSES = ['uploading', 'ready'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

export const MEDIA_STATUS_LABELS = {
  uploading: { ja: 'アップロード中', en: 'Uploading' },
  ready: { ja: '利用可能', en: 'Ready' },
} as const satisfies Labels<MediaStatus>;

/** Languages a captions track may be in (its srclang). */
export const CAPTION_LANGUAGES = ['ja', 'en'] as const;
export type CaptionLanguage = (typeof CAPTION_LANGUAGES)[number];

export const CAPTION_LANGUAGE_LABELS = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
} as const satisfies Labels<CaptionLanguage>;

/** One correct choice, or every correct choice and no other. */
export const QUESTION_KINDS = ['single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS = {
  single: { ja: '単一選択', en: 'Single choice' },
  multiple: { ja: '複数選択（すべて選ぶ）', en: 'Multiple choice (select all)' },
} as const satisfies Labels<QuestionKind>;

export const ATTEMPT_STATUSES = ['in_progress', 'passed', 'failed'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const ATTEMPT_STATUS_LABELS = {
  in_progress: { ja: '解答中', en: 'In progress' },
  passed: { ja: '合格', en: 'Passed' },
  failed: { ja: '不合格', en: 'Not passed' },
} as const satisfies Labels<AttemptStatus>;

import type { Labels } from './label';

/**
 * The vocabularies of surveys (アンケート, ME-4, MI-2, NA-4, MI-5; docs/knowledge.md §5, decision 0027): whom a
 * survey asks, where it stands, the kinds of question it may hold.
 */

/** Whom a survey asks. */
export const SURVEY_AUDIENCES = [
  'parents',
  'municipalities',
  'providers',
  'training_pre',
  'training_evaluation',
] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export const SURVEY_AUDIENCE_LABELS = {
  parents: { ja: '保護者', en: 'Parents' },
  municipalities: { ja: '市町村', en: 'Municipalities' },
  providers: { ja: '事業所', en: 'Providers' },
  training_pre: { ja: '研修の事前アンケート', en: 'Training pre-survey' },
  training_evaluation: { ja: '研修の評価アンケート', en: 'Training evaluation' },
} as const satisfies Labels<SurveyAudience>;

/** Drafted (questions still change), open for answers, closed (by hand or at its closing time). */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_STATUS_LABELS = {
  draft: { ja: '作成中', en: 'Draft' },
  open: { ja: '回答受付中', en: 'Open' },
  closed: { ja: '締切済み', en: 'Closed' },
} as const satisfies Labels<SurveyStatus>;

/** The kinds of question a survey may ask. */
export const SURVEY_QUESTION_TYPES = [
  'single',
  'multiple',
  'text',
  'long_text',
  'number',
  'date',
  'matrix',
] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

export const SURVEY_QUESTION_TYPE_LABELS = {
  single: { ja: '単一選択', en: 'Single choice' },
  multiple: { ja: '複数選択', en: 'Multiple choice' },
  text: { ja: '記述（1行）', en: 'Short text' },
  long_text: { ja: '記述（複数行）', en: 'Long text' },
  number: { ja: '数値', en: 'Number' },
  date: { ja: '日付（西暦・和暦）', en: 'Date (Western or Japanese era)' },
  matrix: { ja: 'マトリクス（行ごとに選択）', en: 'Matrix (one choice per row)' },
} as const satisfies Labels<SurveyQuestionType>;

/** How an answer reached the survey. */
export const SURVEY_CHANNELS = ['open_link', 'personal_link'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const SURVEY_CHANNEL_LABELS = {
  open_link: { ja: '公開リンク', en: 'Open link' },
  personal_link: { ja: '個別リンク', en: 'Personal link' },
} as const satisfies Labels<SurveyChannel>;

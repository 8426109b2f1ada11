import type { Labels } from './label';

/**
 * What a stored file is for (`files.kind`, decision 0025). Each kind has its own size limit and accepted types
 * (`modules/files/limits.ts`). A module that keeps files adds its kind here.
 */
export const FILE_KINDS = [
  'library',
  'meeting_material',
  'lesson_video',
  'lesson_captions',
  'lesson_document',
  'plan_format',
  'public_site',
  'good_practice',
  'survey',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_KIND_LABELS = {
  library: { ja: '資料ライブラリ', en: 'Library' },
  meeting_material: { ja: '会議の議事録・資料', en: 'Meeting minutes and materials' },
  lesson_video: { ja: '講義動画', en: 'Lesson video' },
  lesson_captions: { ja: '講義の字幕', en: 'Lesson captions' },
  lesson_document: { ja: '講義の配布資料', en: 'Lesson handout' },
  plan_format: { ja: '災害時の計画様式', en: 'Disaster plan format' },
  public_site: { ja: '公開サイトの添付', en: 'Public site attachment' },
  good_practice: { ja: '好事例の添付', en: 'Good-practice attachment' },
  survey: { ja: 'アンケートの添付', en: 'Survey attachment' },
} as const satisfies Labels<FileKind>;

export const FILE_STATUSES = ['uploading', 'ready'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** The types the store recognises by content (magic bytes), each with the file-name extensions it may carry. */
export const FILE_TYPES = [
  'pdf',
  'png',
  'jpeg',
  'mp4',
  'webm',
  'docx',
  'xlsx',
  'text',
  'csv',
  'vtt',
] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const FILE_TYPE_LABELS = {
  pdf: { ja: 'PDF', en: 'PDF' },
  png: { ja: 'PNG 画像', en: 'PNG image' },
  jpeg: { ja: 'JPEG 画像', en: 'JPEG image' },
  mp4: { ja: 'MP4 動画', en: 'MP4 video' },
  webm: { ja: 'WebM 動画', en: 'WebM video' },
  docx: { ja: 'Word 文書（.docx）', en: 'Word document (.docx)' },
  xlsx: { ja: 'Excel ブック（.xlsx）', en: 'Excel workbook (.xlsx)' },
  text: { ja: 'テキスト', en: 'Plain text' },
  csv: { ja: 'CSV', en: 'CSV' },
  vtt: { ja: 'WebVTT 字幕', en: 'WebVTT captions' },
} as const satisfies Labels<FileType>;

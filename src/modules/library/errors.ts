/** The library's error codes (merged into the one table in server/errors.ts). */
export const LIBRARY_ERRORS = {
  library_link_required: {
    status: 400,
    ja: 'リンクの資料にはアドレス（https://…）を入力してください。',
    en: 'A link item needs its address (https://…).',
  },
  library_wrong_content: {
    status: 400,
    ja: 'この資料の種類には使えません（リンクはアドレス、それ以外はファイルで登録します）。',
    en: 'This does not fit the kind of item (a link takes an address; the other kinds take a file).',
  },
  library_no_version: {
    status: 409,
    ja: 'この資料にはまだ版がありません。ファイルかリンクを登録してから渡してください。',
    en: 'This item has no version yet. Add its file or link before handing it out.',
  },
  library_item_archived: {
    status: 409,
    ja: 'この資料はアーカイブされています。変更や手渡しをするには、先に元に戻してください。',
    en: 'This item is archived. Restore it before changing or handing it out.',
  },
  library_captions_not_video: {
    status: 409,
    ja: '字幕は、現在の版が動画ファイル（MP4・WebM）の資料にだけ付けられます。',
    en: 'Captions can only be added to an item whose current version is a video file (MP4, WebM).',
  },
  library_captions_language: {
    status: 400,
    ja: '字幕の言語は、日本語・英語・やさしい日本語から選んでください。',
    en: 'Choose the captions language: Japanese, English or Easy Japanese.',
  },
  library_captions_not_webvtt: {
    status: 422,
    ja: '字幕は WebVTT 形式のファイル（拡張子 .vtt、1行目が「WEBVTT」）を選んでください。何も変更していません。',
    en: 'Captions must be a WebVTT file (named .vtt, its first line "WEBVTT"). Nothing was changed.',
  },
  library_captions_not_utf8: {
    status: 422,
    ja: '字幕ファイルの文字コードが UTF-8 ではありません。UTF-8 で保存し直してから選んでください。何も変更していません。',
    en: 'The captions file is not in UTF-8. Save it as UTF-8 and choose it again. Nothing was changed.',
  },
  library_captions_too_large: {
    status: 413,
    ja: '字幕ファイルが大きすぎます（1 MB まで）。何も変更していません。',
    en: 'The captions file is too large (1 MB at most). Nothing was changed.',
  },
} as const;

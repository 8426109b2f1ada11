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
} as const;

/** The file store's error codes (merged into the one table in server/errors.ts). */
export const FILE_ERRORS = {
  file_type_not_accepted: {
    status: 422,
    ja: 'この種類のファイルはここでは保存できません。受け付ける形式のファイルを選んでください。',
    en: 'This type of file cannot be kept here. Choose a file of an accepted type.',
  },
  file_not_what_name_says: {
    status: 422,
    ja: 'ファイルの中身が名前（拡張子）と一致しません。正しいファイルを選ぶか、名前を直してください。',
    en: 'The file is not what its name says. Choose the right file or correct its name.',
  },
  file_too_large: {
    status: 413,
    ja: 'ファイルが大きすぎます。上限以下のファイルを選んでください。',
    en: 'The file is too large. Choose a file within the limit.',
  },
  file_empty: { status: 422, ja: 'ファイルが空です。', en: 'The file is empty.' },
  file_not_ready: {
    status: 409,
    ja: 'このファイルはまだ保存中です。',
    en: 'This file is still being stored.',
  },
} as const;

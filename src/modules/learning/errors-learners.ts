/** The error codes of learner accounts: sign-ups, bulk invitations (merged into the one table in server/errors.ts). */
export const LEARNER_ERRORS = {
  learner_sign_up_decided: {
    status: 409,
    ja: 'この登録申請はすでに処理されています（承認済みまたは見送り）。',
    en: 'This sign-up has already been decided (approved or declined).',
  },
  learner_list_unreadable: {
    status: 400,
    ja: 'ファイルを読み取れません。Excel（.xlsx）か CSV（UTF-8 または Shift_JIS）で保存してください。',
    en: 'The file cannot be read. Save it as Excel (.xlsx) or CSV (UTF-8 or Shift_JIS).',
  },
  learner_list_columns: {
    status: 400,
    ja: '一覧に必要な列がありません。1行目に「氏名」「メールアドレス」「職種」「勤務先」「市区町村」の見出しを入れてください。',
    en: 'The list lacks required columns. Put the headers name, email, profession, workplace and municipality in the first row.',
  },
  learner_list_too_long: {
    status: 400,
    ja: '一度に招待できるのは2,000人までです。一覧を分けてください。',
    en: 'At most 2,000 learners can be invited at once. Split the list.',
  },
} as const;

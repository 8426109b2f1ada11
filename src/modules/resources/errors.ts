/** The resources module's error codes (merged into the one table in server/errors.ts). */
export const RESOURCE_ERRORS = {
  resource_address_unresolved: {
    status: 400,
    ja: '住所から市区町村を特定できません。市区町村コードを指定するか、市区町村名から始まる住所を入力してください。',
    en: 'The municipality cannot be found from the address. Give the municipality code or an address starting with the municipality.',
  },
  resource_import_invalid: {
    status: 400,
    ja: '取り込めない行があります。プレビューで誤りを確認してください（何も取り込まれていません）。',
    en: 'Some rows cannot be imported. Check the errors in the preview (nothing was imported).',
  },
  resource_file_unreadable: {
    status: 400,
    ja: 'ファイルを読み取れません。CSV（UTF-8 または Shift_JIS）を指定してください。',
    en: 'The file cannot be read. Send a CSV file (UTF-8 or Shift_JIS).',
  },
  resource_hsds_unreadable: {
    status: 400,
    ja: 'ファイルを読み取れません。HSDS 3.0 の JSON（UTF-8、または gzip で圧縮したもの）を指定してください。',
    en: 'The file cannot be read. Send an HSDS 3.0 JSON file (UTF-8, or gzipped).',
  },
  resource_round_exists: {
    status: 409,
    ja: 'この年度の確認依頼はすでに作成されています。',
    en: 'A re-confirmation round for this fiscal year already exists.',
  },
  resource_age_range: {
    status: 400,
    ja: '対象年齢の下限が上限を超えています。',
    en: 'The minimum age is above the maximum age.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

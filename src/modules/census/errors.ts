/** The census module's error codes (merged into the one table in server/errors.ts). */
export const CENSUS_ERRORS = {
  census_file_unreadable: {
    status: 400,
    ja: 'ファイルを読み取れません。形式（.xlsx または .csv）と内容を確認してください。',
    en: 'The file cannot be read. Check that it is an .xlsx or .csv file and its contents.',
  },
  census_file_too_large: {
    status: 413,
    ja: 'ファイルが大きすぎます（上限 20 MB）。',
    en: 'The file is too large (limit 20 MB).',
  },
  census_no_name_column: {
    status: 400,
    ja: '氏名またはフリガナの列が見つかりません。列の対応付けを指定してください。',
    en: 'No name or kana column was found. Map the columns by hand.',
  },
  census_file_has_errors: {
    status: 400,
    ja: '取り込めない行があります（氏名もフリガナもない行、読めない生年月日など）。内容を直すか列の対応付けを見直すか、「問題のない行だけ取り込む」を選んでください。',
    en: 'Some rows cannot be imported (no name or kana, an unreadable birth date, …). Fix the file or the column mapping, or choose "import the good rows only".',
  },
  census_no_good_rows: {
    status: 400,
    ja: '取り込める行がありません（すべての行に問題があります）。',
    en: 'No row can be imported (every row has a problem).',
  },
  census_file_empty: {
    status: 400,
    ja: 'データ行がありません。',
    en: 'The file has no data rows.',
  },
  census_run_not_linked: {
    status: 409,
    ja: '照合がまだ完了していないか、失敗しています。',
    en: 'The linkage run has not finished or has failed.',
  },
  census_review_pending: {
    status: 409,
    ja: '確認待ちの組が残っています。すべて判定してから公開してください。',
    en: 'Pairs are still waiting for review. Decide them all before publishing.',
  },
  census_run_published: {
    status: 409,
    ja: 'この照合結果は公開済みのため変更できません。',
    en: 'This linkage run is published and can no longer change.',
  },
  census_run_not_published: {
    status: 409,
    ja: '台帳への反映は、照合結果を公開した後に行えます。',
    en: 'Children can be pushed to the registry only after the run is published.',
  },
  census_run_creator_no_access: {
    status: 409,
    ja: '照合を開始した利用者に県全体の実態把握の権限がなくなったため、照合できません。改めて照合を開始してください。',
    en: 'The user who started the linkage run no longer has census access for the whole prefecture. Start the run again.',
  },
  census_nothing_to_link: {
    status: 409,
    ja: 'この年度の取り込み済みの名簿がありません。',
    en: 'No list has been imported for this fiscal year.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

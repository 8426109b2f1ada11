/** The surveys module's error codes (merged into the one table in server/errors.ts). */
export const SURVEY_ERRORS = {
  survey_closed: {
    status: 409,
    ja: 'このアンケートの回答受付は終了しました。回答は保存されていません。',
    en: 'This survey is closed. Your answer was not saved.',
  },
  survey_not_open: {
    status: 409,
    ja: 'このアンケートはまだ回答を受け付けていません。',
    en: 'This survey is not open for answers yet.',
  },
  survey_link_used: {
    status: 409,
    ja: 'このリンクからはすでに回答いただいています（個別リンクで回答できるのは1回だけです）。回答は変更されていません。',
    en: 'This link has already been used to answer (a personal link answers once). Nothing was changed.',
  },
  survey_link_invalid: {
    status: 404,
    ja: 'このアンケートのリンクは無効です。お手元の案内の URL または QR コードをご確認ください。',
    en: 'This survey link is not valid. Check the address or QR code on your letter.',
  },
  survey_answers_invalid: {
    status: 400,
    ja: '回答に不足または誤りがあります。印のある質問を確認してください。',
    en: 'Some answers are missing or not valid. Check the marked questions.',
  },
  survey_definition_locked: {
    status: 409,
    ja: '回答が届いているため、質問は変更できません。質問を変えるときは、このアンケートを複製して新しく作成してください。',
    en: 'Answers have arrived, so the questions can no longer change. Copy the survey to change them.',
  },
  survey_status_move: {
    status: 409,
    ja: 'このアンケートの状態からは、その操作はできません。',
    en: 'The survey cannot make that move from where it stands.',
  },
  survey_sheet_unreadable: {
    status: 400,
    ja: 'アンケート定義の Excel ファイルを読めませんでした。「survey」シート（type・name・label 列）と「choices」シートがある .xlsx を指定してください。',
    en: 'The survey workbook could not be read. Give an .xlsx with a "survey" sheet (type, name, label columns) and a "choices" sheet.',
  },
  survey_not_for_providers: {
    status: 409,
    ja: '社会資源の事業所に送れるのは、対象が「事業所」のアンケートだけです。',
    en: 'Only a survey for providers can be sent to the directory’s listings.',
  },
  survey_care_not_proposed: {
    status: 409,
    ja: 'この回答は、その医療的ケアの変更を提案していません（すでに反映済みか、掲載内容が変わった可能性があります）。画面を更新してください。',
    en: 'This answer does not propose that change to the care item (it may be applied already, or the listing changed). Reload the page.',
  },
  survey_census_no_figure: {
    status: 409,
    ja: 'この回答には、医療的ケア児の人数として使える数値（0以上の整数）がありません。何も反映していません。',
    en: 'This answer gives no count of children that can be used (a whole number of zero or more). Nothing was applied.',
  },
  survey_census_source_mismatch: {
    status: 400,
    ja: '選んだ実態把握の提供元は、回答した市町村の提供元ではありません。何も反映していません。画面を更新して、その市町村の提供元を選んでください。',
    en: 'The census source chosen is not one of the answering municipality’s sources. Nothing was applied. Reload the page and choose one of its sources.',
  },
} as const;

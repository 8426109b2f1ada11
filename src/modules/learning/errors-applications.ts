/** The error codes of applications and selection (merged into the one table in server/errors.ts). */
export const APPLICATION_ERRORS = {
  learning_applications_closed: {
    status: 409,
    ja: 'この回は現在申し込みを受け付けていません（募集期間外か、募集中ではありません）。',
    en: 'This session is not taking applications now (outside its application window, or not open).',
  },
  learning_profile_required: {
    status: 400,
    ja: '申し込みには職種が必要です。プロフィールに職種を登録するか、申込フォームで選んでください。',
    en: 'An application needs a profession: add it to your profile or choose it on the form.',
  },
  learning_pre_survey_required: {
    status: 400,
    ja: 'フォローアップ研修の申し込みには事前アンケートへの回答が必要です。',
    en: 'A follow-up training application needs the pre-survey answers.',
  },
  learning_selection_no_capacity: {
    status: 400,
    ja: '選考には定員が必要です。回の定員を入力してから選考してください。',
    en: 'Selection needs a capacity: set the session’s capacity first.',
  },
  learning_selection_state: {
    status: 409,
    ja: 'この回の状態では選考できません（募集中または募集終了の回のみ選考できます）。',
    en: 'Selection runs only for an open or closed session.',
  },
  learning_selection_announced: {
    status: 409,
    ja: '選考結果は通知済みです。個別の変更（職員の判断・辞退による繰り上げ）で対応してください。',
    en: 'The results have been announced: change single seats (override, cancellation) instead.',
  },
  learning_selection_missing: {
    status: 409,
    ja: 'まだ選考していません。先に選考を実行してください。',
    en: 'No selection has been run yet. Run the selection first.',
  },
  learning_application_closed: {
    status: 409,
    ja: 'この申し込みはすでに取り消されています。',
    en: 'This application has already been cancelled.',
  },
} as const;

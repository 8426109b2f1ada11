/** The regional-issues module's error codes (merged into the one table in server/errors.ts). */
export const REGIONAL_ISSUE_ERRORS = {
  issue_closed: {
    status: 409,
    ja: 'この地域課題は終了しています。変更するには先に再開してください。',
    en: 'This regional issue has ended. Reopen it before changing it.',
  },
  issue_not_closed: {
    status: 409,
    ja: 'この地域課題は終了していないため、再開できません。',
    en: 'This regional issue has not ended, so it cannot be reopened.',
  },
  issue_at_top: {
    status: 409,
    ja: 'この地域課題はすでに県へ提言されています。次は県の回答を記録してください。',
    en: 'This issue has already been proposed to the prefecture. Record the answer next.',
  },
  issue_at_bottom: {
    status: 409,
    ja: '圏域の段階の課題や、県が回答した課題は差し戻せません。',
    en: 'An issue in the region, or one the prefecture has answered, cannot be sent back.',
  },
  issue_not_proposed: {
    status: 409,
    ja: '県の回答は、県へ提言した課題にだけ記録できます。',
    en: 'An answer can only be recorded for an issue proposed to the prefecture.',
  },
  issue_not_answered: {
    status: 409,
    ja: '「県の回答で終了」は、県が回答した課題にだけ選べます。',
    en: '“Ended with the prefecture’s answer” is only for an issue the prefecture has answered.',
  },
  issue_development_by_project: {
    status: 409,
    ja: '社会資源の開発へ進める場合は、この課題から開発の取組を作成してください（課題は自動で終了します）。',
    en: 'To end an issue in development, start a development project from it (the issue then ends by itself).',
  },
  project_stopped: {
    status: 409,
    ja: 'この開発の取組は中止されています。変更するには先に再開してください。',
    en: 'This development project is stopped. Resume it before changing it.',
  },
  project_stage_dates: {
    status: 400,
    ja: '段階の日付は、事業者へ助言 → 手続き → 指定 → 開設の順になるよう入力してください。今の段階の日付は必須です。',
    en: 'Stage dates must follow the order advised → paperwork → designated → opened, and the current stage needs its date.',
  },
} as const;

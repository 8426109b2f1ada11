/** The consultation module's error codes (merged into the one table in server/errors.ts). */
export const CONSULTATION_ERRORS = {
  consultation_team_unknown: {
    status: 400,
    ja: '指定されたチームが見つかりません（市町村・圏域・支部・センターを確認してください）。',
    en: 'The team named does not exist (check the municipality, region, branch or centre).',
  },
  consultation_no_team: {
    status: 403,
    ja: 'あなたの役割には相談を担当するチームがありません。',
    en: 'Your role belongs to no consultation team.',
  },
  consultation_team_inactive: {
    status: 400,
    ja: 'このスーパーバイズチームは活動を終えています。別のチームを選んでください。',
    en: 'This supervise team is no longer active. Choose another team.',
  },
  consultation_closed: {
    status: 409,
    ja: 'この相談は終結しています。',
    en: 'This consultation is closed.',
  },
  consultation_handoff_not_pending: {
    status: 409,
    ja: 'この依頼はすでに処理されています（受諾・辞退・取り下げ済み）。',
    en: 'This request has already been decided (accepted, declined or withdrawn).',
  },
  consultation_handoff_already_pending: {
    status: 409,
    ja: 'この相談にはすでに移管の依頼が出ています。先にその結果を待つか、取り下げてください。',
    en: 'A hand-off of this consultation is already pending. Wait for it or withdraw it first.',
  },
  consultation_share_exists: {
    status: 409,
    ja: 'このチームにはすでに後方支援またはスーパーバイズを依頼しています（依頼中または共有中）。',
    en: 'This team has already been asked for back-up or supervision of this consultation (pending or shared).',
  },
  consultation_handoff_same_team: {
    status: 400,
    ja: '自分のチームには依頼できません。',
    en: 'A team cannot send a request to itself.',
  },
  consultation_reason_required: {
    status: 400,
    ja: '辞退する理由を入力してください。',
    en: 'Give the reason for declining.',
  },
  consultation_rule_invalid: {
    status: 400,
    ja: '集中の判定ルールが正しくありません（割合は0より大きく1未満、最少件数は0以上の整数）。',
    en: 'The concentration rule is not valid (shares above 0 and below 1, a whole minimum of 0 or more).',
  },
  consultation_child_unknown: {
    status: 400,
    ja: '指定された児の記録が見つかりません。',
    en: 'The child record named was not found.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

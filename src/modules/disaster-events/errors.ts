/** The disaster events module's error codes (merged into the one table in server/errors.ts). */
export const DISASTER_EVENT_ERRORS = {
  disaster_outage_in_future: {
    status: 400,
    ja: '停電の開始時刻が未来になっています。停電が始まった時刻（現在以前）を指定してください。',
    en: 'The outage start is in the future. Give the time the power went out (now or earlier).',
  },
  disaster_areas_required: {
    status: 400,
    ja: '対象の市町村または圏域を1つ以上選んでください。',
    en: 'Choose at least one municipality or region.',
  },
  disaster_reason_required: {
    status: 400,
    ja: '理由を入力してください（なぜこの対応が必要かを具体的に）。',
    en: 'Give a reason (why this is needed, specifically).',
  },
  disaster_event_period: {
    status: 400,
    ja: '終了日時は開始日時より後で、開始から14日以内にしてください。',
    en: 'The end must be after the start and within 14 days of it.',
  },
  disaster_event_not_active: {
    status: 409,
    ja: 'この災害対応は発令中ではありません（開始前か終了済み）。',
    en: 'This declared event is not in force (not started yet, or over).',
  },
  disaster_not_responder: {
    status: 403,
    ja: 'この災害対応の対応者に指定されていないため、同意のない記録は開けません。',
    en: 'You are not a designated responder of this event, so you cannot open records without consent.',
  },
  disaster_review_not_ended: {
    status: 409,
    ja: '災害対応が終了してから確認（承認）してください。',
    en: 'Sign off the access review once the event has ended.',
  },
  disaster_review_signed: {
    status: 409,
    ja: 'この閲覧記録の確認はすでに承認されています。',
    en: 'This access review has already been signed off.',
  },
  disaster_check_in_future: {
    status: 400,
    ja: '安否確認の日時が未来になっています。',
    en: 'The time of the safety check is in the future.',
  },
  disaster_unknown_responder: {
    status: 400,
    ja: '対応者に指定できない利用者が含まれています（この都道府県の職員で、有効な利用者を選んでください）。',
    en: 'A responder cannot be named: choose active staff users of this prefecture.',
  },
} as const;

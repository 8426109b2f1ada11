/** The councils module's error codes (merged into the one table in server/errors.ts). */
export const COUNCIL_ERRORS = {
  council_not_member: {
    status: 400,
    ja: '出欠を記録できるのは、この会議体の委員（開催日に任期中の人）だけです。先に委員として登録してください。',
    en: 'Attendance can be recorded only for members of this body whose term covers the meeting date. Add them as members first.',
  },
  council_meeting_ends_before_start: {
    status: 400,
    ja: '終了日時が開始日時より前（または同じ）になっています。終了は開始より後にしてください。',
    en: 'The meeting ends before (or when) it starts. Set the end after the start.',
  },
  council_owner_cannot_read: {
    status: 400,
    ja: 'この担当者はこの会議体を閲覧できないため、担当にできません。会議体を閲覧できる人を選んでください。',
    en: 'This person cannot see this body, so they cannot own its action item. Choose someone who can.',
  },
  council_schedule_incomplete: {
    status: 400,
    ja: '定例の日程が不完全です（日にち、または第何・曜日と開始時刻を入力してください）。',
    en: 'The recurring schedule is incomplete (give the day of the month, or the week and weekday, and a start time).',
  },
  council_body_archived: {
    status: 409,
    ja: 'この会議体は廃止（アーカイブ）されています。再開してから操作してください。',
    en: 'This body is archived. Restore it first.',
  },
  council_minutes_not_publishable: {
    status: 409,
    ja: '議事録を公開できるのは、開催済みで公開部分が入力された会議だけです。',
    en: 'Minutes can be published only for a meeting that was held and has a public part.',
  },
} as const;

/** The error codes of attendance, assignments and certificates (merged into the one table in server/errors.ts). */
export const CERTIFICATE_ERRORS = {
  learning_assignment_closed: {
    status: 409,
    ja: 'この回は中止または準備中のため、課題を提出できません。',
    en: 'This session is cancelled or not yet open: the assignment cannot be submitted.',
  },
  learning_assignment_accepted: {
    status: 409,
    ja: '課題はすでに受理されています。修正が必要な場合は担当者に連絡してください。',
    en: 'The assignment has already been accepted. Contact the staff if it needs a change.',
  },
  learning_assignment_missing: {
    status: 409,
    ja: '課題がまだ提出されていないため、受理できません。',
    en: 'The assignment has not been submitted yet, so it cannot be accepted.',
  },
  learning_certificate_revoked: {
    status: 409,
    ja: 'この修了証は取り消されています。',
    en: 'This certificate has been revoked.',
  },
  learning_course_needs_session: {
    status: 409,
    ja: 'この研修は研修の回で修了するため、ここでは修了証を発行できません。',
    en: 'This course is completed in its sessions: its certificate cannot be issued here.',
  },
  learning_course_not_complete: {
    status: 409,
    ja: 'まだ修了していないレッスンがあります。すべての動画を視聴し、確認テストに合格すると修了証を受け取れます。',
    en: 'Some lessons are not complete yet. Watch every video and pass each quiz to get the certificate.',
  },
} as const;

/** The learning module's error codes for courses and sessions (merged into the one table in server/errors.ts). */
export const LEARNING_ERRORS = {
  learning_course_archived: {
    status: 409,
    ja: 'この研修は終了（アーカイブ）しています。新しい回を作る前に再開してください。',
    en: 'This course is archived. Restore it before adding a session.',
  },
  learning_session_transition: {
    status: 409,
    ja: 'この回の状態ではその操作はできません（募集中・募集終了・実施済み・中止を確認してください）。',
    en: 'The session cannot move to that state from its current one.',
  },
  learning_session_incomplete: {
    status: 400,
    ja: '募集を始めるには、日程を1日以上と会場（またはオンラインの案内）を入力してください。',
    en: 'A session needs at least one day and a place (or online details) before it opens.',
  },
} as const;

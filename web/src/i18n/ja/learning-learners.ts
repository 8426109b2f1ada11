/** 日本語の文言：受講者のアカウント（自己登録・一括招待・プロフィール・マイ研修）（../ja.ts を参照）。 */
export const jaLearningLearners = {
  'nav.myLearning': 'マイ研修',
  'nav.myLearningProfile': '受講者プロフィール',
} as const;

import type { Labels } from './label';

/** Where the follow-up of a child's transition stands (the transitions list, KU-3). */
export const FOLLOW_UP_STATUSES = ['not_started', 'in_progress', 'done', 'not_needed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS = {
  not_started: { ja: '未着手', en: 'Not started' },
  in_progress: { ja: '対応中', en: 'In progress' },
  done: { ja: '完了', en: 'Done' },
  not_needed: { ja: '対応不要', en: 'Not needed' },
} as const satisfies Labels<FollowUpStatus>;

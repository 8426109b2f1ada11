import type { Labels } from './label';

/**
 * Attendance, completion and certificates (研修の出欠・修了・修了証, docs/learning.md §4). Codes are stable English
 * identifiers; each has its Japanese and English label.
 */

/** A condition of a course's completion rule that a participant has not met yet. */
export const COMPLETION_GAPS = ['days', 'lessons', 'assignment'] as const;
export type CompletionGap = (typeof COMPLETION_GAPS)[number];

export const COMPLETION_GAP_LABELS = {
  days: { ja: '全日程の出席', en: 'Attendance on every day' },
  lessons: { ja: 'eラーニング全レッスンの修了', en: 'Every e-learning lesson completed' },
  assignment: { ja: '課題の受理', en: 'Assignment accepted' },
} as const satisfies Labels<CompletionGap>;

/** Where a participant's assignment stands. */
export const ASSIGNMENT_STATES = ['not_submitted', 'submitted', 'accepted'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const ASSIGNMENT_STATE_LABELS = {
  not_submitted: { ja: '未提出', en: 'Not submitted' },
  submitted: { ja: '提出済み（確認待ち）', en: 'Submitted (awaiting review)' },
  accepted: { ja: '受理', en: 'Accepted' },
} as const satisfies Labels<AssignmentState>;

/** Why issuing a certificate to a participant was skipped. */
export const ISSUE_SKIP_REASONS = ['not_complete', 'already_issued', 'not_participant'] as const;
export type IssueSkipReason = (typeof ISSUE_SKIP_REASONS)[number];

export const ISSUE_SKIP_REASON_LABELS = {
  not_complete: { ja: '修了要件を満たしていない', en: 'Completion rule not met' },
  already_issued: { ja: '修了証は発行済み', en: 'Certificate already issued' },
  not_participant: { ja: '受講者ではない', en: 'Not a participant' },
} as const satisfies Labels<IssueSkipReason>;

import type { Labels } from './label';

/**
 * Learner accounts (docs/learning.md, learner accounts). A self sign-up waits as `pending` until it is
 * confirmed — by the centre today (`approved`), by the learner's own e-mail link once the deployment sends mail
 * — or turned down (`rejected`). Only a confirmed sign-up becomes an account that can sign in.
 */
export const SIGN_UP_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];

export const SIGN_UP_STATUS_LABELS = {
  pending: { ja: '確認待ち', en: 'Awaiting confirmation' },
  approved: { ja: '承認済み', en: 'Approved' },
  rejected: { ja: '見送り', en: 'Declined' },
} as const satisfies Labels<SignUpStatus>;

/** How a sign-up was confirmed: by the centre, or (when mail is configured) by the learner's e-mail link. */
export const SIGN_UP_CONFIRMATIONS = ['centre', 'email'] as const;
export type SignUpConfirmation = (typeof SIGN_UP_CONFIRMATIONS)[number];

export const SIGN_UP_CONFIRMATION_LABELS = {
  centre: { ja: 'センターが承認', en: 'Approved by the centre' },
  email: { ja: 'メールで確認', en: 'Confirmed by e-mail' },
} as const satisfies Labels<SignUpConfirmation>;

/**
 * What the bulk invitation does with one row of the list: a new learner is created and invited; a learner
 * who has not yet set a password gets a fresh link (the old one dies); a learner who has one, or anyone else
 * with the address, is left alone; a row with an error stops nothing but itself.
 */
export const INVITE_ROW_OUTCOMES = ['create', 'invite_again', 'exists', 'error'] as const;
export type InviteRowOutcome = (typeof INVITE_ROW_OUTCOMES)[number];

export const INVITE_ROW_OUTCOME_LABELS = {
  create: { ja: '新規作成して招待', en: 'Create and invite' },
  invite_again: { ja: '招待リンクを再発行', en: 'Issue a new invitation link' },
  exists: { ja: '登録済み（変更なし）', en: 'Already has an account (unchanged)' },
  error: { ja: 'エラー', en: 'Error' },
} as const satisfies Labels<InviteRowOutcome>;

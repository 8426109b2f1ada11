import type { Labels } from './label';
import { OUTSIDE_MAIL_KIND_LABELS, OUTSIDE_MAIL_KINDS } from './mail-outside';

/**
 * Outgoing mail (decision 0028). A message in the outbox is `queued` until the sender claims it (`sending`), then
 * `sent`; a relay that refuses for a while or does not answer puts it back to `queued` with a later attempt;
 * a permanent refusal of the address (an SMTP 5xx answer to the recipient or the message) makes it `bounced`;
 * out of attempts, or with no address to send to, it is `failed`.
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'bounced'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_STATUS_LABELS = {
  queued: { ja: '送信待ち', en: 'Queued' },
  sending: { ja: '送信中', en: 'Sending' },
  sent: { ja: '送信済み', en: 'Sent' },
  failed: { ja: '送信できず', en: 'Failed' },
  bounced: { ja: '宛先不達', en: 'Bounced' },
} as const satisfies Labels<MailStatus>;

/** What a message is about: the template it was written from. */
export const MAIL_KINDS = [
  'invitation',
  'password_reset',
  'notification',
  'survey_invitation',
  'notification_digest',
  ...OUTSIDE_MAIL_KINDS,
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS = {
  invitation: { ja: '招待', en: 'Invitation' },
  password_reset: { ja: 'パスワード再設定', en: 'Password reset' },
  notification: { ja: 'お知らせ', en: 'Notification' },
  survey_invitation: { ja: 'アンケートのご依頼', en: 'Survey request' },
  notification_digest: { ja: '毎朝のまとめ', en: 'Daily digest' },
  ...OUTSIDE_MAIL_KIND_LABELS,
} as const satisfies Labels<MailKind>;

/** Why a message is not (yet) delivered, shown to administrators beside the relay's own answer. */
export const MAIL_PROBLEMS = [
  'no_address',
  'relay_unavailable',
  'relay_refused',
  'address_refused',
  'gave_up',
  // Late bounces (decision 0028): recorded by an administrator, stopping further mail until cleared.
  'bounce_reported',
  'address_bouncing',
  'bounce_cleared',
] as const;
export type MailProblem = (typeof MAIL_PROBLEMS)[number];

export const MAIL_PROBLEM_LABELS = {
  no_address: { ja: 'メールアドレスが登録されていません', en: 'The user has no e-mail address' },
  relay_unavailable: {
    ja: 'メールサーバーに接続できません（再試行します）',
    en: 'The mail relay could not be reached (will retry)',
  },
  relay_refused: {
    ja: 'メールサーバーが一時的に受け付けません（再試行します）',
    en: 'The mail relay refused for now (will retry)',
  },
  address_refused: { ja: '宛先が受け付けられませんでした', en: 'The address was refused' },
  gave_up: { ja: '再試行の上限に達しました', en: 'Gave up after the last attempt' },
  bounce_reported: {
    ja: '送信後に不達の通知（バウンス）が届きました',
    en: 'A bounce came back after the relay took the message',
  },
  address_bouncing: {
    ja: 'このアドレスは不達のため、送信を止めています（不達を解除すると再送できます）',
    en: 'Not sent: this address bounces (clear the bounce to send again)',
  },
  bounce_cleared: { ja: '不達（解除済み）', en: 'Bounced (cleared since)' },
} as const satisfies Labels<MailProblem>;

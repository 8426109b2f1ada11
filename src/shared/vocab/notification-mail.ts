import type { Labels } from './label';
import type { Role } from './roles';

/**
 * Notifications by mail (decision 0030). A user chooses, per kind of notification they can receive, how it
 * reaches them besides the screen: not by mail (the default), by a mail at once, or in the daily digest. The
 * kinds group the product's notification codes (`notifications.kind`) by what they ask of the reader;
 * `work_reminders` is not a notification but the digest's reminders (overdue follow-ups, action items due,
 * four-division meetings overdue), so it is offered only off or in the digest.
 *
 * Training results and certificates are not a kind: with mail on, each already reaches the learner as its own
 * mail (decision 0032: 研修の選考結果, 修了証の発行), so a notification mail besides would say the same thing twice.
 */
export const NOTIFICATION_MAIL_KINDS = [
  'consultation_request',
  'consultation_assigned',
  'consultation_handoff',
  'child_moved_in',
  'work_reminders',
] as const;
export type NotificationMailKind = (typeof NOTIFICATION_MAIL_KINDS)[number];

export const NOTIFICATION_MAIL_KIND_LABELS = {
  consultation_request: {
    ja: '相談の受付・エスカレーション（担当チームへの新しい相談）',
    en: 'Consultation requests and escalations reaching your team',
  },
  consultation_assigned: { ja: '相談の担当になったとき', en: 'A consultation assigned to you' },
  consultation_handoff: {
    ja: '相談の移管・後方支援・スーパーバイズの依頼と回答',
    en: 'Hand-off, back-up and supervision requests and answers',
  },
  child_moved_in: { ja: '医療的ケア児の転入', en: 'A child with medical care needs moved in' },
  work_reminders: {
    ja: '期限の来た対応（期限切れのフォローアップ、今日が期限の次の対応、協議の場の宿題、四部局会議の開催時期）',
    en: 'Work that is due (overdue follow-ups, next actions due today, council action items, four-division meetings)',
  },
} as const satisfies Labels<NotificationMailKind>;

export const MAIL_DELIVERIES = ['off', 'immediate', 'digest'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

export const MAIL_DELIVERY_LABELS = {
  off: { ja: 'メールしない（画面のみ）', en: 'No mail (on screen only)' },
  immediate: { ja: 'すぐにメール', en: 'Mail at once' },
  digest: { ja: '毎朝のまとめメール', en: 'In the morning digest' },
} as const satisfies Labels<MailDelivery>;

/** The deliveries a kind may take: reminders exist only in the digest. */
export function deliveriesOf(kind: NotificationMailKind): readonly MailDelivery[] {
  return kind === 'work_reminders' ? ['off', 'digest'] : MAIL_DELIVERIES;
}

const STAFF: readonly Role[] = ['centre_admin', 'centre_staff', 'regional_coordinator', 'municipal_staff'];

/**
 * The kinds a role can receive: staff's. Learners and providers' staff hear only of training, which is mailed on
 * its own (decision 0032); auditors and system administrators receive none.
 */
export function mailKindsForRole(role: Role): NotificationMailKind[] {
  if (!STAFF.includes(role)) return [];
  return NOTIFICATION_MAIL_KINDS.filter((k) => k !== 'child_moved_in' || role === 'municipal_staff');
}

/**
 * The preference kind a notification's code belongs to; null for a code no preference covers — among them the
 * training codes (`learning_…`), whose own mail is the one mail of the event.
 */
export function mailKindOfNotification(kind: string): NotificationMailKind | null {
  if (kind === 'consultation_public_request' || kind.startsWith('consultation_escalated'))
    return 'consultation_request';
  if (kind === 'consultation_assigned') return 'consultation_assigned';
  if (/^consultation_(handoff|backup|supervise)_/.test(kind)) return 'consultation_handoff';
  if (kind.startsWith('child_moved_in')) return 'child_moved_in';
  return null;
}

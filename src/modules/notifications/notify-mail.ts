/**
 * A notification's mail "at once" (decision 0030): queued in the transaction that writes the notification, so
 * the two commit or roll back together, to each recipient who chose `immediate` for the notification's kind —
 * the user it is addressed to, or every enabled staff member of the municipality it is addressed to. The mail
 * says only that something needs attention and links to the notifications page behind sign-in (decision 0028):
 * never the notification's text, a child's name or a case.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { notificationMailPreferences, users } from '../../db/schema';
import { mailKindOfNotification } from '../../shared/vocab/notification-mail';
import { queueMail } from '../mail/outbox';
import { currentMailSettings } from './mail-context';

export const NOTIFICATIONS_PATH = '/notifications';

type Addressed = { prefectureCode: string; kind: string; at: Date } & (
  | { recipientUserId: string }
  | { recipientMunicipalityCode: string }
);

/** Queues the immediate mails of a notification just written in `tx`; returns how many were queued. */
export async function mailNotificationNow(tx: DbOrTx, n: Addressed): Promise<number> {
  const settings = currentMailSettings();
  const kind = mailKindOfNotification(n.kind);
  if (!settings || !kind) return 0;
  const who =
    'recipientUserId' in n
      ? eq(users.id, n.recipientUserId)
      : and(
          eq(users.prefectureCode, n.prefectureCode),
          eq(users.role, 'municipal_staff'),
          eq(users.scopeMunicipalityCode, n.recipientMunicipalityCode),
        );
  const recipients = await tx
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      prefectureCode: users.prefectureCode,
    })
    .from(users)
    .innerJoin(notificationMailPreferences, eq(notificationMailPreferences.userId, users.id))
    .where(
      and(
        who,
        isNull(users.disabledAt),
        sql`${notificationMailPreferences.choices} ->> ${kind} = 'immediate'`,
      ),
    );
  for (const r of recipients) {
    await queueMail(
      tx,
      settings,
      {
        userId: r.id,
        prefectureCode: r.prefectureCode,
        email: r.email,
        displayName: r.displayName,
        locale: r.locale,
      },
      { kind: 'notification', name: r.displayName, link: NOTIFICATIONS_PATH },
      { createdBy: null, now: n.at },
    );
  }
  return recipients.length;
}

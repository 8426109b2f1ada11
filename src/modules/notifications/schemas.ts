import { z } from '@hono/zod-openapi';
import { ZSystemText } from '../../server/system-text';
import { MAIL_DELIVERIES, NOTIFICATION_MAIL_KINDS } from '../../shared/vocab/notification-mail';

export const ZNotification = z
  .object({
    id: z.string().uuid(),
    kind: z.string().openapi({ example: 'child_moved_in' }),
    /** The message as a code with parameters: render it in the reader's language. */
    text: ZSystemText.nullable(),
    /** The message rendered when it was written (for clients that do not know `text`'s code). */
    titleJa: z.string(),
    titleEn: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().uuid().nullable(),
    createdAt: z.string().openapi({ example: '2026-06-01T09:00:00.000Z' }),
    /** When this user read it (a municipality's notification is read by each of its staff for themselves). */
    readAt: z.string().nullable(),
    /** Addressed to the user's municipality, which its staff share, rather than to the user alone. */
    shared: z.boolean(),
  })
  .openapi('Notification');

export const ZListNotificationsResponse = z
  .object({
    items: z.array(ZNotification),
    /** Unread notifications addressed to the user or to the user's municipality. */
    unread: z.number().int(),
  })
  .openapi('ListNotificationsResponse');

export const ZReadNotificationResponse = ZNotification.openapi('ReadNotificationResponse');

const ZMailKind = z.enum(NOTIFICATION_MAIL_KINDS);
const ZDelivery = z.enum(MAIL_DELIVERIES);

export const ZMailPreferences = z
  .object({
    /** Whether this server sends mail at all (SMTP_URL and MAIL_FROM): without it the choices wait. */
    mailOn: z.boolean(),
    /** 0 before the first change. */
    version: z.number().int(),
    kinds: z.array(z.object({ kind: ZMailKind, delivery: ZDelivery, deliveries: z.array(ZDelivery) })),
  })
  .openapi('NotificationMailPreferences');

export const ZSaveMailPreferences = z
  .object({
    version: z.number().int().min(0),
    /** Kind → delivery; kinds left out keep their choice. A kind the account does not receive is refused. */
    choices: z
      .record(z.string().max(64), ZDelivery)
      .openapi({ example: { consultation_assigned: 'immediate' } }),
  })
  .openapi('SaveNotificationMailPreferences');

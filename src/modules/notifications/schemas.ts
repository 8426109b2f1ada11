import { z } from '@hono/zod-openapi';
import { ZSystemText } from '../../server/system-text';

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

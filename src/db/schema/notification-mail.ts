import { date, index, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MailDelivery, NotificationMailKind } from '../../shared/vocab/notification-mail';
import { users } from './accounts';
import { mailMessages } from './mail';

/**
 * A user's choice, per kind of notification, of how it reaches them by mail (decision 0030): not at all (the
 * default, also for a kind not listed), at once, or in the daily digest. One row per user, edited under its
 * version.
 */
export const notificationMailPreferences = pgTable('notification_mail_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  choices: jsonb('choices')
    .$type<Partial<Record<NotificationMailKind, MailDelivery>>>()
    .notNull()
    .default({}),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The daily digest of one user on one day (Japan): written in the transaction that queues its mail, so the
 * primary key (user, day) lets exactly one run write it, however many app servers run the job at once and
 * whatever crashed before. `mail_message_id` is null when there was nothing to say (nothing was sent); the row
 * still marks the day done. The next digest reads the notifications created after `created_at`.
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    day: date('day').notNull(),
    mailMessageId: uuid('mail_message_id').references(() => mailMessages.id),
    /** How many items the digest counted (notifications and reminders), 0 when nothing was sent. */
    items: integer('items').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.day] }),
    index('notification_digests_user_idx').on(t.userId, t.createdAt),
  ],
);

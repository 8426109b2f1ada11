import { char, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SystemText } from '../../shared/vocab/system-text';
import { users } from './accounts';
import { prefectures } from './network';

/**
 * In-app notifications. Addressed to one user, or to everyone scoped to a municipality (e.g. "a child moved
 * into your municipality"). The message is stored as a code with parameters (`text`) and rendered in the
 * reader's language; `title_ja` / `title_en` keep its rendering at the time, for readers of older versions.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    recipientMunicipalityCode: char('recipient_municipality_code', { length: 6 }),
    kind: text('kind').notNull(),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    /** The message as a code with parameters (vocab/system-text.ts), shown in the reader's language. */
    text: jsonb('text').$type<SystemText>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.recipientUserId, t.createdAt),
    index('notifications_municipality_idx').on(t.prefectureCode, t.recipientMunicipalityCode, t.createdAt),
  ],
);

/**
 * Who has read a notification to a municipality (a shared inbox item): each of its staff reads it for
 * themselves. A notification to one user keeps its reading in `notifications.read_at`.
 */
export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);

/** Saved search filters of a user (registry lists and, later, other modules). */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    scope: text('scope').notNull(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_filters_user_idx').on(t.userId, t.scope)],
);

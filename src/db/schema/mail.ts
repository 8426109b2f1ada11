import { char, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MailKind, MailProblem, MailStatus } from '../../shared/vocab/mail';
import { users } from './accounts';
import { prefectures } from './network';

/**
 * The outbox of outgoing mail (decision 0028). A message is written in the same transaction as the event that
 * causes it (an invitation, a password reset) and sent later by the mail sender, which claims rows with
 * `FOR UPDATE SKIP LOCKED` and a lease (`lease_until`): a sender that dies mid-send leaves the row to be claimed
 * again when the lease runs out. The body is kept only until the message is sent (it may hold a one-time link).
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The recipient's prefecture (null for a system administrator): whose administrators see the message. */
    prefectureCode: char('prefecture_code', { length: 2 }).references(() => prefectures.code),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    /** Null when the user has no usable address: the message is `failed` with `no_address`. */
    toAddress: text('to_address'),
    toName: text('to_name').notNull(),
    locale: text('locale').$type<'ja' | 'en'>().notNull(),
    kind: text('kind').$type<MailKind>().notNull(),
    subject: text('subject').notNull(),
    /** The plain-text body; cleared once sent. */
    bodyText: text('body_text'),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: the claim holds until then; afterwards another sender may take the message again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    problem: text('problem').$type<MailProblem>(),
    /** The relay's own answer (or the connection error) at the last failed attempt, for administrators. */
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_messages_prefecture_idx').on(t.prefectureCode, t.createdAt),
  ],
);

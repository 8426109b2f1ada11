import { boolean, char, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { prefectures } from './network';

/**
 * The marker of a seeded demo database (migration 0034): one row, written by the demo seeding in the same
 * transaction as its fictional data and by nothing else. The demo's role switch exists only where it exists.
 */
export const demoDatabase = pgTable('demo_database', {
  id: boolean('id').primaryKey().default(true),
  prefectureCode: char('prefecture_code', { length: 2 })
    .notNull()
    .references(() => prefectures.code),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The accounts the demo seeding created, in the order of its account list: the only ones the switch signs in. */
export const demoAccounts = pgTable('demo_accounts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  /** The seeding's Japanese label of the account (role and scope), as the start banner prints it. */
  label: text('label').notNull(),
});

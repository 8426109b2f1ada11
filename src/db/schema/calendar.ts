import { char, date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { prefectures } from './network';

/**
 * A prefecture's extra closed days (a centre's own closures), added to weekends, public holidays and the
 * year-end closure by the working-day calendar (shared/working-days.ts, modules/calendar). Migration 0042.
 */
export const workingDayClosures = pgTable(
  'working_day_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    closedOn: date('closed_on').notNull(),
    label: text('label').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('working_day_closures_uq').on(t.prefectureCode, t.closedOn)],
);

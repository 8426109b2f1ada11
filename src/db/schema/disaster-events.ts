import { char, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SafetyResult } from '../../shared/vocab/disaster-events';
import { users } from './accounts';
import { prefectures } from './network';
import { children } from './registry';

/**
 * A declared disaster (break-glass, docs/disaster.md §5, decision 0031): areas, a period and a reason, declared by
 * a centre administrator. While it lasts (starts_at ≤ now < ended_early_at ?? ends_at) its responders may open
 * records of its areas beyond the usual consent, a reason each time; afterwards its access review is signed off.
 */
export const disasterEvents = pgTable(
  'disaster_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    municipalityCodes: text('municipality_codes').array().notNull(),
    regionIds: uuid('region_ids').array().notNull().default([]),
    responderUserIds: uuid('responder_user_ids').array().notNull().default([]),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    endedEarlyAt: timestamp('ended_early_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
    reviewSignedOffBy: uuid('review_signed_off_by').references(() => users.id),
    reviewSignedOffAt: timestamp('review_signed_off_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('disaster_events_prefecture_idx').on(t.prefectureCode, t.startsAt)],
);

/** Each opening of a named record under an event beyond the usual consent: who, which child, why, when. */
export const disasterEventOpenings = pgTable(
  'disaster_event_openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    eventId: uuid('event_id')
      .notNull()
      .references(() => disasterEvents.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('disaster_event_openings_event_idx').on(t.eventId, t.openedAt),
    index('disaster_event_openings_user_idx').on(t.eventId, t.userId, t.childId),
  ],
);

/** A safety check (安否確認) of a child on the outage list: when, who called, the result and the help needed. */
export const disasterSafetyChecks = pgTable(
  'disaster_safety_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    eventId: uuid('event_id').references(() => disasterEvents.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    callerUserId: uuid('caller_user_id')
      .notNull()
      .references(() => users.id),
    callerName: text('caller_name').notNull(),
    result: text('result').$type<SafetyResult>().notNull(),
    helpNeeded: text('help_needed'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disaster_safety_checks_child_idx').on(t.childId, t.checkedAt)],
);

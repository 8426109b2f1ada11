/**
 * The coordinator roster's activity flags and the branches' supervise pools (docs/learning.md §7, migration
 * 0027). Who completed the coordinator course is `training_completions`; what they do now is kept here.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SuperviseExpertise } from '../../shared/vocab/learning-roster';
import { users } from './accounts';
import { centres, people, prefectures } from './network';

/** Whether a trained coordinator works as one, as staff last confirmed it (one row per learner). */
export const coordinatorStatuses = pgTable(
  'coordinator_statuses',
  {
    learnerUserId: uuid('learner_user_id')
      .primaryKey()
      .references(() => users.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    active: boolean('active').notNull(),
    /** The day staff last confirmed it (asked the person, their workplace, the municipality). */
    confirmedOn: date('confirmed_on').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coordinator_statuses_prefecture_idx').on(t.prefectureCode)],
);

/** A person of the network in a branch's supervise pool (ME-2) with their expertise. */
export const supervisePoolMembers = pgTable(
  'supervise_pool_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    tags: text('tags').array().$type<SuperviseExpertise[]>().notNull().default(sql`'{}'`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervise_pool_members_centre_person_uq').on(t.centreId, t.personId),
    index('supervise_pool_members_prefecture_idx').on(t.prefectureCode, t.centreId),
  ],
);

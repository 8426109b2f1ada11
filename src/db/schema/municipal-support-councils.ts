import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CouncilActionStatus,
  CouncilAttendanceStatus,
  CouncilBodyKind,
  CouncilMeetingStatus,
  CouncilMemberCategory,
  CouncilMemberRole,
  CouncilScheduleKind,
} from '../../shared/vocab/councils';
import { users } from './accounts';
import { files } from './files';
import { centres, organisations, prefectures, regions } from './network';

/**
 * 協議の場 (councils and meetings; docs/municipal-support.md §3). A body is owned by the prefecture (both owner
 * columns null), a branch (owner_centre_id) or a region (owner_region_id), like a training session; who reads
 * and manages which is decided in modules/councils/scope.ts.
 */
export const councilBodies = pgTable(
  'council_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<CouncilBodyKind>().notNull(),
    name: text('name').notNull(),
    ownerCentreId: uuid('owner_centre_id').references(() => centres.id),
    ownerRegionId: uuid('owner_region_id').references(() => regions.id),
    purpose: text('purpose').notNull().default(''),
    /** 設置要綱 as Markdown text. */
    charter: text('charter').notNull().default(''),
    defaultPlace: text('default_place').notNull().default(''),
    scheduleKind: text('schedule_kind').$type<CouncilScheduleKind>().notNull().default('none'),
    scheduleIntervalMonths: integer('schedule_interval_months').notNull().default(1),
    scheduleDayOfMonth: integer('schedule_day_of_month'),
    /** 1–4, or 5 for the last such weekday of the month. */
    scheduleWeekOfMonth: integer('schedule_week_of_month'),
    /** 0 Sunday … 6 Saturday. */
    scheduleWeekday: integer('schedule_weekday'),
    scheduleStartTime: time('schedule_start_time'),
    scheduleDurationMinutes: integer('schedule_duration_minutes').notNull().default(90),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('council_bodies_prefecture_idx').on(t.prefectureCode, t.kind),
    index('council_bodies_owner_centre_idx').on(t.ownerCentreId),
    index('council_bodies_owner_region_idx').on(t.ownerRegionId),
    check('council_bodies_one_owner', sql`${t.ownerCentreId} is null or ${t.ownerRegionId} is null`),
  ],
);

/** A member of a body for a term, with affiliation (a network organisation or free text) and category. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id),
    name: text('name').notNull(),
    /** The member's account when they use Tsunagu (their meetings reach their calendar feed). */
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    affiliation: text('affiliation').notNull().default(''),
    category: text('category').$type<CouncilMemberCategory>().notNull(),
    role: text('role').$type<CouncilMemberRole>().notNull().default('member'),
    termFrom: date('term_from').notNull(),
    termTo: date('term_to'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('council_members_body_idx').on(t.bodyId),
    index('council_members_user_idx').on(t.userId),
    check('council_members_term', sql`${t.termTo} is null or ${t.termTo} >= ${t.termFrom}`),
  ],
);

/** One meeting of a body: when and where, agenda, minutes (public and non-public parts). */
export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    status: text('status').$type<CouncilMeetingStatus>().notNull().default('planned'),
    agenda: text('agenda').notNull().default(''),
    minutesPublic: text('minutes_public').notNull().default(''),
    minutesPrivate: text('minutes_private').notNull().default(''),
    /** Set while the public part of the minutes is published on the public site. */
    minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('council_meetings_body_idx').on(t.bodyId, t.startsAt),
    index('council_meetings_prefecture_idx').on(t.prefectureCode, t.startsAt),
    index('council_meetings_published_idx')
      .on(t.prefectureCode, t.minutesPublishedAt)
      .where(sql`minutes_published_at is not null`),
    check('council_meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who of the members took part in a meeting, and how. */
export const councilAttendance = pgTable(
  'council_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    status: text('status').$type<CouncilAttendanceStatus>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** The decisions of a meeting, in order (written with the minutes). */
export const councilDecisions = pgTable(
  'council_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('council_decisions_meeting_seq_uq').on(t.meetingId, t.seq)],
);

/** An action item of a meeting: who does what by when; on its owner's list until done. */
export const councilActionItems = pgTable(
  'council_action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<CouncilActionStatus>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('council_action_items_owner_idx').on(t.ownerUserId, t.status, t.dueOn),
    index('council_action_items_meeting_idx').on(t.meetingId),
    index('council_action_items_body_idx').on(t.bodyId, t.status),
  ],
);

/**
 * A user's personal calendar feed: the SHA-256 of a random token in the feed's address. A revoked token stays
 * (revoked_at set) so that it can never be issued or answer again.
 */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_uq').on(t.tokenHash),
    uniqueIndex('calendar_feed_tokens_active_uq').on(t.userId).where(sql`revoked_at is null`),
  ],
);

/** A file of the one store (decision 0025) attached to a meeting as its material. */
export const councilMeetingMaterials = pgTable(
  'council_meeting_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    title: text('title').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('council_meeting_materials_meeting').on(t.meetingId, t.createdAt),
    check('council_meeting_materials_title', sql`length(${t.title}) between 1 and 200`),
  ],
);

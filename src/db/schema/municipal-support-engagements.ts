import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Approach,
  Assessment,
  EngagementKind,
  EngagementStatus,
  GoodExampleUse,
  HearingItem,
  LifeElement,
  MunicipalAction,
  MunicipalRequest,
  SupportField,
  SupportOutcome,
} from '../../shared/vocab/engagements';
import type { Division } from '../../shared/vocab/network';
import { users } from './accounts';
import { municipalities, prefectures } from './network';

/**
 * A hearing visit, four-division meeting or support log entry with one municipality (migration 0030;
 * docs/municipal-support.md §2). Hearing notes are kept per fixed item, the support log's analysis fields as
 * codes with a note each.
 */
export const engagements = pgTable(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    kind: text('kind').$type<EngagementKind>().notNull(),
    status: text('status').$type<EngagementStatus>().notNull().default('held'),
    occurredOn: date('occurred_on').notNull(),
    subject: text('subject').notNull(),
    place: text('place'),
    attendees: text('attendees'),
    divisions: text('divisions').array().$type<Division[]>().notNull().default(sql`'{}'`),
    hearing: jsonb('hearing').$type<Partial<Record<HearingItem, string>>>().notNull().default({}),
    notes: text('notes'),
    lifeElement: text('life_element').$type<LifeElement>(),
    request: text('request').$type<MunicipalRequest>(),
    assessment: text('assessment').$type<Assessment>(),
    approach: text('approach').$type<Approach>(),
    municipalAction: text('municipal_action').$type<MunicipalAction>(),
    outcome: text('outcome').$type<SupportOutcome>(),
    analysisNotes: jsonb('analysis_notes')
      .$type<Partial<Record<SupportField, string>>>()
      .notNull()
      .default({}),
    goodExample: boolean('good_example').notNull().default(false),
    goodExampleUses: text('good_example_uses').array().$type<GoodExampleUse[]>().notNull().default(sql`'{}'`),
    goodExampleNote: text('good_example_note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('engagements_municipality_idx').on(t.prefectureCode, t.municipalityCode, t.occurredOn),
    index('engagements_kind_date_idx').on(t.prefectureCode, t.kind, t.occurredOn),
    index('engagements_good_example_idx').on(t.prefectureCode, t.occurredOn).where(sql`good_example`),
    check('engagements_kind_ck', sql`${t.kind} IN ('hearing', 'four_division', 'support')`),
    check('engagements_status_ck', sql`${t.status} IN ('planned', 'held')`),
  ],
);

/**
 * A municipality's four-division meeting cycle: on it or not, the interval in months (due from the first,
 * overdue after the second) and whose it is. No row: the default 3–4 months once a meeting has been held.
 */
export const engagementCadences = pgTable(
  'engagement_cadences',
  {
    municipalityCode: char('municipality_code', { length: 6 })
      .primaryKey()
      .references(() => municipalities.code),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    active: boolean('active').notNull().default(true),
    minMonths: integer('min_months').notNull().default(3),
    maxMonths: integer('max_months').notNull().default(4),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    note: text('note'),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check(
      'engagement_cadences_months_ck',
      sql`${t.minMonths} >= 1 AND ${t.maxMonths} >= ${t.minMonths} AND ${t.maxMonths} <= 24`,
    ),
  ],
);

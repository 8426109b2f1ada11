import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FactSource, MaturityItem } from '../../shared/vocab/municipalities';
import type { Division } from '../../shared/vocab/network';
import { users } from './accounts';
import { municipalities, prefectures } from './network';

/**
 * The page per municipality (市町村カルテ, migration 0029): the current value of each maturity item, with where it
 * came from (`source`, `source_note`), the day it held (`as_of`) and a version for optimistic locking.
 */
export const municipalMaturity = pgTable(
  'municipal_maturity',
  {
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    item: text('item').$type<MaturityItem>().notNull(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    status: text('status').notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    source: text('source').$type<FactSource>().notNull(),
    sourceNote: text('source_note'),
    asOf: date('as_of').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'municipal_maturity_pk', columns: [t.municipalityCode, t.item] }),
    index('municipal_maturity_prefecture_idx').on(t.prefectureCode),
    check(
      'municipal_maturity_item_ck',
      sql`${t.item} IN ('coordinator', 'council', 'core_centre', 'census_method', 'welfare_plan')`,
    ),
  ],
);

/** The named contact of one of the four divisions (母子保健, 障害福祉, 保育, 教育) of a municipality. */
export const municipalContacts = pgTable(
  'municipal_contacts',
  {
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    division: text('division').$type<Division>().notNull(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    sectionName: text('section_name').notNull(),
    personName: text('person_name'),
    phone: text('phone'),
    email: text('email'),
    note: text('note'),
    source: text('source').$type<FactSource>().notNull(),
    sourceNote: text('source_note'),
    asOf: date('as_of').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'municipal_contacts_pk', columns: [t.municipalityCode, t.division] }),
    check(
      'municipal_contacts_division_ck',
      sql`${t.division} IN ('maternal_child_health', 'disability_welfare', 'childcare', 'education')`,
    ),
  ],
);

/** A contact as the history keeps it. */
export type MunicipalContactSnapshot = {
  sectionName: string;
  personName: string | null;
  phone: string | null;
  email: string | null;
};

/**
 * Every change to a maturity item or a contact, never updated: who made it (and in which role), the value, its
 * source and the day it held. The prefecture view reads a 年度's state as each item's newest entry on or before
 * the 年度's last day.
 */
export const municipalPageHistory = pgTable(
  'municipal_page_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    subject: text('subject').$type<'maturity' | 'contact'>().notNull(),
    /** The maturity item, or the division of a contact. */
    item: text('item').notNull(),
    status: text('status'),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    contact: jsonb('contact').$type<MunicipalContactSnapshot>(),
    note: text('note'),
    source: text('source').$type<FactSource>().notNull(),
    sourceNote: text('source_note'),
    asOf: date('as_of').notNull(),
    version: integer('version').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedByRole: text('changed_by_role').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('municipal_page_history_item_idx').on(t.municipalityCode, t.subject, t.item, t.id),
    index('municipal_page_history_year_idx')
      .on(t.prefectureCode, t.municipalityCode, t.item, t.asOf.desc(), t.id.desc())
      .where(sql`${t.subject} = 'maturity'`),
    check('municipal_page_history_subject_ck', sql`${t.subject} IN ('maturity', 'contact')`),
    check('municipal_page_history_maturity_ck', sql`${t.subject} <> 'maturity' OR ${t.status} IS NOT NULL`),
  ],
);

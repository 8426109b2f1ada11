import { sql } from 'drizzle-orm';
import { char, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, prefectures } from './network';

export type ChildStatus = 'at_home' | 'in_hospital' | 'moved_out' | 'adult_services' | 'deceased';
export type Sex = 'female' | 'male' | 'unknown';

/** The child record (医療的ケア児台帳). Personal data: read only through modules/registry/scope.ts. */
export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyKana: text('family_kana').notNull(),
    givenKana: text('given_kana').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').$type<Sex>().notNull(),
    status: text('status').$type<ChildStatus>().notNull().default('at_home'),
    careScore: integer('care_score'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('children_scope_idx').on(t.prefectureCode, t.municipalityCode, t.familyKana),
    index('children_kana_trgm_idx').using('gin', sql`(${t.familyKana} || ${t.givenKana}) gin_trgm_ops`),
  ],
);

/** Where a child is enrolled or served over time (nursery, school, day service, home-visit nursing …). */
export const childAffiliations = pgTable(
  'child_affiliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind')
      .$type<'nursery' | 'school' | 'day_service' | 'short_stay' | 'home_nursing' | 'hospital'>()
      .notNull(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
  },
  (t) => [
    index('child_affiliations_org_idx').on(t.organisationId),
    index('child_affiliations_child_idx').on(t.childId),
  ],
);

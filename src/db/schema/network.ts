import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CoordinatorTier, Division, OrganisationKind } from '../../shared/vocab/network';

/** Reference: every municipality of Japan (全国地方公共団体コード), loaded from src/shared/reference. */
export const municipalities = pgTable(
  'municipalities',
  {
    code: char('code', { length: 6 }).primaryKey(),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull(),
    kind: text('kind').$type<'city' | 'town' | 'village' | 'special_ward' | 'designated_city'>().notNull(),
  },
  (t) => [index('municipalities_prefecture_idx').on(t.prefectureCode)],
);

/** A prefecture served by this deployment (a tenant). Data of one prefecture is never visible to another. */
export const prefectures = pgTable('prefectures', {
  code: char('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 圏域: a group of municipalities, configured per prefecture. */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('regions_prefecture_name_uq').on(t.prefectureCode, t.name)],
);

/** Membership of a municipality in a region, versioned by validity dates (valid_to null = current). */
export const regionMunicipalities = pgTable(
  'region_municipalities',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.municipalityCode, t.validFrom] }),
    uniqueIndex('region_municipalities_current_uq').on(t.municipalityCode).where(sql`valid_to is null`),
  ],
);

/** 医療的ケア児支援センター: the HQ (parent null) and its branches. */
export const centres = pgTable('centres', {
  id: uuid('id').primaryKey().defaultRandom(),
  prefectureCode: char('prefecture_code', { length: 2 })
    .notNull()
    .references(() => prefectures.code),
  parentId: uuid('parent_id'),
  kind: text('kind').$type<'hq' | 'branch'>().notNull(),
  name: text('name').notNull(),
  operator: text('operator'),
  address: text('address'),
  phone: text('phone'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which regions a branch covers. */
export const centreRegions = pgTable(
  'centre_regions',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.regionId] })],
);

export type { Division, OrganisationKind };

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    division: text('division').$type<Division>(),
    name: text('name').notNull(),
    kana: text('kana'),
    municipalityCode: char('municipality_code', { length: 6 }).references(() => municipalities.code),
    address: text('address'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_prefecture_idx').on(t.prefectureCode, t.kind)],
);

/** People of the network (coordinators, nurses, teachers, …): professional contacts. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyKana: text('family_kana'),
    givenKana: text('given_kana'),
    profession: text('profession'),
    coordinatorTier: text('coordinator_tier').$type<CoordinatorTier>(),
    email: text('email'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_prefecture_idx').on(t.prefectureCode)],
);

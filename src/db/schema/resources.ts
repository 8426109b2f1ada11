import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ConfirmationKind } from '../../shared/vocab/resources';
import { users } from './accounts';
import { municipalities, organisations, prefectures, regions } from './network';

/**
 * 社会資源 (resources) directory, shaped after Open Referral HSDS 3.x (decision 0009): organization, service,
 * location, service_at_location; schedules, care-item attributes and service areas live on the service row
 * (jsonb / arrays) because they are always read and written with it. Not personal data, but still per prefecture.
 */

const prefectureCode = () =>
  char('prefecture_code', { length: 2 })
    .notNull()
    .references(() => prefectures.code);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** HSDS organization. */
export const resourceOrganizations = pgTable(
  'resource_organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: prefectureCode(),
    name: text('name').notNull(),
    kana: text('kana'),
    description: text('description'),
    website: text('website'),
    phone: text('phone'),
    email: text('email'),
    /** The network's organisation: its provider_staff confirm and correct this organisation's services. */
    networkOrganisationId: uuid('network_organisation_id').references(() => organisations.id),
    /** The HSDS id it was imported with (migration 0016); null: derived from `id` (resources/hsds-ids.ts). */
    hsdsId: uuid('hsds_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_organizations_prefecture_idx').on(t.prefectureCode, t.name),
    index('resource_organizations_network_idx').on(t.networkOrganisationId),
    uniqueIndex('resource_organizations_hsds_uq')
      .on(t.prefectureCode, t.hsdsId)
      .where(sql`hsds_id is not null`),
  ],
);

/** HSDS location (physical). */
export const resourceLocations = pgTable(
  'resource_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: prefectureCode(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => resourceOrganizations.id),
    name: text('name'),
    postalCode: text('postal_code'),
    address: text('address').notNull(),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The HSDS id it was imported with (migration 0016). */
    hsdsId: uuid('hsds_id'),
  },
  (t) => [
    index('resource_locations_organization_idx').on(t.organizationId),
    uniqueIndex('resource_locations_hsds_uq').on(t.prefectureCode, t.hsdsId).where(sql`hsds_id is not null`),
  ],
);

export type ResourceScheduleRow = {
  byday: string[];
  opensAt?: string | null;
  closesAt?: string | null;
  note?: string | null;
};
export type ResourceCareRow = {
  code: string;
  acceptance: 'accepted' | 'accepted_with_conditions' | 'not_accepted';
  conditions?: string | null;
};

/**
 * HSDS service. `municipality_code` copies the primary location's (search by area without a join);
 * `accepts` lists the care items accepted with or without conditions (GIN, `@>`); `area_codes` the
 * municipalities served besides it (GIN); `search_key` the normalised text searched with pg_trgm.
 */
export const resourceServices = pgTable(
  'resource_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: prefectureCode(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => resourceOrganizations.id),
    name: text('name').notNull(),
    kana: text('kana'),
    type: text('type').notNull(),
    status: text('status').notNull().default('active'),
    officeNumber: text('office_number'),
    description: text('description'),
    howToApply: text('how_to_apply'),
    eligibilityDescription: text('eligibility_description'),
    feesDescription: text('fees_description'),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    capacity: integer('capacity'),
    vacancy: integer('vacancy'),
    capacityUpdatedAt: timestamp('capacity_updated_at', { withTimezone: true }),
    transport: boolean('transport'),
    transportNote: text('transport_note'),
    bathing: boolean('bathing'),
    bathingNote: text('bathing_note'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    schedules: jsonb('schedules').$type<ResourceScheduleRow[]>().notNull().default([]),
    careItems: jsonb('care_items').$type<ResourceCareRow[]>().notNull().default([]),
    accepts: text('accepts').array().notNull().default(sql`'{}'::text[]`),
    areaCodes: text('area_codes').array().notNull().default(sql`'{}'::text[]`),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    searchKey: text('search_key').notNull().default(''),
    lastConfirmedAt: timestamp('last_confirmed_at', { withTimezone: true }),
    lastConfirmedKind: text('last_confirmed_kind').$type<ConfirmationKind>(),
    lastConfirmedByUserId: uuid('last_confirmed_by_user_id').references(() => users.id),
    lastConfirmedBy: text('last_confirmed_by'),
    /** The HSDS id it was imported with (migration 0016). */
    hsdsId: uuid('hsds_id'),
    /** What it offers in a disaster (vocab/disaster-events.ts DISASTER_SUPPORTS; migration 0049). */
    disasterSupport: text('disaster_support').array().notNull().default(sql`'{}'::text[]`),
    disasterNote: text('disaster_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_services_municipality_type_idx').on(t.municipalityCode, t.type),
    index('resource_services_type_municipality_idx').on(t.type, t.municipalityCode),
    index('resource_services_prefecture_idx').on(t.prefectureCode, t.type),
    index('resource_services_organization_idx').on(t.organizationId),
    index('resource_services_accepts_idx').using('gin', t.accepts),
    index('resource_services_area_idx').using('gin', t.areaCodes),
    index('resource_services_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    uniqueIndex('resource_services_office_uq')
      .on(t.prefectureCode, t.officeNumber, t.type)
      .where(sql`office_number is not null`),
    uniqueIndex('resource_services_hsds_uq').on(t.prefectureCode, t.hsdsId).where(sql`hsds_id is not null`),
  ],
);

/**
 * The public search's narrow copy of every **active** service (decision 0009): only the columns the search
 * filters and orders by, so a broad search (a type over the whole country, a common word) reads a few
 * megabytes instead of the wide listing rows. Kept in step by the trigger `resource_search_sync` on
 * `resource_services` (migration 0008), whatever writes the listing — staff, providers, imports, restore — and
 * its point by `resource_search_place` on `resource_locations` and `resource_service_locations` (0011).
 * Derived data: not in backups (src/ops/tables.ts DERIVED_TABLES).
 */
export const resourceSearch = pgTable(
  'resource_search',
  {
    serviceId: uuid('service_id')
      .primaryKey()
      .references(() => resourceServices.id, { onDelete: 'cascade' }),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    municipalityCode: char('municipality_code', { length: 6 }).notNull(),
    areaCodes: text('area_codes').array().notNull(),
    type: text('type').notNull(),
    accepts: text('accepts').array().notNull(),
    /** Effective bounds (migration 0010): an unknown lower age is 0, an unknown upper age 200 (above any age asked) — sargable. */
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    lastConfirmedAt: timestamp('last_confirmed_at', { withTimezone: true }),
    name: text('name').notNull(),
    searchKey: text('search_key').notNull(),
    /** The primary location's point (migration 0011: kept by triggers on the locations and their links). */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [
    // "Near me" reads the box of latitude × longitude around a point.
    index('resource_search_lat_lon_idx').on(t.latitude, t.longitude),
    index('resource_search_type_age_idx').on(t.type, t.minAge, t.maxAge),
    index('resource_search_municipality_idx').on(t.municipalityCode, t.type),
    index('resource_search_type_idx').on(t.type, t.name),
    index('resource_search_prefecture_idx').on(t.prefectureCode, t.type, t.name),
    index('resource_search_name_idx').on(t.name),
    index('resource_search_accepts_idx').using('gin', t.accepts),
    index('resource_search_area_idx').using('gin', t.areaCodes),
    index('resource_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);

/** HSDS service_at_location. */
export const resourceServiceLocations = pgTable(
  'resource_service_locations',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => resourceServices.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => resourceLocations.id),
    prefectureCode: prefectureCode(),
    isPrimary: boolean('is_primary').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.locationId] }),
    index('resource_service_locations_location_idx').on(t.locationId),
  ],
);

/** Yearly re-confirmation round (one per prefecture and 年度). */
export const resourceRounds = pgTable(
  'resource_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: prefectureCode(),
    nendo: integer('nendo').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('resource_rounds_prefecture_nendo_uq').on(t.prefectureCode, t.nendo)],
);

export const resourceRoundItems = pgTable(
  'resource_round_items',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => resourceRounds.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => resourceServices.id),
    prefectureCode: prefectureCode(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.serviceId] }),
    index('resource_round_items_service_idx').on(t.serviceId),
  ],
);

/** One-time provider links: only the SHA-256 of the token is kept (as accounts/tokens.ts does). */
export const resourceLinks = pgTable(
  'resource_links',
  {
    id: text('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => resourceServices.id),
    prefectureCode: prefectureCode(),
    roundId: uuid('round_id').references(() => resourceRounds.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('resource_links_service_idx').on(t.serviceId)],
);

/** Qualitative bottlenecks coordinators attach to a region and care item (NA-4, NA-5). */
export const resourceBottlenecks = pgTable(
  'resource_bottlenecks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: prefectureCode(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    careItem: text('care_item'),
    kind: text('kind').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('resource_bottlenecks_region_idx').on(t.prefectureCode, t.regionId)],
);

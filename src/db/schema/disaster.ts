import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  BackupPowerKind,
  DisasterContactKind,
  DisasterHistoryAction,
  EmergencySheet,
  EvacuationIntent,
  PlanStatus,
} from '../../shared/vocab/disaster';
import { users } from './accounts';
import { prefectures } from './network';
import { children } from './registry';

/**
 * The child's disaster profile (migration 0045, docs/disaster.md §1, §7): power and batteries, back-up power,
 * utility pre-registration, the municipality's 名簿 and plan as it reports them, the intended evacuation, MEIS,
 * drills, and the emergency sheet with the family's confirmation. One row per child at most; personal data —
 * read only through modules/disaster (scope.ts). Electricity dependence itself is the registry's: a device with
 * `needs_mains` (child_devices).
 */
export const childDisasterProfiles = pgTable(
  'child_disaster_profiles',
  {
    childId: uuid('child_id')
      .primaryKey()
      .references(() => children.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    /** The devices' total power draw in watts. */
    powerDrawWatts: integer('power_draw_watts'),
    internalBatteryHours: numeric('internal_battery_hours', { precision: 4, scale: 1, mode: 'number' }),
    externalBatteryHours: numeric('external_battery_hours', { precision: 5, scale: 1, mode: 'number' }),
    spareBatteries: integer('spare_batteries'),
    /** All spare batteries together, in hours. */
    spareBatteryHours: numeric('spare_battery_hours', { precision: 5, scale: 1, mode: 'number' }),
    /**
     * Hours the child's devices run without mains power: internal + external + spare, null while none is known.
     * Kept by the database (a generated column); the outage list ranks by it minus the hours since the outage.
     */
    batteryHoursTotal: numeric('battery_hours_total', {
      precision: 6,
      scale: 1,
      mode: 'number',
    }).generatedAlwaysAs(
      sql`CASE WHEN internal_battery_hours IS NULL AND external_battery_hours IS NULL AND spare_battery_hours IS NULL
          THEN NULL ELSE coalesce(internal_battery_hours, 0) + coalesce(external_battery_hours, 0)
          + coalesce(spare_battery_hours, 0) END`,
    ),
    chargers: text('chargers'),
    /** Back-up power the household has; empty while unknown, ['none'] when it has none. */
    backupPower: text('backup_power').array().$type<BackupPowerKind[]>().notNull().default(sql`'{}'::text[]`),
    /** Whether the 日常生活用具 subsidy paid for the back-up power. */
    backupSubsidised: boolean('backup_subsidised'),
    oxygenSupplier: text('oxygen_supplier'),
    electricityCompany: text('electricity_company'),
    /** Pre-registered with the electricity company as a household using medical devices. */
    electricityRegistered: boolean('electricity_registered'),
    electricityRegisteredOn: date('electricity_registered_on'),
    /** On the municipality's 避難行動要支援者名簿 (災害対策基本法 49条の10), as the municipality reports it. */
    onMeibo: boolean('on_meibo'),
    /** The individual evacuation plan (49条の14) as the municipality reports it. */
    planStatus: text('plan_status').$type<PlanStatus>().notNull().default('none'),
    planReviewedOn: date('plan_reviewed_on'),
    /** Who recorded the plan's status last, and when (municipal staff record it back). */
    planRecordedBy: uuid('plan_recorded_by').references(() => users.id),
    planRecordedRole: text('plan_recorded_role'),
    planRecordedAt: timestamp('plan_recorded_at', { withTimezone: true }),
    evacuation: text('evacuation').$type<EvacuationIntent>(),
    evacuationNote: text('evacuation_note'),
    meisRegistered: boolean('meis_registered'),
    drillDates: date('drill_dates').array().notNull().default(sql`'{}'::date[]`),
    note: text('note'),
    /** The emergency sheet (MEIS 救急サマリー headings), and the family's confirmation of it. */
    sheet: jsonb('sheet').$type<EmergencySheet>().notNull().default(sql`'{}'::jsonb`),
    sheetConfirmedOn: date('sheet_confirmed_on'),
    /** Which family member confirmed the sheet (as they gave their name). */
    sheetConfirmedBy: text('sheet_confirmed_by'),
    sheetConfirmRecordedBy: uuid('sheet_confirm_recorded_by').references(() => users.id),
    sheetConfirmRecordedAt: timestamp('sheet_confirm_recorded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('child_disaster_profiles_battery_idx').on(t.prefectureCode, t.batteryHoursTotal),
    check(
      'child_disaster_profiles_plan_ck',
      sql`${t.planStatus} IN ('none', 'drafting', 'agreed', 'reviewed')
          AND (${t.planStatus} <> 'reviewed' OR ${t.planReviewedOn} IS NOT NULL)`,
    ),
    check(
      'child_disaster_profiles_hours_ck',
      sql`coalesce(${t.internalBatteryHours}, 0) BETWEEN 0 AND 72
          AND coalesce(${t.externalBatteryHours}, 0) BETWEEN 0 AND 168
          AND coalesce(${t.spareBatteryHours}, 0) BETWEEN 0 AND 168
          AND coalesce(${t.powerDrawWatts}, 0) BETWEEN 0 AND 3000
          AND coalesce(${t.spareBatteries}, 0) BETWEEN 0 AND 50`,
    ),
  ],
);

/** Who to call in an emergency besides the guardians (主治医, visiting nurse, device vendor …), in order. */
export const childDisasterContacts = pgTable(
  'child_disaster_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    kind: text('kind').$type<DisasterContactKind>().notNull(),
    name: text('name'),
    organisation: text('organisation'),
    phone: text('phone'),
    note: text('note'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('child_disaster_contacts_child_idx').on(t.childId, t.position)],
);

/**
 * Whether the guardian's current decision on `disaster_planning` is a grant: kept by a trigger on child_consents
 * (migration 0045; the newest decision by decision date, then by when it was recorded; a withdrawn newest decision
 * is no consent), never written by the application. A child without a row has no consent.
 */
export const childDisasterConsents = pgTable('child_disaster_consents', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => children.id),
  granted: boolean('granted').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every change to a disaster profile: who (in which role), when, what (field → [before, after]), the version. */
export const childDisasterHistory = pgTable(
  'child_disaster_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    role: text('role').notNull(),
    action: text('action').$type<DisasterHistoryAction>().notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('child_disaster_history_child_idx').on(t.childId, t.at)],
);

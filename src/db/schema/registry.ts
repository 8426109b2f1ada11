import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AffiliationKind,
  CareTeamRole,
  ChildStatus,
  ConsentMethod,
  ConsentPurpose,
  DeviceKind,
  HandbookKind,
  RegistrationStatus,
  Sex,
} from '../../shared/vocab/registry';
import type { SystemText } from '../../shared/vocab/system-text';
import { municipalities, organisations, people, prefectures } from './network';

export type { ChildStatus, ConsentPurpose, DeviceKind, RegistrationStatus, Sex };

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
    /** Street address within the municipality (the municipality itself is municipality_code). */
    address: text('address'),
    status: text('status').$type<ChildStatus>().notNull().default('at_home'),
    statusSince: date('status_since'),
    /** Living situation in the family's words (who cares for the child, siblings, housing …). */
    livingSituation: text('living_situation'),
    /** Computed from child_care_items by src/shared/care-score.ts, never typed in. */
    careScore: integer('care_score'),
    careTier: integer('care_tier'),
    /** Match keys for variant-tolerant search (src/shared/names.ts); the stored names are never rewritten. */
    nameKey: text('name_key').notNull().default(''),
    kanaKey: text('kana_key').notNull().default(''),
    /**
     * Whether the guardian's current decision on sharing with the municipality is a grant: kept by a trigger on
     * child_consents (migration 0025), never written by the application; read by registry/scope.ts.
     */
    shareMunicipalityGranted: boolean('share_municipality_granted').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Migration 0052 also keeps extended statistics (children_place_stats: a municipality lies in one prefecture),
  // which Drizzle cannot declare.
  (t) => [
    index('children_scope_idx').on(t.prefectureCode, t.municipalityCode, t.familyKana),
    index('children_kana_trgm_idx').using('gin', sql`(${t.familyKana} || ${t.givenKana}) gin_trgm_ops`),
    index('children_kana_key_trgm_idx').using('gin', sql`${t.kanaKey} gin_trgm_ops`),
    index('children_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('children_birth_date_idx').on(t.prefectureCode, t.birthDate),
    index('children_withheld_idx')
      .on(t.prefectureCode, t.municipalityCode)
      .where(sql`not ${t.shareMunicipalityGranted}`),
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
    kind: text('kind').$type<AffiliationKind>().notNull(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    /** e.g. 小学部2年, 年中 — as the school or nursery writes it. */
    detail: text('detail'),
  },
  (t) => [
    index('child_affiliations_org_idx').on(t.organisationId),
    index('child_affiliations_child_idx').on(t.childId),
  ],
);

const childId = () =>
  uuid('child_id')
    .notNull()
    .references(() => children.id);
const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Parents and other guardians, with how to reach them. */
export const childGuardians = pgTable(
  'child_guardians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyKana: text('family_kana'),
    givenKana: text('given_kana'),
    relationship: text('relationship').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: created(),
  },
  (t) => [index('child_guardians_child_idx').on(t.childId)],
);

/** Diagnoses: free text with an optional ICD-10 code. */
export const childDiagnoses = pgTable(
  'child_diagnoses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    name: text('name').notNull(),
    icd10: text('icd10'),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [index('child_diagnoses_child_idx').on(t.childId)],
);

/** Attending hospitals and physicians. */
export const childPhysicians = pgTable(
  'child_physicians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    hospitalName: text('hospital_name').notNull(),
    department: text('department'),
    physicianName: text('physician_name'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: created(),
  },
  (t) => [index('child_physicians_child_idx').on(t.childId)],
);

export type WatchLevel = 'high' | 'mid' | 'low';

/** Care items (the official kinds of care-items.json) with the watch level the doctor judged. */
export const childCareItems = pgTable(
  'child_care_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    code: text('code').notNull(),
    watch: text('watch').$type<WatchLevel>().notNull().default('low'),
    judgedOn: date('judged_on'),
    judgedBy: text('judged_by'),
    note: text('note'),
    /** A note the system wrote (e.g. from a registration), as a code with parameters (vocab/system-text.ts). */
    systemNote: jsonb('system_note').$type<SystemText>(),
    createdAt: created(),
  },
  (t) => [index('child_care_items_child_idx').on(t.childId), index('child_care_items_code_idx').on(t.code)],
);

/** Medical devices, and what they need when the power fails (disaster planning reads this). */
export const childDevices = pgTable(
  'child_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    kind: text('kind').$type<DeviceKind>().notNull(),
    name: text('name'),
    needsMains: boolean('needs_mains').notNull().default(false),
    batteryHours: numeric('battery_hours', { precision: 5, scale: 1, mode: 'number' }),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [
    index('child_devices_child_idx').on(t.childId),
    index('child_devices_kind_idx').on(t.kind),
    // The outage list reads each child's mains devices from this index alone (migration 0052).
    index('child_devices_mains_idx').on(t.childId, t.batteryHours).where(sql`${t.needsMains}`),
  ],
);

/**
 * The child's care team (NA-2): people of the network around the child, each with a part; one may be the
 * key coordinator (at most one per child).
 */
export const childCareTeam = pgTable(
  'child_care_team',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<CareTeamRole>().notNull(),
    isKeyCoordinator: boolean('is_key_coordinator').notNull().default(false),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('child_care_team_person_uq').on(t.childId, t.personId),
    uniqueIndex('child_care_team_key_uq').on(t.childId).where(sql`is_key_coordinator`),
    index('child_care_team_person_idx').on(t.personId),
  ],
);

/** Disability handbooks (身体・療育・精神). */
export const childHandbooks = pgTable(
  'child_handbooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    kind: text('kind').$type<HandbookKind>().notNull(),
    grade: text('grade'),
    issuedOn: date('issued_on'),
    createdAt: created(),
  },
  (t) => [index('child_handbooks_child_idx').on(t.childId)],
);

/** What the guardian agreed to, when and how; a withdrawal ends it (a new decision is a new row). */
export const childConsents = pgTable(
  'child_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    granted: boolean('granted').notNull(),
    decidedOn: date('decided_on').notNull(),
    method: text('method').$type<ConsentMethod>().notNull(),
    withdrawnOn: date('withdrawn_on'),
    recordedBy: uuid('recorded_by'),
    note: text('note'),
    /** A note the system wrote (the registration it came from), as a code with parameters. */
    systemNote: jsonb('system_note').$type<SystemText>(),
    createdAt: created(),
  },
  (t) => [index('child_consents_child_idx').on(t.childId, t.purpose)],
);

/** Residence over time: a move closes one row and opens another; children.municipality_code is the current one. */
export const childResidences = pgTable(
  'child_residences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: childId(),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    address: text('address'),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    createdAt: created(),
  },
  (t) => [
    index('child_residences_child_idx').on(t.childId),
    index('child_residences_municipality_idx').on(t.municipalityCode, t.toDate),
  ],
);

/** Every change to a child record: who, when, what (field → [before, after]), and the version it produced. */
export const childHistory = pgTable(
  'child_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    childId: childId(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('child_history_child_idx').on(t.childId, t.at)],
);

/** A registration sent through the public form (KA-2), waiting in the review queue. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    receiptNo: text('receipt_no').notNull(),
    status: text('status').$type<RegistrationStatus>().notNull().default('pending'),
    submitterKind: text('submitter_kind').$type<'family' | 'hospital'>().notNull(),
    municipalityCode: char('municipality_code', { length: 6 })
      .notNull()
      .references(() => municipalities.code),
    familyKana: text('family_kana').notNull(),
    givenKana: text('given_kana').notNull(),
    birthDate: date('birth_date').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    childId: uuid('child_id').references(() => children.id),
    reviewNote: text('review_note'),
  },
  (t) => [
    uniqueIndex('registrations_receipt_uq').on(t.receiptNo),
    index('registrations_queue_idx').on(t.prefectureCode, t.status, t.submittedAt),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ActionKind,
  AskerKind,
  Channel,
  MunicipalDivision,
  Outcome,
  Tier,
  Topic,
  Urgency,
} from '../../shared/vocab/consultations';
import type { SystemText } from '../../shared/vocab/system-text';
import { users } from './accounts';
import { centres, organisations, people, prefectures, regions } from './network';
import { children } from './registry';

/**
 * A team that owns or shares consultations. Tier teams are derived from the network and created lazily
 * (modules/consultations/teams.ts): one per municipality, one per region (regional coordinators), one per
 * branch (centre staff of a branch, tier 'region'), one centre (HQ) team per prefecture. Supervise teams
 * (ME-2) are named groups of people formed by a branch or the HQ; their members are rows of `people`.
 */
export const consultationTeams = pgTable(
  'consultation_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<'tier' | 'supervise'>().notNull(),
    tier: text('tier').$type<Tier>().notNull(),
    municipalityCode: char('municipality_code', { length: 6 }),
    regionId: uuid('region_id').references(() => regions.id),
    centreId: uuid('centre_id').references(() => centres.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Supervise teams are edited under optimistic locking (tier teams follow the network and never change). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** A deactivated supervise team takes no new requests; what it was already asked stays with its members. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [
    index('consultation_teams_prefecture_idx').on(t.prefectureCode, t.kind),
    uniqueIndex('consultation_teams_municipality_uq')
      .on(t.municipalityCode)
      .where(sql`kind = 'tier' and tier = 'municipality'`),
    uniqueIndex('consultation_teams_region_uq').on(t.regionId).where(sql`kind = 'tier' and tier = 'region'`),
    uniqueIndex('consultation_teams_branch_uq').on(t.centreId).where(sql`kind = 'tier' and tier = 'region'`),
    uniqueIndex('consultation_teams_centre_uq')
      .on(t.prefectureCode)
      .where(sql`kind = 'tier' and tier = 'centre'`),
  ],
);

/** Members of a supervise team (people of the network; a user linked to the person acts for the team). */
export const consultationTeamMembers = pgTable(
  'consultation_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => consultationTeams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.personId] }),
    index('consultation_team_members_person_idx').on(t.personId),
  ],
);

/** Per-prefecture settings of the consultation module (the MI-8 concentration rule). */
export const consultationSettings = pgTable('consultation_settings', {
  prefectureCode: char('prefecture_code', { length: 2 })
    .primaryKey()
    .references(() => prefectures.code),
  topShare: real('top_share').notNull(),
  maxShare: real('max_share').notNull(),
  minCases: integer('min_cases').notNull(),
  /** A public request nobody has touched for this many working days is escalated (migration 0042). */
  escalateAfterWorkingDays: integer('escalate_after_working_days').notNull().default(3),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ConsultationChildKind = 'registered' | 'unregistered' | 'anonymous';

/** A consultation (相談): who asked, how, about which child, the topics, and which team owns it now. */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    /**
     * The case number: 年度 of the opening day and a serial within the prefecture and 年度 (shown as R8-0123,
     * shared/case-number.ts). Given by the trigger `consultation_case_number` in the inserting transaction
     * (migration 0020) and never changed; an insert leaves both to it.
     */
    caseNendo: integer('case_nendo')
      .notNull()
      .$defaultFn(() => sql`null`),
    caseSerial: integer('case_serial')
      .notNull()
      .$defaultFn(() => sql`null`),
    /** A one-line subject (件名), required at intake. */
    subject: text('subject').notNull(),
    ownerTeamId: uuid('owner_team_id')
      .notNull()
      .references(() => consultationTeams.id),
    ownerTier: text('owner_tier').$type<Tier>().notNull(),
    /** The team that took the consultation in, and its tier (first contact, KU-7). */
    firstTeamId: uuid('first_team_id')
      .notNull()
      .references(() => consultationTeams.id),
    firstTier: text('first_tier').$type<Tier>().notNull(),
    /** The municipality the consultation concerns (the child's, or the asker's). */
    municipalityCode: char('municipality_code', { length: 6 }).notNull(),
    askerKind: text('asker_kind').$type<AskerKind>().notNull(),
    askerDivision: text('asker_division').$type<MunicipalDivision>(),
    /** Name and contact of the asker (personal data, shown only within the case's scope). */
    askerContact: text('asker_contact'),
    /** The address a family left on the public form, and the form's language: acknowledgement and replies (0047). */
    askerEmail: text('asker_email'),
    askerLocale: text('asker_locale').$type<'ja' | 'en'>(),
    /** The organisation of the network that asked, when it is one (training follow-up figures, migration 0027). */
    askerOrganisationId: uuid('asker_organisation_id').references(() => organisations.id),
    channel: text('channel').$type<Channel>().notNull(),
    childKind: text('child_kind').$type<ConsultationChildKind>().notNull(),
    childId: uuid('child_id').references(() => children.id),
    /** An unregistered child in the asker's words (age, care, …). */
    childDescription: text('child_description'),
    topics: text('topics').array().$type<Topic[]>().notNull(),
    urgency: text('urgency').$type<Urgency>().notNull(),
    narrative: text('narrative').notNull(),
    /** Normalised narrative (NFKC, hiragana, lower case) for trigram similarity (the hub, KU-4). */
    searchText: text('search_text').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** The day it was opened in Japan: 年度 and month figures. */
    openedOn: date('opened_on').notNull(),
    nextActionOn: date('next_action_on'),
    /** What is to be done next, in a line (次の対応), beside its date. */
    nextAction: text('next_action'),
    /** The earliest of the next-action date and open referral follow-ups: overdue when before today. */
    dueOn: date('due_on'),
    assignedUserId: uuid('assigned_user_id').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedOn: date('closed_on'),
    outcome: text('outcome').$type<Outcome>(),
    closingNote: text('closing_note'),
    resolvedTeamId: uuid('resolved_team_id').references(() => consultationTeams.id),
    resolvedTier: text('resolved_tier').$type<Tier>(),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id),
    source: text('source').$type<'staff' | 'public_form'>().notNull().default('staff'),
    receiptNo: text('receipt_no'),
    /**
     * Why a public request is with a team other than its municipality's (no active staff there; escalated after
     * going unanswered), as a system text with parameters (migration 0042). Null when it went where it was sent.
     */
    routingReason: jsonb('routing_reason').$type<SystemText>(),
    /** When the escalation job moved an unanswered public request on (null: never escalated). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Team queues: open cases of a team, newest first (the bench's filtered queue).
    // The prefecture is a key too: the scope always adds it, and with it the planner takes this one index
    // instead of AND-ing two bitmaps (measured at 1,000,000 consultations, bench/consultations.bench.ts).
    index('consultations_owner_open_idx')
      .on(t.ownerTeamId, t.prefectureCode, t.openedAt)
      .where(sql`closed_at is null`),
    index('consultations_owner_idx').on(t.ownerTeamId, t.openedOn),
    index('consultations_assigned_idx').on(t.assignedUserId, t.dueOn).where(sql`closed_at is null`),
    index('consultations_due_idx').on(t.prefectureCode, t.dueOn).where(sql`closed_at is null`),
    // 年度 figures and prefecture-wide lists; the grouped columns are keys so the counts scan the index only.
    index('consultations_prefecture_opened_idx').on(
      t.prefectureCode,
      t.openedOn,
      t.firstTier,
      t.resolvedTier,
      t.askerKind,
      t.municipalityCode,
    ),
    index('consultations_child_idx').on(t.childId),
    index('consultations_asker_organisation_idx')
      .on(t.askerOrganisationId, t.openedOn)
      .where(sql`asker_organisation_id is not null`),
    uniqueIndex('consultations_receipt_uq').on(t.receiptNo),
    uniqueIndex('consultations_case_number_uq').on(t.prefectureCode, t.caseNendo, t.caseSerial),
    index('consultations_unanswered_idx')
      .on(t.prefectureCode, t.openedOn)
      .where(sql`source = 'public_form' AND closed_at IS NULL AND escalated_at IS NULL`),
    index('consultations_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** The last serial given per prefecture and 年度 (kept by the `consultation_case_number` trigger). */
export const consultationCaseCounters = pgTable(
  'consultation_case_counters',
  {
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    nendo: integer('nendo').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ name: 'consultation_case_counters_pk', columns: [t.prefectureCode, t.nendo] })],
);

export type HandoffKindDb = 'handoff' | 'backup' | 'supervise';
export type HandoffStatusDb = 'requested' | 'accepted' | 'declined' | 'withdrawn';

/** Hand-offs (移管), back-up (後方支援) and supervise-team requests: records with a status machine. */
export const consultationHandoffs = pgTable(
  'consultation_handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    kind: text('kind').$type<HandoffKindDb>().notNull(),
    fromTeamId: uuid('from_team_id')
      .notNull()
      .references(() => consultationTeams.id),
    toTeamId: uuid('to_team_id')
      .notNull()
      .references(() => consultationTeams.id),
    status: text('status').$type<HandoffStatusDb>().notNull(),
    reason: text('reason'),
    /** A reason the system gave (e.g. the back-up kept after a hand-off), as a code with parameters. */
    systemReason: jsonb('system_reason').$type<SystemText>(),
    /** A hand-off that keeps the handing team as back-up once accepted (MI-1: the centre stays as back-up). */
    keepAsBackup: boolean('keep_as_backup').notNull().default(false),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('consultation_handoffs_consultation_idx').on(t.consultationId),
    // Two teams must never both expect to own a case: one pending hand-off per consultation.
    uniqueIndex('consultation_handoffs_pending_uq')
      .on(t.consultationId)
      .where(sql`kind = 'handoff' and status = 'requested'`),
    index('consultation_handoffs_to_idx').on(t.toTeamId, t.status),
    index('consultation_handoffs_prefecture_idx').on(t.prefectureCode, t.decidedAt),
  ],
);

/** The timeline of work on a case. A referral carries a follow-up date the overdue lists enforce. */
export const consultationActions = pgTable(
  'consultation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    kind: text('kind').$type<ActionKind>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    minutes: integer('minutes'),
    note: text('note'),
    byUserId: uuid('by_user_id'),
    teamId: uuid('team_id'),
    /** A resource of the directory (modules/resources), once it exists; the free text until then. */
    resourceId: uuid('resource_id'),
    resourceText: text('resource_text'),
    followUpOn: date('follow_up_on'),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultation_actions_consultation_idx').on(t.consultationId, t.at),
    index('consultation_actions_follow_up_idx').on(t.followUpOn).where(sql`follow_up_done_at is null`),
  ],
);

/** Every change to a consultation: who, when, what (field → [before, after]) and the version it produced. */
export const consultationHistory = pgTable(
  'consultation_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('consultation_history_consultation_idx').on(t.consultationId, t.version)],
);

import { sql } from 'drizzle-orm';
import {
  bigserial,
  char,
  check,
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
import type {
  IssueEventKind,
  IssueLevel,
  IssueOutcome,
  IssueSourceKind,
  IssueStatus,
  ProjectKind,
  ProjectStage,
  ProjectStatus,
} from '../../shared/vocab/regional-issues';
import { users } from './accounts';
import { consultations } from './consultations';
import { municipalities, organisations, prefectures, regions } from './network';
import { resourceServices } from './resources';

/**
 * A regional issue (地域課題, NA-1, KA-4; migration 0032, decision 0023): a trouble raised in a region (from a
 * consultation, a hearing, a meeting, a bottleneck, or on its own), carried up to the prefectural council, proposed
 * to the prefecture and answered. Its area is a region and optionally one of its municipalities; the source is
 * another module's record named by kind and id, without a foreign key.
 */
export const regionalIssues = pgTable(
  'regional_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    /** The number: 年度 of the raising day and a serial within the prefecture and 年度. */
    nendo: integer('nendo').notNull(),
    serial: integer('serial').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    municipalityCode: char('municipality_code', { length: 6 }).references(() => municipalities.code),
    careItem: text('care_item'),
    sourceKind: text('source_kind').$type<IssueSourceKind>(),
    sourceId: uuid('source_id'),
    level: text('level').$type<IssueLevel>().notNull().default('region'),
    status: text('status').$type<IssueStatus>().notNull().default('open'),
    outcome: text('outcome').$type<IssueOutcome>(),
    councilOn: date('council_on'),
    proposalText: text('proposal_text'),
    proposedOn: date('proposed_on'),
    answerText: text('answer_text'),
    answeredOn: date('answered_on'),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedOn: date('raised_on').notNull(),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('regional_issues_number_uq').on(t.prefectureCode, t.nendo, t.serial),
    index('regional_issues_area_idx').on(t.prefectureCode, t.regionId, t.status),
    index('regional_issues_municipality_idx').on(t.municipalityCode),
    check('regional_issues_source_ck', sql`(${t.sourceKind} is null) = (${t.sourceId} is null)`),
    check(
      'regional_issues_level_ck',
      sql`${t.level} in ('region', 'prefecture_council', 'proposal', 'answered')`,
    ),
    check(
      'regional_issues_closed_ck',
      sql`(${t.status} = 'closed') = (${t.outcome} is not null and ${t.closedOn} is not null)`,
    ),
  ],
);

/** The history of an issue: every move, answer, end and change, with who and when. */
export const regionalIssueEvents = pgTable(
  'regional_issue_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Orders the entries of one request, which share their instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => regionalIssues.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    byRole: text('by_role').notNull(),
    kind: text('kind').$type<IssueEventKind>().notNull(),
    fromLevel: text('from_level').$type<IssueLevel>(),
    toLevel: text('to_level').$type<IssueLevel>(),
    /** A reason, the answer's or proposal's text, or the consultation or project concerned (by id). */
    note: text('note'),
    refId: uuid('ref_id'),
  },
  (t) => [index('regional_issue_events_issue_idx').on(t.issueId, t.at)],
);

/** The consultations gathered as an issue's evidence. */
export const regionalIssueConsultations = pgTable(
  'regional_issue_consultations',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => regionalIssues.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    linkedBy: uuid('linked_by')
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'regional_issue_consultations_pk', columns: [t.issueId, t.consultationId] }),
    index('regional_issue_consultations_consultation_idx').on(t.consultationId),
  ],
);

/**
 * A resource-development project (社会資源の開発, KA-3, KA-4): its kind, area, operator, the date of each stage
 * reached (operator advised → paperwork → designated → opened), the directory listing once open, and the issue it
 * came from.
 */
export const developmentProjects = pgTable(
  'development_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<ProjectKind>().notNull(),
    title: text('title').notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    municipalityCode: char('municipality_code', { length: 6 }).references(() => municipalities.code),
    operatorOrganisationId: uuid('operator_organisation_id').references(() => organisations.id),
    operatorName: text('operator_name'),
    stage: text('stage').$type<ProjectStage>().notNull(),
    advisedOn: date('advised_on'),
    paperworkOn: date('paperwork_on'),
    designatedOn: date('designated_on'),
    openedOn: date('opened_on'),
    /** Places opened (beds, seats, nurses placed). */
    places: integer('places'),
    resourceServiceId: uuid('resource_service_id').references(() => resourceServices.id),
    issueId: uuid('issue_id').references(() => regionalIssues.id),
    status: text('status').$type<ProjectStatus>().notNull().default('active'),
    stoppedOn: date('stopped_on'),
    note: text('note'),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('development_projects_area_idx').on(t.prefectureCode, t.regionId),
    index('development_projects_opened_idx').on(t.prefectureCode, t.openedOn),
    index('development_projects_issue_idx').on(t.issueId),
    check(
      'development_projects_stage_ck',
      sql`${t.stage} in ('operator_advised', 'paperwork', 'designated', 'opened')`,
    ),
    check('development_projects_opened_ck', sql`(${t.stage} = 'opened') = (${t.openedOn} is not null)`),
  ],
);

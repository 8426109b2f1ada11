import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CourseKind } from '../../shared/vocab/learning';
import type {
  RequestEntryKind,
  RequesterKind,
  RequestSide,
  RequestSource,
  RequestStatus,
} from '../../shared/vocab/learning-requests';
import { users } from './accounts';
import { trainingSessions } from './learning';
import { centres, municipalities, organisations, prefectures, regions } from './network';
import { children } from './registry';
import { resourceOrganizations } from './resources';

/**
 * A training request (研修の依頼, MI-6; migration 0026): who asks (an organisation of the network or a
 * municipality), the contact, what they ask for and why; the need once written down, the session it led to,
 * and its state. Owned like sessions (a branch, a region, or the HQ when both are null). A request started
 * from a child's first entry (KU-3) keeps the child and the transition; one offered to a newly opened provider
 * keeps the directory's provider.
 */
export const trainingRequests = pgTable(
  'training_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    requesterKind: text('requester_kind').$type<RequesterKind>().notNull(),
    requesterOrganisationId: uuid('requester_organisation_id').references(() => organisations.id),
    requesterMunicipalityCode: char('requester_municipality_code', { length: 6 }).references(
      () => municipalities.code,
    ),
    /** The requester as written (an organisation not yet in the network, or the department of a municipality). */
    requesterName: text('requester_name').notNull(),
    contactName: text('contact_name'),
    contactDetail: text('contact_detail'),
    courseKind: text('course_kind').$type<CourseKind>().notNull().default('made_to_order'),
    askedFor: text('asked_for').notNull(),
    reason: text('reason').notNull(),
    need: text('need'),
    needWrittenAt: timestamp('need_written_at', { withTimezone: true }),
    status: text('status').$type<RequestStatus>().notNull().default('received'),
    ownerCentreId: uuid('owner_centre_id').references(() => centres.id),
    ownerRegionId: uuid('owner_region_id').references(() => regions.id),
    handlerUserId: uuid('handler_user_id').references(() => users.id),
    sessionId: uuid('session_id').references(() => trainingSessions.id),
    source: text('source').$type<RequestSource>().notNull().default('direct'),
    sourceChildId: uuid('source_child_id').references(() => children.id),
    sourceNendo: smallint('source_nendo'),
    sourceTransitionKind: text('source_transition_kind'),
    sourceResourceOrganizationId: uuid('source_resource_organization_id').references(
      () => resourceOrganizations.id,
    ),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_requests_queue_idx').on(t.prefectureCode, t.status, t.createdAt),
    index('training_requests_organisation_idx').on(t.requesterOrganisationId),
    index('training_requests_municipality_idx').on(t.requesterMunicipalityCode),
    index('training_requests_child_idx').on(t.sourceChildId, t.sourceNendo),
    index('training_requests_resource_idx').on(t.sourceResourceOrganizationId),
    check('training_requests_one_owner', sql`owner_centre_id is null or owner_region_id is null`),
  ],
);

/** The dialogue of a request: dated entries by whom (messages, and the steps taken). */
export const trainingRequestEntries = pgTable(
  'training_request_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => trainingRequests.id),
    /** 1, 2, … within the request (entries written in one instant keep their order). */
    seq: integer('seq').notNull(),
    kind: text('kind').$type<RequestEntryKind>().notNull(),
    side: text('side').$type<RequestSide>().notNull(),
    body: text('body'),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_request_entries_request_seq_uq').on(t.requestId, t.seq)],
);

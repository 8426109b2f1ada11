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
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ApplicationStatus,
  CourseKind,
  CoursePartKind,
  DeliveryMode,
  Profession,
  ProfessionGroup,
  SessionStatus,
} from '../../shared/vocab/learning';
import { users } from './accounts';
import { centres, organisations, prefectures, regions } from './network';

/**
 * 研修・人材育成 (learning, decision 0020). A course is what is taught (its kind, parts and completion rule); a
 * session is one run of it (dates, place, capacity, application window). Courses and sessions are owned by the
 * prefecture's HQ (both owner columns null), a branch (owner_centre_id) or a region (owner_region_id); who
 * manages which is decided in modules/learning/scope.ts. Learners are users with the `learner` role.
 */

/** A learner's profile: profession (grouped medical / welfare), workplace and municipality. */
export const learnerProfiles = pgTable(
  'learner_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    profession: text('profession').$type<Profession>().notNull(),
    /** The workplace as an organisation of the network, or as free text when it is not one. */
    workplaceOrganisationId: uuid('workplace_organisation_id').references(() => organisations.id),
    workplaceName: text('workplace_name'),
    municipalityCode: char('municipality_code', { length: 6 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learner_profiles_prefecture_idx').on(t.prefectureCode, t.profession)],
);

/** A training course (研修): its kind, owner and completion rule. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<CourseKind>().notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** The owning branch, or region, or neither: the prefecture's HQ. */
    ownerCentreId: uuid('owner_centre_id').references(() => centres.id),
    ownerRegionId: uuid('owner_region_id').references(() => regions.id),
    completionRequiresAllDays: boolean('completion_requires_all_days').notNull().default(true),
    completionRequiresAllLessons: boolean('completion_requires_all_lessons').notNull().default(true),
    completionRequiresAssignment: boolean('completion_requires_assignment').notNull().default(false),
    /** Shown in the public catalogue (its open and upcoming sessions). */
    isPublic: boolean('is_public').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('training_courses_prefecture_idx').on(t.prefectureCode, t.kind),
    index('training_courses_owner_centre_idx').on(t.ownerCentreId),
    index('training_courses_owner_region_idx').on(t.ownerRegionId),
    check('training_courses_one_owner', sql`${t.ownerCentreId} is null or ${t.ownerRegionId} is null`),
  ],
);

/** The parts of a course, in order: days, e-learning lessons, an assignment. */
export const trainingCourseParts = pgTable(
  'training_course_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<CoursePartKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A lesson's length, or a day's planned hours; null when not known. */
    durationSeconds: integer('duration_seconds'),
  },
  (t) => [uniqueIndex('training_course_parts_course_seq_uq').on(t.courseId, t.seq)],
);

/** One run of a course: dates, place or online, capacity, application window, co-hosts, operator. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    /** The session's owner (copied from the course when created; may differ, e.g. a branch's run of an HQ course). */
    ownerCentreId: uuid('owner_centre_id').references(() => centres.id),
    ownerRegionId: uuid('owner_region_id').references(() => regions.id),
    title: text('title').notNull(),
    delivery: text('delivery').$type<DeliveryMode>().notNull(),
    /** The venue (and its address) or the online meeting's description; never a meeting link's secret. */
    place: text('place').notNull().default(''),
    capacity: integer('capacity'),
    applicationsOpenAt: timestamp('applications_open_at', { withTimezone: true }),
    applicationsCloseAt: timestamp('applications_close_at', { withTimezone: true }),
    /** Co-hosts (共催: 医師会, 看護協会 …). */
    coHosts: text('co_hosts').array().notNull().default(sql`'{}'::text[]`),
    /** The organisation running the session when the course is outsourced (委託先). */
    operatorName: text('operator_name'),
    status: text('status').$type<SessionStatus>().notNull().default('draft'),
    /** The seed of the selection's tie-breaking order (reproducible selection, MI-5). */
    selectionSeed: text('selection_seed'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_course_idx').on(t.courseId),
    index('training_sessions_prefecture_idx').on(t.prefectureCode, t.status),
    index('training_sessions_owner_centre_idx').on(t.ownerCentreId),
    index('training_sessions_owner_region_idx').on(t.ownerRegionId),
    check('training_sessions_one_owner', sql`${t.ownerCentreId} is null or ${t.ownerRegionId} is null`),
    check('training_sessions_capacity', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

/** The days of a session, in order (a day may stand for a part of the course). */
export const trainingSessionDays = pgTable(
  'training_session_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    seq: integer('seq').notNull(),
    heldOn: date('held_on').notNull(),
    startsAt: time('starts_at'),
    endsAt: time('ends_at'),
    partId: uuid('part_id').references(() => trainingCourseParts.id),
  },
  (t) => [
    uniqueIndex('training_session_days_session_seq_uq').on(t.sessionId, t.seq),
    index('training_session_days_held_on_idx').on(t.heldOn),
  ],
);

/** An application to a session, with what selection balances on (profession group, region) and its outcome. */
export const trainingApplications = pgTable(
  'training_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    learnerUserId: uuid('learner_user_id')
      .notNull()
      .references(() => users.id),
    profession: text('profession').$type<Profession>().notNull(),
    professionGroup: text('profession_group').$type<ProfessionGroup>().notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    municipalityCode: char('municipality_code', { length: 6 }),
    workplace: text('workplace').notNull().default(''),
    preSurvey: jsonb('pre_survey').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<ApplicationStatus>().notNull().default('applied'),
    waitRank: integer('wait_rank'),
    /** Why selection decided as it did (a code of the selection rule). */
    decisionReason: text('decision_reason'),
    /** Staff's reason when they overrode the rule for this seat. */
    overrideReason: text('override_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** When the reminder before the session was mailed (once per application; migration 0047). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_applications_session_learner_uq').on(t.sessionId, t.learnerUserId),
    index('training_applications_session_status_idx').on(t.sessionId, t.status),
    index('training_applications_learner_idx').on(t.learnerUserId),
  ],
);

/** Attendance per day of a session. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionDayId: uuid('session_day_id')
      .notNull()
      .references(() => trainingSessionDays.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trainingApplications.id),
    present: boolean('present').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionDayId, t.applicationId] }),
    index('training_attendance_application_idx').on(t.applicationId),
  ],
);

/** A learner's assignment for a session (one per application). */
export const trainingAssignmentSubmissions = pgTable('training_assignment_submissions', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => trainingApplications.id),
  body: text('body').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  acceptedBy: uuid('accepted_by').references(() => users.id),
});

/** A completion (修了) with its certificate's serial. */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    /** null for a course completed on its own (e-learning without a session). */
    sessionId: uuid('session_id').references(() => trainingSessions.id),
    learnerUserId: uuid('learner_user_id')
      .notNull()
      .references(() => users.id),
    completedOn: date('completed_on').notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('training_completions_serial_uq').on(t.certificateSerial),
    uniqueIndex('training_completions_session_learner_uq')
      .on(t.courseId, t.sessionId, t.learnerUserId)
      .where(sql`session_id is not null`),
    /** A course completed without a session (e-learning on its own) has one completion per learner. */
    uniqueIndex('training_completions_course_learner_uq')
      .on(t.courseId, t.learnerUserId)
      .where(sql`session_id is null`),
    index('training_completions_learner_idx').on(t.learnerUserId),
    index('training_completions_prefecture_idx').on(t.prefectureCode, t.completedOn),
  ],
);

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
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SurveyAnswers, SurveyDefinition } from '../../shared/survey';
import type { Acceptance } from '../../shared/vocab/resources';
import type { SurveyAudience, SurveyChannel, SurveyStatus } from '../../shared/vocab/surveys';
import { users } from './accounts';
import { prefectures, regions } from './network';
import { resourceServices } from './resources';

/**
 * Surveys (アンケート; docs/knowledge.md §5, decision 0027). A survey belongs to its prefecture's centre; its
 * questions are a JSON definition checked by shared/survey.ts. The open link's token is kept as it is (it is
 * printed on letters and posters); personal links keep only the SHA-256 of theirs.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    audience: text('audience').$type<SurveyAudience>().notNull(),
    /** No answer is ever linked to a person, an invitation or an exact time (decision 0027). */
    anonymous: boolean('anonymous').notNull(),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
    /** Whether anyone with the open link (or its QR code) may answer; personal links work either way. */
    openLink: boolean('open_link').notNull().default(true),
    openToken: text('open_token').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('surveys_open_token_key').on(t.openToken),
    index('surveys_prefecture_idx').on(t.prefectureCode, t.status),
    check('surveys_status_check', sql`${t.status} in ('draft', 'open', 'closed')`),
  ],
);

/**
 * One person (or organisation) asked by a personal link. `answered` is a flag without a time for every survey,
 * so nothing about when it was set can be matched with an anonymous answer's day.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    name: text('name').notNull(),
    municipalityCode: char('municipality_code', { length: 6 }),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    tokenHash: text('token_hash').notNull(),
    answered: boolean('answered').notNull().default(false),
    /** How many times a link was issued to this person (the first letter and each reminder). */
    issuedCount: integer('issued_count').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The directory listing the link was sent for (a provider survey; migration 0048), so its answer about
     * accepted care can be reviewed against the listing (NA-4). */
    serviceId: uuid('service_id').references(() => resourceServices.id),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_key').on(t.tokenHash),
    index('survey_invitations_survey_idx').on(t.surveyId, t.answered),
  ],
);

/**
 * One answer. A named survey's answer names its invitation and time; an anonymous survey's answer has neither
 * (invitation_id and submitted_at null, only the day), and its id is random (UUID v4), so neither a join nor an
 * ordering ties it to a person.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    channel: text('channel').$type<SurveyChannel>().notNull(),
    invitationId: uuid('invitation_id').references(() => surveyInvitations.id),
    municipalityCode: char('municipality_code', { length: 6 }),
    regionId: uuid('region_id').references(() => regions.id),
    submittedOn: date('submitted_on').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<SurveyAnswers>().notNull(),
    /** Whether the results page's kept counts include this answer (results-cache.ts); no order, no time. */
    counted: boolean('counted').notNull().default(false),
  },
  (t) => [
    index('survey_answers_survey_idx').on(t.surveyId, t.regionId, t.municipalityCode),
    index('survey_answers_uncounted_idx').on(t.surveyId).where(sql`not ${t.counted}`),
    index('survey_answers_newest_idx').on(t.surveyId, t.submittedOn.desc(), t.id),
    uniqueIndex('survey_answers_invitation_key').on(t.invitationId),
  ],
);

/**
 * The results page's kept counts (results-cache.ts, migration 0051): one tally per survey and cell — the answers
 * of one region and municipality (`cell_key` is both, either may be empty) — made from every answer marked
 * `counted`. No time is kept (anonymous surveys).
 */
export const surveyCountCells = pgTable(
  'survey_count_cells',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    cellKey: text('cell_key').notNull(),
    regionId: uuid('region_id'),
    municipalityCode: char('municipality_code', { length: 6 }),
    /** modules/surveys/tally.ts `Tally`. */
    tally: jsonb('tally').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.cellKey] })],
);

/**
 * The survey's version its kept counts were made under and how many answers they hold; its row is locked while
 * new answers are counted, one count of a survey at a time.
 */
export const surveyCountState = pgTable('survey_count_state', {
  surveyId: uuid('survey_id')
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  surveyVersion: integer('survey_version').notNull(),
  answersCounted: integer('answers_counted').notNull(),
});

/**
 * The results page as last built for one filter and language (results-cache.ts): valid while the kept cells hold
 * `answers_seen` answers under version `survey_version`. No time is kept (anonymous surveys).
 */
export const surveyResultCounts = pgTable(
  'survey_result_counts',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    filterKey: text('filter_key').notNull(),
    answersSeen: integer('answers_seen').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    results: jsonb('results').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.filterKey] })],
);

/**
 * What staff applied from a provider's answer to its listing's accepted care, one row per care item
 * (migration 0048, NA-4): the review shows it as applied; nothing applies by itself.
 */
export const surveyCareApplications = pgTable(
  'survey_care_applications',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => surveyAnswers.id),
    careCode: text('care_code').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => resourceServices.id),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    acceptance: text('acceptance').$type<Acceptance>().notNull(),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.answerId, t.careCode] }),
    index('survey_care_applications_service_idx').on(t.serviceId),
  ],
);

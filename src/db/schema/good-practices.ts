import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Topic } from '../../shared/vocab/consultations';
import type { LifeElement, MunicipalAction, MunicipalRequest } from '../../shared/vocab/engagements';
import type {
  GoodPracticeConfirmation,
  GoodPracticeConsentMethod,
  GoodPracticeSourceKind,
  GoodPracticeStatus,
} from '../../shared/vocab/good-practices';
import type { LifeStage } from '../../shared/vocab/registry';
import { users } from './accounts';
import { municipalities, organisations, people, prefectures, regions } from './network';

/**
 * A good-practice story (好事例, migration 0037; docs/knowledge.md §4): anonymised Markdown with tags from the
 * existing vocabularies, the area it happened in (a region, optionally one municipality), who solved it and a
 * network person who agreed to be contacted, and the record it was written from (by kind and id, no foreign
 * key: the source's own module decides who may see it). Drafts are read in the story's area; a published story
 * by every staff user of the prefecture. `search_text` is the normalised title, summary and body for pg_trgm.
 */
export const goodPractices = pgTable(
  'good_practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    municipalityCode: char('municipality_code', { length: 6 }).references(() => municipalities.code),
    status: text('status').$type<GoodPracticeStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    /** One or two sentences shown in the list and in suggestions. */
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    topics: text('topics').array().$type<Topic[]>().notNull().default(sql`'{}'`),
    lifeElements: text('life_elements').array().$type<LifeElement[]>().notNull().default(sql`'{}'`),
    requests: text('requests').array().$type<MunicipalRequest[]>().notNull().default(sql`'{}'`),
    municipalActions: text('municipal_actions')
      .array()
      .$type<MunicipalAction[]>()
      .notNull()
      .default(sql`'{}'`),
    lifeStages: text('life_stages').array().$type<LifeStage[]>().notNull().default(sql`'{}'`),
    careItems: text('care_items').array().notNull().default(sql`'{}'`),
    /** Who solved it: a municipality, an organisation of the network, and/or words (a division, a team). */
    solverMunicipalityCode: char('solver_municipality_code', { length: 6 }).references(
      () => municipalities.code,
    ),
    solverOrganisationId: uuid('solver_organisation_id').references(() => organisations.id),
    solverText: text('solver_text'),
    /** A network person who agreed, on `contact_consent_on`, to be put in touch with peers. */
    contactPersonId: uuid('contact_person_id').references(() => people.id),
    contactConsentOn: date('contact_consent_on'),
    contactNote: text('contact_note'),
    solvedOn: date('solved_on'),
    sourceKind: text('source_kind').$type<GoodPracticeSourceKind>(),
    sourceId: uuid('source_id'),
    searchText: text('search_text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** What the checker confirmed, and the pattern flags they looked at and judged not personal data. */
    checkConfirmations: text('check_confirmations')
      .array()
      .$type<GoodPracticeConfirmation[]>()
      .notNull()
      .default(sql`'{}'`),
    acknowledgedFlags: text('acknowledged_flags').array().notNull().default(sql`'{}'`),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Consent to publication on the public site (migration 0048): who agreed, on which day, how, who recorded it. */
    publicConsentBy: text('public_consent_by'),
    publicConsentOn: date('public_consent_on'),
    publicConsentMethod: text('public_consent_method').$type<GoodPracticeConsentMethod>(),
    publicConsentRecordedBy: uuid('public_consent_recorded_by').references(() => users.id),
    publicConsentRecordedAt: timestamp('public_consent_recorded_at', { withTimezone: true }),
    /** Offered on the public site: only a published story with consent. */
    publicOfferedBy: uuid('public_offered_by').references(() => users.id),
    publicOfferedAt: timestamp('public_offered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('good_practices_area_idx').on(t.prefectureCode, t.regionId, t.municipalityCode),
    index('good_practices_published_idx')
      .on(t.prefectureCode, t.publishedAt)
      .where(sql`status = 'published'`),
    index('good_practices_source_idx').on(t.sourceKind, t.sourceId),
    index('good_practices_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('good_practices_status_ck', sql`${t.status} IN ('draft', 'checked', 'published')`),
    check(
      'good_practices_source_ck',
      sql`(${t.sourceKind} IS NULL) = (${t.sourceId} IS NULL) AND (${t.sourceKind} IS NULL OR ${t.sourceKind} IN ('consultation', 'engagement', 'council_meeting'))`,
    ),
    check(
      'good_practices_contact_ck',
      sql`${t.contactPersonId} IS NULL OR ${t.contactConsentOn} IS NOT NULL`,
    ),
    check(
      'good_practices_public_consent_ck',
      sql`(${t.publicConsentOn} IS NULL) = (${t.publicConsentBy} IS NULL) AND (${t.publicConsentOn} IS NULL) = (${t.publicConsentMethod} IS NULL) AND (${t.publicConsentMethod} IS NULL OR ${t.publicConsentMethod} IN ('written', 'email', 'oral'))`,
    ),
    check(
      'good_practices_public_offer_ck',
      sql`${t.publicOfferedAt} IS NULL OR (${t.status} = 'published' AND ${t.publicConsentOn} IS NOT NULL)`,
    ),
    index('good_practices_public_idx')
      .on(t.prefectureCode, t.publicOfferedAt)
      .where(sql`public_offered_at IS NOT NULL`),
  ],
);

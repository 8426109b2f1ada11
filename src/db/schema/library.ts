import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  LibraryAudience,
  LibraryCaptionLanguage,
  LibraryKind,
  LibraryRecipient,
  LibrarySituation,
  LibraryVisibility,
} from '../../shared/vocab/library';
import { users } from './accounts';
import { consultationActions, consultations } from './consultations';
import { files } from './files';
import { prefectures } from './network';

/**
 * The library (NA-6, KA-7; docs/knowledge.md §2): forms, guides, explainer videos and links of a prefecture,
 * tagged by situation, audience and area (municipalities; none = the whole prefecture), public or staff-only,
 * each with numbered versions (a file of the one store, or a link) and the day it was last reviewed.
 */
export const libraryItems = pgTable(
  'library_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    title: text('title').notNull(),
    kind: text('kind').$type<LibraryKind>().notNull(),
    /** Markdown (shared/markdown.ts renders it safely). */
    description: text('description').notNull().default(''),
    situations: text('situations').array().$type<LibrarySituation[]>().notNull(),
    audiences: text('audiences').array().$type<LibraryAudience[]>().notNull(),
    /** The municipalities it is for; empty for the whole prefecture. */
    municipalityCodes: text('municipality_codes').array().notNull().default(sql`'{}'::text[]`),
    visibility: text('visibility').$type<LibraryVisibility>().notNull(),
    currentVersionId: uuid('current_version_id'),
    /** The day the content was last checked as still right; flagged stale 12 months after. */
    reviewedOn: date('reviewed_on').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('library_items_prefecture_idx').on(t.prefectureCode, t.visibility),
    check('library_items_title', sql`length(${t.title}) between 1 and 200`),
    check('library_items_tags', sql`cardinality(${t.situations}) >= 1 and cardinality(${t.audiences}) >= 1`),
  ],
);

/** A version of an item: its file (one store) or its link; a new version never changes an old one. */
export const libraryVersions = pgTable(
  'library_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => libraryItems.id),
    number: integer('number').notNull(),
    fileId: uuid('file_id').references(() => files.id),
    url: text('url'),
    /** What changed (free text by staff). */
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('library_versions_number_uq').on(t.itemId, t.number),
    check('library_versions_content', sql`(${t.fileId} is null) <> (${t.url} is null)`),
  ],
);

/** An item handed out from a consultation: which version, to whom, by whom; its timeline entry. */
export const libraryHandouts = pgTable(
  'library_handouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    itemId: uuid('item_id')
      .notNull()
      .references(() => libraryItems.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => libraryVersions.id),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    actionId: uuid('action_id')
      .notNull()
      .references(() => consultationActions.id),
    recipient: text('recipient').$type<LibraryRecipient>().notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('library_handouts_consultation_idx').on(t.consultationId, t.at),
    index('library_handouts_item_idx').on(t.itemId, t.at),
  ],
);

/**
 * A caption track (WebVTT, a file of the one store) of a version's video, one per language; the player offers
 * each, Japanese by default. A new version starts without tracks: they were timed against the version's video.
 */
export const libraryCaptions = pgTable(
  'library_captions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    itemId: uuid('item_id')
      .notNull()
      .references(() => libraryItems.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => libraryVersions.id),
    language: text('language').$type<LibraryCaptionLanguage>().notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('library_captions_version_language_uq').on(t.versionId, t.language),
    index('library_captions_item_idx').on(t.itemId),
    check('library_captions_language', sql`${t.language} in ('ja', 'en', 'easy')`),
  ],
);

import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Division } from '../../shared/vocab/network';
import type { PublicPageKind, PublicPageStatus } from '../../shared/vocab/public-site';
import { users } from './accounts';
import { municipalities, people, prefectures } from './network';

/**
 * The centre's public site (migration 0036; docs/knowledge.md §3): pages written in Markdown in Japanese,
 * English and やさしい日本語, draft or published, under a version. An emergency notice is a page of kind
 * `emergency` shown on every public page while published and between `starts_at` and `ends_at`.
 */
export const publicPages = pgTable(
  'public_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<PublicPageKind>().notNull(),
    slug: text('slug').notNull(),
    status: text('status').$type<PublicPageStatus>().notNull().default('draft'),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleEasy: text('title_easy').notNull().default(''),
    bodyJa: text('body_ja').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    bodyEasy: text('body_easy').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('public_pages_slug_idx').on(t.prefectureCode, t.slug),
    uniqueIndex('public_pages_fixed_kind_idx')
      .on(t.prefectureCode, t.kind)
      .where(sql`kind NOT IN ('free', 'emergency')`),
    index('public_pages_notice_idx')
      .on(t.prefectureCode, t.endsAt)
      .where(sql`kind = 'emergency' AND status = 'published'`),
    check(
      'public_pages_kind_ck',
      sql`${t.kind} IN ('about', 'tiers', 'faq', 'news', 'privacy', 'free', 'emergency')`,
    ),
    check('public_pages_status_ck', sql`${t.status} IN ('draft', 'published')`),
    check(
      'public_pages_window_ck',
      sql`${t.startsAt} IS NULL OR ${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`,
    ),
  ],
);

/** Every saved version of a page, never updated: its content and state, who saved it, in which role, when. */
export const publicPageVersions = pgTable(
  'public_page_versions',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => publicPages.id),
    version: integer('version').notNull(),
    status: text('status').$type<PublicPageStatus>().notNull(),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    titleEasy: text('title_easy').notNull(),
    bodyJa: text('body_ja').notNull(),
    bodyEn: text('body_en').notNull(),
    bodyEasy: text('body_easy').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => users.id),
    editedByRole: text('edited_by_role').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'public_page_versions_pk', columns: [t.pageId, t.version] })],
);

/**
 * The centre's choice, per municipality, of the public first window (MI-8): which division's contact of the
 * municipality page is shown (the contact itself is read live from `municipal_contacts`), which coordinator of
 * the network is named, and a note (hours, how to ask).
 */
export const publicFirstWindows = pgTable(
  'public_first_windows',
  {
    municipalityCode: char('municipality_code', { length: 6 })
      .primaryKey()
      .references(() => municipalities.code),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    division: text('division').$type<Division>().notNull(),
    coordinatorPersonId: uuid('coordinator_person_id').references(() => people.id),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('public_first_windows_prefecture_idx').on(t.prefectureCode),
    check(
      'public_first_windows_division_ck',
      sql`${t.division} IN ('maternal_child_health', 'disability_welfare', 'childcare', 'education')`,
    ),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FileKind, FileStatus } from '../../shared/vocab/files';
import { users } from './accounts';
import { prefectures } from './network';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The one file store (decision 0025): every file the product keeps. Immutable once `ready` (a new version is a
 * new file), so its id is a strong ETag. Its bytes live in {@link fileParts}. Lesson media share their id with
 * their `elearning_media` row.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    kind: text('kind').$type<FileKind>().notNull(),
    status: text('status').$type<FileStatus>().notNull().default('uploading'),
    /** The name the file had on the uploader's computer (its download name). */
    name: text('name').notNull(),
    /** Set from the content (magic bytes), never from the name or the browser. */
    contentType: text('content_type'),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    partBytes: integer('part_bytes').notNull(),
    /** SHA-256 of the bytes in hex (files stored whole through storeFile; lesson uploads arrive in chunks). */
    sha256: text('sha256'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('files_prefecture_kind_idx').on(t.prefectureCode, t.kind),
    check('files_size', sql`${t.byteSize} >= 0`),
    check('files_part_bytes', sql`${t.partBytes} > 0`),
    check(
      'files_ready_typed',
      sql`${t.status} <> 'ready' OR (${t.contentType} IS NOT NULL AND ${t.readyAt} IS NOT NULL)`,
    ),
  ],
);

/** A file's bytes, a part per row (256 KB on the embedded database, 1 MB on PostgreSQL). */
export const fileParts = pgTable(
  'file_parts',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

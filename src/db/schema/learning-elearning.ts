import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
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
import type {
  AttemptStatus,
  CaptionLanguage,
  MediaKind,
  MediaStatus,
  QuestionKind,
} from '../../shared/vocab/learning-elearning';
import { users } from './accounts';
import { trainingCourseParts, trainingCourses } from './learning';
import { prefectures } from './network';

/**
 * E-learning (NA-7, decision 0021): lesson media stored by the product in parts, lessons' links to their video,
 * captions and documents, server-verified watching progress, and server-graded quizzes.
 */

/**
 * A stored file of a course: a lesson video, a captions track or a document. Immutable once `ready` (a new
 * version is a new object), so its id is its ETag. Its bytes live in the one file store
 * (`files` / `file_parts`, decision 0025) under the same id.
 */
export const elearningMedia = pgTable(
  'elearning_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    kind: text('kind').$type<MediaKind>().notNull(),
    status: text('status').$type<MediaStatus>().notNull().default('uploading'),
    /** The name the file had on the uploader's computer (shown to staff, and as a document's download name). */
    fileName: text('file_name').notNull(),
    /** The size announced when the upload began; the stored bytes must add up to it. */
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    /** Bytes per upload chunk (the last may be shorter) and per stored part (a chunk is whole parts). */
    chunkBytes: integer('chunk_bytes').notNull(),
    partBytes: integer('part_bytes').notNull(),
    /** Set from the content when the upload is committed. */
    contentType: text('content_type'),
    durationMs: integer('duration_ms'),
    /** An MP4 whose index comes before its data starts playing sooner. */
    faststart: boolean('faststart'),
    captionLanguage: text('caption_language').$type<CaptionLanguage>(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('elearning_media_course_idx').on(t.courseId, t.kind),
    check('elearning_media_part_in_chunk', sql`${t.chunkBytes} % ${t.partBytes} = 0`),
    check('elearning_media_size', sql`${t.byteSize} > 0`),
  ],
);

/** Chunks of an upload that arrived whole (resumable uploads ask which are missing). */
export const elearningMediaChunks = pgTable(
  'elearning_media_chunks',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => elearningMedia.id, { onDelete: 'cascade' }),
    chunkNo: integer('chunk_no').notNull(),
    byteCount: integer('byte_count').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.chunkNo] })],
);

/**
 * A lesson's media: one video, at most one captions track per language, any number of documents in order.
 * `kind` and `caption_language` repeat the media object's so the database can keep those rules.
 */
export const elearningLessonMedia = pgTable(
  'elearning_lesson_media',
  {
    partId: uuid('part_id')
      .notNull()
      .references(() => trainingCourseParts.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => elearningMedia.id),
    kind: text('kind').$type<MediaKind>().notNull(),
    captionLanguage: text('caption_language').$type<CaptionLanguage>(),
    seq: integer('seq').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.partId, t.mediaId] }),
    uniqueIndex('elearning_lesson_media_one_video').on(t.partId).where(sql`${t.kind} = 'video'`),
    uniqueIndex('elearning_lesson_media_one_caption_language')
      .on(t.partId, t.captionLanguage)
      .where(sql`${t.kind} = 'captions'`),
    index('elearning_lesson_media_media_idx').on(t.mediaId),
  ],
);

/**
 * What a learner has watched of a lesson's video, as the server accepted it (progress.ts): the union of
 * intervals in milliseconds, the credit for the next report and when the previous one arrived. `completed_at`
 * is set once and kept, even if the lesson's video is later replaced.
 */
export const elearningProgress = pgTable(
  'elearning_progress',
  {
    learnerUserId: uuid('learner_user_id')
      .notNull()
      .references(() => users.id),
    partId: uuid('part_id')
      .notNull()
      .references(() => trainingCourseParts.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    /** The video the intervals measure; a new video starts a new measure. */
    mediaId: uuid('media_id')
      .notNull()
      .references(() => elearningMedia.id),
    durationMs: integer('duration_ms').notNull(),
    watched: jsonb('watched').$type<[number, number][]>().notNull().default([]),
    coveredMs: integer('covered_ms').notNull().default(0),
    creditMs: integer('credit_ms').notNull().default(0),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    lastPositionMs: integer('last_position_ms').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.learnerUserId, t.partId] }),
    index('elearning_progress_part_idx').on(t.partId),
  ],
);

/** A part's quiz: its pass mark, how many attempts a learner has, and how many questions each draws. */
export const elearningQuizzes = pgTable(
  'elearning_quizzes',
  {
    partId: uuid('part_id')
      .primaryKey()
      .references(() => trainingCourseParts.id, { onDelete: 'cascade' }),
    passPercent: integer('pass_percent').notNull().default(80),
    /** Null: no limit. */
    attemptLimit: integer('attempt_limit'),
    /** Null: every active question of the bank. */
    questionsPerAttempt: integer('questions_per_attempt'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('elearning_quizzes_pass', sql`${t.passPercent} between 1 and 100`),
    check('elearning_quizzes_limit', sql`${t.attemptLimit} is null or ${t.attemptLimit} >= 1`),
    check('elearning_quizzes_draw', sql`${t.questionsPerAttempt} is null or ${t.questionsPerAttempt} >= 1`),
  ],
);

export type QuestionChoice = { id: string; text: string };

/** A question of a part's bank. `correct` never leaves the server before the attempt that asked it is submitted. */
export const elearningQuestions = pgTable(
  'elearning_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partId: uuid('part_id')
      .notNull()
      .references(() => trainingCourseParts.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<QuestionKind>().notNull(),
    prompt: text('prompt').notNull(),
    choices: jsonb('choices').$type<QuestionChoice[]>().notNull(),
    correct: jsonb('correct').$type<string[]>().notNull(),
    explanation: text('explanation').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retired questions stay for the attempts that asked them. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('elearning_questions_part_idx').on(t.partId, t.seq)],
);

/** What an attempt asked: the questions (as they were) in the order shown. */
export type AttemptQuestion = {
  questionId: string;
  kind: QuestionKind;
  prompt: string;
  choices: QuestionChoice[];
  correct: string[];
  explanation: string;
};

/** A learner's attempt at a part's quiz, graded by the server when submitted. */
export const elearningAttempts = pgTable(
  'elearning_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partId: uuid('part_id')
      .notNull()
      .references(() => trainingCourseParts.id),
    learnerUserId: uuid('learner_user_id')
      .notNull()
      .references(() => users.id),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    attemptNo: integer('attempt_no').notNull(),
    status: text('status').$type<AttemptStatus>().notNull().default('in_progress'),
    questions: jsonb('questions').$type<AttemptQuestion[]>().notNull(),
    passPercent: integer('pass_percent').notNull(),
    answers: jsonb('answers').$type<Record<string, string[]>>(),
    correctCount: integer('correct_count'),
    scorePercent: integer('score_percent'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('elearning_attempts_no_uq').on(t.partId, t.learnerUserId, t.attemptNo),
    uniqueIndex('elearning_attempts_one_open')
      .on(t.partId, t.learnerUserId)
      .where(sql`${t.status} = 'in_progress'`),
    index('elearning_attempts_learner_idx').on(t.learnerUserId),
  ],
);

import {
  bigint,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CensusField, SourceType } from '../../shared/vocab/census';
import { users } from './accounts';
import { jobs } from './jobs';
import { prefectures } from './network';
import { children } from './registry';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A source of yearly lists (実態把握): one municipality's public-health nurses, the board of education, a welfare
 * office … Its hand mapping of headers to fields is saved here and reused for next year's file.
 */
export const censusSources = pgTable(
  'census_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    name: text('name').notNull(),
    sourceType: text('source_type').$type<SourceType>().notNull(),
    /** The municipality the source speaks for, when it is one municipality's list. */
    municipalityCode: char('municipality_code', { length: 6 }),
    /** Header (as normalised by read/headers.ts normaliseHeader) → field, or null to ignore the column. */
    mapping: jsonb('mapping').$type<Record<string, CensusField | null>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('census_sources_name_uq').on(t.prefectureCode, t.name)],
);

export type CensusImportStatus = 'queued' | 'running' | 'imported' | 'failed';

/**
 * One uploaded file for one source and 年度. The bytes are kept (in census_file_parts, named by `fileId`) so the
 * background job (on any app server) can read them; the same bytes for the same source and 年度 are one import
 * (re-uploading does not duplicate).
 */
export const censusImports = pgTable(
  'census_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    nendo: smallint('nendo').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => censusSources.id),
    fileName: text('file_name').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    /** The parts holding the stored bytes (census_file_parts.file_id); a retried upload points to new parts. */
    fileId: uuid('file_id').notNull(),
    encoding: text('encoding'),
    /** The mapping applied (the source's at upload time, with any changes made on the preview). */
    mapping: jsonb('mapping').$type<Record<string, CensusField | null>>().notNull().default({}),
    status: text('status').$type<CensusImportStatus>().notNull().default('queued'),
    jobId: uuid('job_id').references(() => jobs.id),
    rowCount: integer('row_count'),
    issueCount: integer('issue_count'),
    /** Row issues found while reading (row, column, ja, en), kept for the import's page. */
    issues: jsonb('issues').$type<{ row: number; column: string | null; ja: string; en: string }[]>(),
    /**
     * How the upload was taken: `goodRowsOnly` leaves out the rows with errors (the rest are imported);
     * `municipalityCodes` limits the list to a municipality's own children (a municipality's staff upload: rows
     * placed in another municipality are errors). The job reads the file again with the same options.
     */
    options: jsonb('options')
      .$type<{ goodRowsOnly?: boolean; municipalityCodes?: string[] }>()
      .notNull()
      .default({}),
    /** Rows left out because they had errors (an import of the good rows only); null when none was. */
    rejectedCount: integer('rejected_count'),
    /** Replaced by a newer file of the same source and 年度; its records no longer count. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('census_imports_file_uq').on(t.prefectureCode, t.nendo, t.sourceId, t.sha256),
    index('census_imports_nendo_idx').on(t.prefectureCode, t.nendo),
    uniqueIndex('census_imports_file_id_uq').on(t.fileId),
  ],
);

/**
 * The stored bytes of an uploaded list (census/stored-file.ts: gzip-compressed when that helps), in parts each
 * written and read by its own short statement (decision 0016). Parts are written before the import that names
 * them; parts no import names are an upload that did not finish, removed by the next upload.
 */
export const censusFileParts = pgTable(
  'census_file_parts',
  {
    fileId: uuid('file_id').notNull(),
    seq: integer('seq').notNull(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

/** One data row of an imported list, normalised (types.ts CensusRecord) with its raw cells. Personal data. */
export const censusRecords = pgTable(
  'census_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    importId: uuid('import_id')
      .notNull()
      .references(() => censusImports.id),
    prefectureCode: char('prefecture_code', { length: 2 }).notNull(),
    nendo: smallint('nendo').notNull(),
    row: integer('row').notNull(),
    name: text('name'),
    kana: text('kana'),
    birthDate: date('birth_date'),
    sex: text('sex').$type<'female' | 'male'>(),
    address: text('address'),
    municipalityCode: char('municipality_code', { length: 6 }),
    school: text('school'),
    grade: text('grade'),
    /** Care item ids (src/shared/reference/care-items.json) when the list has a care column. */
    careItems: text('care_items').array(),
    /** 訪問教育 (taught at home by visiting teachers) as the list says; null when it does not say (ME-3). */
    homeVisitEducation: boolean('home_visit_education'),
    /** 夜間ケア (care needed at night) as the list says; null when it does not say (ME-3). */
    nightCare: boolean('night_care'),
    raw: jsonb('raw').$type<Record<string, string>>().notNull(),
  },
  (t) => [
    uniqueIndex('census_records_row_uq').on(t.importId, t.row),
    index('census_records_nendo_idx').on(t.prefectureCode, t.nendo),
  ],
);

/**
 * How a run's records became the children it counts (census/breakdown.ts): list records and registry children
 * in, the records found to be one child joined, and the people left out of the figures with the reason.
 */
export type CensusCountBreakdown = {
  listRecords: number;
  registryRecords: number;
  /** listRecords + registryRecords */
  records: number;
  /** records joined to another record of the same child: records − people */
  merged: number;
  /** distinct people (clusters) */
  people: number;
  /** people of the registry only, no longer children of the prefecture's figures, by reason */
  excluded: { deceased: number; movedOut: number; adultServices: number };
  /** people − excluded: the 年度's figure */
  children: number;
};

export type CensusRunStatus = 'queued' | 'running' | 'linked' | 'failed' | 'published';

/**
 * A linkage run over all current imports of one 年度 and the registry. Its members, pairs for review and
 * results belong to it; publishing freezes it as the 年度's figures.
 */
export const censusRuns = pgTable(
  'census_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    nendo: smallint('nendo').notNull(),
    status: text('status').$type<CensusRunStatus>().notNull().default('queued'),
    jobId: uuid('job_id').references(() => jobs.id),
    recordCount: integer('record_count'),
    clusterCount: integer('cluster_count'),
    /** The fitted model (m, u, weights, prior) so review screens can explain scores. */
    model: jsonb('model').$type<Record<string, unknown>>(),
    thresholds: jsonb('thresholds').$type<{ link: number; review: number }>(),
    /** How the records became the children counted (breakdown.ts), kept current as pairs are decided. */
    breakdown: jsonb('breakdown').$type<CensusCountBreakdown>(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    pushedBy: uuid('pushed_by').references(() => users.id),
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
  },
  (t) => [index('census_runs_nendo_idx').on(t.prefectureCode, t.nendo, t.createdAt)],
);

/**
 * A run's members: every census record, and every registry child included as one more list, with the cluster
 * (= one child) it was put in. Exactly one of record_id / child_id is set.
 */
export const censusMembers = pgTable(
  'census_members',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => censusRuns.id, { onDelete: 'cascade' }),
    /** 0-based index of the member in the run (the linker's record index). */
    idx: integer('idx').notNull(),
    cluster: integer('cluster').notNull(),
    recordId: bigint('record_id', { mode: 'number' }).references(() => censusRecords.id),
    childId: uuid('child_id').references(() => children.id),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.idx] }),
    index('census_members_cluster_idx').on(t.runId, t.cluster),
    index('census_members_child_idx').on(t.childId),
  ],
);

export type CensusPairStatus = 'pending' | 'same' | 'different';

/** An uncertain pair of a run waiting for a person (or decided; `reused` when an earlier decision applied). */
export const censusReviewPairs = pgTable(
  'census_review_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => censusRuns.id, { onDelete: 'cascade' }),
    aIdx: integer('a_idx').notNull(),
    bIdx: integer('b_idx').notNull(),
    weight: real('weight').notNull(),
    /** The comparison levels per field (link/compare.ts Comparison) and any guard. */
    comparison: jsonb('comparison').$type<Record<string, string>>().notNull(),
    guard: text('guard').$type<'twin' | 'names'>(),
    /** Key of the two records' identities (see census decisions) to remember the decision across years. */
    pairKey: text('pair_key').notNull(),
    status: text('status').$type<CensusPairStatus>().notNull().default('pending'),
    reused: boolean('reused').notNull().default(false),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('census_review_pairs_queue_idx').on(t.runId, t.status, t.weight),
    uniqueIndex('census_review_pairs_uq').on(t.runId, t.aIdx, t.bIdx),
  ],
);

/** Decisions on pairs, remembered per prefecture and reused by later runs (and later years). */
export const censusDecisions = pgTable(
  'census_decisions',
  {
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    pairKey: text('pair_key').notNull(),
    decision: text('decision').$type<'same' | 'different'>().notNull(),
    nendo: smallint('nendo').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.prefectureCode, t.pairKey] })],
);

/** Provenance of registry children pushed (created or confirmed) from a published run. */
export const censusProvenance = pgTable(
  'census_provenance',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => censusRuns.id),
    cluster: integer('cluster').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** true when the push created the record; false when it confirmed an existing one. */
    created: boolean('created').notNull(),
    /** Source names and rows that found the child ("藤沢市 母子保健 #12"). */
    sources: jsonb('sources').$type<{ source: string; file: string; row: number }[]>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.cluster] }), index('census_provenance_child_idx').on(t.childId)],
);

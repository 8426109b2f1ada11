import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { censusSources } from './census';
import { prefectures } from './network';
import { surveyAnswers, surveys } from './surveys';

/**
 * A census source's own figure for a 年度 (migration 0053): the number of children with medical care the
 * municipality reports, applied by staff from its answer to a municipal survey's question marked
 * `maps: 'census_children'` (modules/surveys/census-counts.ts). The census results by municipality show it beside
 * the linked count. Changed under `version`; each change is audited on the source.
 */
export const censusReportedCounts = pgTable(
  'census_reported_counts',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => censusSources.id),
    nendo: smallint('nendo').notNull(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    count: integer('count').notNull(),
    /** The survey and answer the figure was applied from. */
    surveyId: uuid('survey_id').references(() => surveys.id),
    answerId: uuid('answer_id').references(() => surveyAnswers.id),
    version: integer('version').notNull().default(1),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.nendo] }),
    index('census_reported_counts_nendo_idx').on(t.prefectureCode, t.nendo),
    check('census_reported_counts_count_ck', sql`${t.count} >= 0`),
  ],
);

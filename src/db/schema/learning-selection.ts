import { char, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SelectionReason } from '../../shared/vocab/learning-selection';
import { users } from './accounts';
import { trainingSessions } from './learning';
import { prefectures } from './network';

/** What one run of the balanced selection took and decided, kept so that it can be explained and re-run. */
export type StoredSelection = {
  /** The applicants that took part (those overridden by staff before the run kept their seat or refusal). */
  applicants: { id: string; region: string | null; professionGroup: 'medical' | 'welfare' }[];
  /** The seats the rule filled (capacity minus seats already given by staff). */
  seats: number;
  decisions: Record<
    string,
    { reason: SelectionReason; seatOrder: number | null; waitRank: number | null; lotteryRank: number }
  >;
  regions: {
    region: string | null;
    applicants: number;
    medical: number;
    welfare: number;
    guaranteeEligible: boolean;
    regionRank: number;
    guaranteed: number;
    quota: number;
    proportional: number;
    selected: number;
  }[];
  guaranteeSeatsNeeded: number;
  guaranteeSeatsGiven: number;
  proportionalSeats: number;
  emptySeats: number;
};

/**
 * The selection of a capped session (MI-5, docs/learning.md): its seed and result, who ran it, and when the
 * results were announced to the applicants (until then a learner sees "applied"). One row per session; a
 * re-run before the announcement replaces it (each run is in the audit log). `version` guards against two
 * staff running or announcing at once.
 */
export const trainingSelections = pgTable('training_selections', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => trainingSessions.id),
  prefectureCode: char('prefecture_code', { length: 2 })
    .notNull()
    .references(() => prefectures.code),
  seed: char('seed', { length: 16 }).notNull(),
  result: jsonb('result').$type<StoredSelection>().notNull(),
  ranBy: uuid('ran_by')
    .notNull()
    .references(() => users.id),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  announcedAt: timestamp('announced_at', { withTimezone: true }),
  announcedBy: uuid('announced_by').references(() => users.id),
  version: integer('version').notNull().default(1),
});

import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FollowUpStatus } from '../../shared/vocab/transitions';
import { users } from './accounts';
import { children } from './registry';

/**
 * Where the follow-up of one child's transition in one 年度 stands, and who carries it (migration 0028).
 * No row: not started, no owner.
 */
export const transitionFollowUps = pgTable(
  'transition_follow_ups',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    nendo: integer('nendo').notNull(),
    kind: text('kind').notNull(),
    status: text('status').$type<FollowUpStatus>().notNull().default('not_started'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'transition_follow_ups_pk', columns: [t.childId, t.nendo, t.kind] }),
    index('transition_follow_ups_owner_idx').on(t.ownerUserId, t.nendo),
    check(
      'transition_follow_ups_status_ck',
      sql`${t.status} IN ('not_started', 'in_progress', 'done', 'not_needed')`,
    ),
  ],
);

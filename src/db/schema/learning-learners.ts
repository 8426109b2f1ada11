import { sql } from 'drizzle-orm';
import { char, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Profession } from '../../shared/vocab/learning';
import type { SignUpConfirmation, SignUpStatus } from '../../shared/vocab/learning-learners';
import { users } from './accounts';
import { organisations, prefectures } from './network';

/**
 * A learner's own sign-up (migration 0023), waiting for confirmation. It is not an account: nobody can sign
 * in with it until it is confirmed, which creates the user and the learner profile from it. The password hash
 * is kept only while the sign-up waits (cleared when it is decided).
 */
export const learnerSignUps = pgTable(
  'learner_sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureCode: char('prefecture_code', { length: 2 })
      .notNull()
      .references(() => prefectures.code),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    profession: text('profession').$type<Profession>().notNull(),
    workplaceOrganisationId: uuid('workplace_organisation_id').references(() => organisations.id),
    workplaceName: text('workplace_name'),
    municipalityCode: char('municipality_code', { length: 6 }).notNull(),
    status: text('status').$type<SignUpStatus>().notNull().default('pending'),
    confirmedBy: text('confirmed_by').$type<SignUpConfirmation>(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    userId: uuid('user_id').references(() => users.id),
    /** The e-mail confirmation link's token, as its SHA-256 hash, and its expiry (mail on; migration 0047). */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('learner_sign_ups_confirm_token_uq')
      .on(t.confirmTokenHash)
      .where(sql`confirm_token_hash is not null`),
    uniqueIndex('learner_sign_ups_pending_email_uq').on(t.email).where(sql`status = 'pending'`),
    index('learner_sign_ups_queue_idx').on(t.prefectureCode, t.status, t.createdAt),
  ],
);

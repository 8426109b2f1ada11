import { sql } from 'drizzle-orm';
import { bigint, char, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AuditAction } from '../../shared/vocab/audit';

export type { AuditAction };

/**
 * Append-only, hash-chained audit log. A request inserts its entry (content only) in its own transaction;
 * the sealer (modules/audit/seal.ts) then gives each entry its chain position `seq`, `prev_hash` and `hash`
 * (SHA-256 over the previous hash and the content). Triggers (migrations 0002, 0003) refuse DELETE, TRUNCATE
 * and every UPDATE except that one-time sealing. `tsunagu audit verify` recomputes the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    prefectureCode: char('prefecture_code', { length: 2 }),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').$type<AuditAction>().notNull(),
    entityType: text('entity_type').notNull(),
    entityIds: text('entity_ids').array().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    /** Position in the chain, set when sealed (commit order, which may differ from id order). */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_prefecture_at_idx').on(t.prefectureCode, t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_entity_ids_idx').using('gin', t.entityIds),
    uniqueIndex('audit_log_seq_uq').on(t.seq),
    index('audit_log_unsealed_idx').on(t.id).where(sql`hash is null`),
  ],
);

/**
 * Signed checkpoints of the chain's head (modules/audit/checkpoint.ts, decision 0012): the sealer records
 * `seq` and `hash` of the newest sealed entry with an HMAC over them and `at` under a key derived from
 * TSUNAGU_SECRET, which the database does not hold. Append-only by trigger (migration 0013).
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The chain position covered (0: the chain was empty). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_seq_idx').on(t.seq)],
);

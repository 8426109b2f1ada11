import { bigint, char, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'configure';

/**
 * Append-only, hash-chained audit log. Each row's hash covers its content and the previous row's hash;
 * a trigger (migration 0001) refuses UPDATE and DELETE. `tsunagu audit verify` recomputes the chain.
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_prefecture_at_idx').on(t.prefectureCode, t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_entity_ids_idx').using('gin', t.entityIds),
  ],
);

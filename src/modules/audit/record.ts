import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { type AuditAction, auditLog } from '../../db/schema';
import type { Actor, RequestMeta } from '../access/actor';
import { writeReadEntry } from './writer';

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityIds: string[];
  detail?: Record<string, unknown>;
  /** Defaults to the actor's prefecture; set for events about another tenant or without an actor. */
  prefectureCode?: string | null;
};

/**
 * Appends one entry to the audit log. Call it inside the transaction that reads or changes the data: the
 * entry commits or rolls back with what it describes. It is a single INSERT with no lock, so concurrent
 * requests never wait on each other; the sealer (seal.ts) chains committed entries by hash shortly after.
 * Outside a transaction (a read), the entry goes through the shared writer (writer.ts), which writes the entries
 * of reads finishing together in one statement; the call still resolves only once its entry is committed.
 */
export async function recordAudit(
  tx: DbOrTx,
  who: { actor: Actor | null; meta: RequestMeta | null; at: Date },
  event: AuditEvent,
): Promise<void> {
  const row: typeof auditLog.$inferInsert = {
    at: who.at,
    prefectureCode:
      event.prefectureCode !== undefined ? event.prefectureCode : (who.actor?.prefectureCode ?? null),
    actorUserId: who.actor?.userId ?? null,
    actorRole: who.actor?.role ?? null,
    action: event.action,
    entityType: event.entityType,
    entityIds: event.entityIds,
    detail: event.detail ?? {},
    ip: who.meta?.ip ?? null,
    userAgent: who.meta?.userAgent?.slice(0, 300) ?? null,
    requestId: who.meta?.requestId ?? null,
  };
  if (tx instanceof PgTransaction) await tx.insert(auditLog).values(row);
  else await writeReadEntry(tx, row);
}

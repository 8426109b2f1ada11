import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type AuditAction, auditLog } from '../../db/schema';
import type { Actor, RequestMeta } from '../access/actor';
import { chainHash, GENESIS_HASH } from './chain';

/** Lock key serialising appends so the chain has one order (held to the end of the caller's transaction). */
const AUDIT_LOCK = 7423002;

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityIds: string[];
  detail?: Record<string, unknown>;
  /** Defaults to the actor's prefecture; set for events about another tenant or without an actor. */
  prefectureCode?: string | null;
};

/**
 * Appends one entry to the audit chain. Call it inside the transaction that reads or changes the data,
 * as its last statement: the entry commits or rolls back with the change it describes.
 */
export async function recordAudit(
  tx: DbOrTx,
  who: { actor: Actor | null; meta: RequestMeta | null; at: Date },
  event: AuditEvent,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const content = {
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...content, prevHash, hash: chainHash(prevHash, content) });
}

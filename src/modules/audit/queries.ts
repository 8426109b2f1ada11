import { and, arrayContains, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { auditPrefectureOf } from './policy';
import type { AuditFilter } from './schemas';
import { japanDayEnd, japanDayStart } from './time';

/** One audit entry as the API and the exports present it. */
export type AuditEntryView = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityIds: string[];
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/**
 * The WHERE clause of every audit read: the actor's prefecture is always part of it (and a role that may not
 * read the log is refused here), so no handler can forget the tenant filter.
 */
function visibleAuditWhere(actor: Actor, f: AuditFilter): SQL {
  const conds: SQL[] = [eq(auditLog.prefectureCode, auditPrefectureOf(actor))];
  if (f.from) conds.push(gte(auditLog.at, japanDayStart(f.from)));
  if (f.to) conds.push(lt(auditLog.at, japanDayEnd(f.to)));
  if (f.actor) conds.push(eq(auditLog.actorUserId, f.actor));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  // `entity_ids @> array[...]` uses the GIN index on entity_ids.
  if (f.entityId) conds.push(arrayContains(auditLog.entityIds, [f.entityId]));
  return and(...conds)!;
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorEmail: users.email,
  actorName: users.displayName,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityIds: auditLog.entityIds,
  detail: auditLog.detail,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
  requestId: auditLog.requestId,
};

/** How many entries of the actor's prefecture match the filter. */
export async function countAuditEntries(db: DbOrTx, actor: Actor, f: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(visibleAuditWhere(actor, f));
  return Number(row?.n ?? 0);
}

/** Matching entries of the actor's prefecture, newest first. */
export async function listAuditEntries(
  db: DbOrTx,
  actor: Actor,
  f: AuditFilter,
  window: { limit: number; offset: number },
): Promise<AuditEntryView[]> {
  return db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(visibleAuditWhere(actor, f))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset);
}

/** The users of the actor's prefecture, for the audit screen's picker of who acted (disabled ones too). */
export async function auditActors(db: DbOrTx, actor: Actor) {
  return db
    .select({ id: users.id, name: users.displayName, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.prefectureCode, auditPrefectureOf(actor)))
    .orderBy(asc(users.displayName), asc(users.email));
}

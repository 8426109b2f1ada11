import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childHistory, users } from '../../db/schema';
import type { JsonValue } from '../../server/openapi';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';

/** One change: the value before and after. Lists (guardians, care items …) are given whole or per row. */
export type Change = [before: unknown, after: unknown];
export type Changes = Record<string, Change>;

/** Who writes, when and from where (the second argument of recordAudit), plus today's date in Japan. */
export type Writer = { actor: Actor; meta: RequestMeta | null; at: Date; today: string };

/** The fields of `next` whose value differs from `before` (undefined in `next` = not asked to change). */
export function diffFields(before: Record<string, unknown>, next: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const [key, after] of Object.entries(next)) {
    if (after === undefined) continue;
    const was = before[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(after)) out[key] = [was, after];
  }
  return out;
}

/**
 * Writes the history entry (who, when, what, the version it produced) and the audit entry of a change to
 * a child record, in the caller's transaction. The audit entry names the fields, never their values: the
 * values stay in child_history, which is read through the registry's scope.
 */
export async function recordChildChange(
  tx: DbOrTx,
  w: Writer,
  child: { id: string; prefectureCode: string },
  version: number,
  action: string,
  changes: Changes,
): Promise<void> {
  await tx
    .insert(childHistory)
    .values({ childId: child.id, at: w.at, userId: w.actor.userId, action, changes, version });
  await recordAudit(
    tx,
    { actor: w.actor, meta: w.meta, at: w.at },
    {
      action: action === 'create' ? 'create' : 'update',
      entityType: 'child',
      entityIds: [child.id],
      detail: { event: action, fields: Object.keys(changes), version },
      prefectureCode: child.prefectureCode,
    },
  );
}

export type HistoryEntry = {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  /** field → [before, after], as recorded (jsonb, so JSON values). */
  changes: Record<string, [before: JsonValue, after: JsonValue]>;
  version: number;
};

/** Where a former residence's view of the history ends: before an entry, or before an instant. */
export type HistoryCut = { beforeId: number } | { beforeAt: Date };

function cutCondition(cut: HistoryCut | undefined): SQL | undefined {
  if (!cut) return undefined;
  return 'beforeId' in cut ? lt(childHistory.id, cut.beforeId) : lt(childHistory.at, cut.beforeAt);
}

/** A child's history, newest first, with the name of who changed it; cut short for a former residence. */
export async function listChildHistory(
  db: DbOrTx,
  childId: string,
  cut?: HistoryCut,
): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      id: childHistory.id,
      at: childHistory.at,
      userId: childHistory.userId,
      userName: users.displayName,
      action: childHistory.action,
      changes: childHistory.changes,
      version: childHistory.version,
    })
    .from(childHistory)
    .leftJoin(users, eq(users.id, childHistory.userId))
    .where(and(eq(childHistory.childId, childId), cutCondition(cut)))
    .orderBy(desc(childHistory.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), changes: r.changes as HistoryEntry['changes'] }));
}

/** Names of the fields changed since a version (for a 409: what the other person changed). */
export async function changedFieldsSince(db: DbOrTx, childId: string, version: number): Promise<string[]> {
  const rows = await db
    .select({ changes: childHistory.changes })
    .from(childHistory)
    .where(and(eq(childHistory.childId, childId), gt(childHistory.version, version)));
  return [...new Set(rows.flatMap((r) => Object.keys(r.changes)))].sort();
}

/**
 * Values of a record as they were before a list of later changes (oldest first): for each field, the
 * "before" of the first later change to it, else the current value. Used for the former-residence view.
 */
export function valuesBefore<T extends Record<string, unknown>>(
  current: T,
  later: readonly { changes: Record<string, unknown> }[],
): T {
  const out: Record<string, unknown> = { ...current };
  const seen = new Set<string>();
  for (const entry of later) {
    for (const [field, change] of Object.entries(entry.changes)) {
      if (seen.has(field) || !(field in current) || !Array.isArray(change) || change.length !== 2) continue;
      seen.add(field);
      out[field] = change[0];
    }
  }
  return out as T;
}

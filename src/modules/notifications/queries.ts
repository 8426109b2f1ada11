import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema';
import type { Actor } from '../access/actor';

/** How many notifications a list shows (newest first); older ones stay in the table. */
export const NOTIFICATION_PAGE = 50;

/**
 * The notifications an actor receives: addressed to the user, or to the actor's municipality (municipal
 * staff), always within the actor's prefecture. Default deny: no prefecture → nothing.
 */
export function notificationScope(actor: Actor): SQL {
  const toUser = eq(notifications.recipientUserId, actor.userId);
  if (!actor.prefectureCode) return toUser;
  const conds: SQL[] = [toUser];
  if (actor.scope.kind === 'municipality') {
    conds.push(
      and(
        eq(notifications.prefectureCode, actor.prefectureCode),
        eq(notifications.recipientMunicipalityCode, actor.scope.municipalityCode),
      )!,
    );
  }
  return or(...conds)!;
}

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  titleJa: notifications.titleJa,
  titleEn: notifications.titleEn,
  entityType: notifications.entityType,
  entityId: notifications.entityId,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

type Row = { createdAt: Date; readAt: Date | null } & Record<string, unknown>;
const view = <T extends Row>(r: T) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

/** The actor's newest notifications and the number unread. */
export async function listNotifications(db: DbOrTx, actor: Actor) {
  const scope = notificationScope(actor);
  const items = await db
    .select(columns)
    .from(notifications)
    .where(scope)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(scope, isNull(notifications.readAt)));
  return { items: items.map(view), unread: count?.n ?? 0 };
}

/**
 * Marks one of the actor's notifications read (once: the first reading time is kept). A notification to a
 * municipality is one item of a shared inbox, so reading it marks it read for every user there.
 * Undefined when it is not the actor's (404).
 */
export async function markNotificationRead(db: DbOrTx, actor: Actor, unverifiedId: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, unverifiedId), notificationScope(actor)))
    .returning(columns);
  return row ? view(row) : undefined;
}

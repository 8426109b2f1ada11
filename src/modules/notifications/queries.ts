import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { notificationReads, notifications } from '../../db/schema';
import type { SystemText } from '../../shared/vocab/system-text';
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

/**
 * When the actor read it: a notification to one user keeps its reading on the row; one to a municipality is
 * read by each of its staff for themselves (`notification_reads`). A shared item read before per-user reading
 * existed (migration 0012) keeps its row's reading for everyone.
 */
function readAtFor(actor: Actor): SQL<Date | string | null> {
  return sql<Date | string | null>`case when ${notifications.recipientUserId} is not null
    then ${notifications.readAt}
    else coalesce((select ${notificationReads.readAt} from ${notificationReads}
                   where ${notificationReads.notificationId} = ${notifications.id}
                     and ${notificationReads.userId} = ${actor.userId}), ${notifications.readAt}) end`;
}

const columnsFor = (actor: Actor) => ({
  id: notifications.id,
  kind: notifications.kind,
  titleJa: notifications.titleJa,
  titleEn: notifications.titleEn,
  text: notifications.text,
  entityType: notifications.entityType,
  entityId: notifications.entityId,
  createdAt: notifications.createdAt,
  recipientUserId: notifications.recipientUserId,
  readAt: readAtFor(actor),
});

type Row = {
  id: string;
  kind: string;
  titleJa: string;
  titleEn: string;
  text: SystemText | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
  recipientUserId: string | null;
  readAt: Date | string | null;
};
const view = (r: Row) => ({
  id: r.id,
  kind: r.kind,
  titleJa: r.titleJa,
  titleEn: r.titleEn,
  text: r.text,
  entityType: r.entityType,
  entityId: r.entityId,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  /** Addressed to the user's municipality (its staff share it), not to the user alone. */
  shared: r.recipientUserId === null,
});

/** The actor's newest notifications and the number unread. */
export async function listNotifications(db: DbOrTx, actor: Actor) {
  const scope = notificationScope(actor);
  const items = await db
    .select(columnsFor(actor))
    .from(notifications)
    .where(scope)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(scope, sql`${readAtFor(actor)} is null`));
  return { items: items.map(view), unread: count?.n ?? 0 };
}

/**
 * Marks one of the actor's notifications read (once: the first reading time is kept). A notification to a
 * municipality is marked read for the actor only; the municipality's other staff still see it unread.
 * Undefined when it is not the actor's (404).
 */
export async function markNotificationRead(db: DbOrTx, actor: Actor, unverifiedId: string, at: Date) {
  const [target] = await db
    .select({ id: notifications.id, recipientUserId: notifications.recipientUserId })
    .from(notifications)
    .where(and(eq(notifications.id, unverifiedId), notificationScope(actor)));
  if (!target) return undefined;
  if (target.recipientUserId) {
    await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(eq(notifications.id, target.id));
  } else {
    await db
      .insert(notificationReads)
      .values({ notificationId: target.id, userId: actor.userId, readAt: at })
      .onConflictDoNothing();
  }
  const [row] = await db.select(columnsFor(actor)).from(notifications).where(eq(notifications.id, target.id));
  return row ? view(row) : undefined;
}

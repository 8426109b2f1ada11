import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DbOrTx } from '../../db/client';
import { children } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { type ChildRow, reachChild, reachChildFor } from './child-access';
import { childDetail, unsafeFullChildDetail } from './child-detail';
import { type Changes, changedFieldsSince, recordChildChange, type Writer } from './history';
import type { ChildAction } from './policy';
import type { ChildDetail } from './schemas-detail';

/** The writer of a request: actor, request facts, the clock and today's date in Japan. */
export function writerOf(c: Context<AppEnv>, deps: Deps): Writer {
  const at = deps.now();
  return { actor: requireActor(c), meta: c.get('meta'), at, today: isoDateInJapan(at) };
}

/**
 * 409 for a stale version: the record as it is now (as the actor may see it) and the names of the fields
 * changed since the version the client read, from the history. Thrown inside the transaction, so the
 * write that was refused leaves nothing behind.
 */
export async function conflictError(
  db: DbOrTx,
  actor: Actor,
  childId: string,
  clientVersion: number,
  today: string,
): Promise<AppError> {
  const reached = await reachChild(db, actor, childId);
  const current = reached ? await childDetail(db, actor, reached, today) : undefined;
  if (!current) return new AppError('not_found');
  return new AppError('conflict', {
    detail: {
      current,
      changedFields: await changedFieldsSince(db, childId, clientVersion),
      yourVersion: clientVersion,
      currentVersion: current.version,
    },
  });
}

/**
 * Starts a write to one child: reaches it through the scope (404), checks the action (403) and takes the
 * optimistic lock — the version moves on only if it is still the one the client read (409 otherwise).
 * The UPDATE also locks the row, so concurrent writes to the same child queue here and the second one
 * sees the new version. Returns the row before the change, with its new version.
 */
export async function beginChildWrite(
  tx: DbOrTx,
  w: Writer,
  unverifiedChildId: string,
  action: ChildAction,
  clientVersion: number,
): Promise<ChildRow> {
  const child = await reachChildFor(tx, w.actor, unverifiedChildId, action);
  const [locked] = await tx
    .update(children)
    .set({ version: sql`${children.version} + 1`, updatedAt: w.at })
    .where(and(eq(children.id, child.id), eq(children.version, clientVersion)))
    .returning();
  if (!locked) throw await conflictError(tx, w.actor, child.id, clientVersion, w.today);
  return locked;
}

/** Records the change (history + audit, same transaction) made under {@link beginChildWrite}. */
export async function finishChildWrite(
  tx: DbOrTx,
  w: Writer,
  locked: ChildRow,
  action: string,
  changes: Changes,
): Promise<void> {
  await recordChildChange(tx, w, locked, locked.version, action, changes);
}

/**
 * The record to answer a write with. A write can take the child out of the actor's own view (municipal
 * staff withdrawing the sharing consent, or moving the child away): the answer then shows what was just
 * written, with no further action allowed.
 */
export async function detailAfterWrite(tx: DbOrTx, w: Writer, childId: string): Promise<ChildDetail> {
  const reached = await reachChild(tx, w.actor, childId);
  const detail = reached ? await childDetail(tx, w.actor, reached, w.today) : undefined;
  if (detail) return detail;
  const [row] = await tx.select().from(children).where(eq(children.id, childId));
  return unsafeFullChildDetail(tx, w.actor, row!, w.today, { actionsAllowed: false });
}

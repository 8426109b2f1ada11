import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { allowedChildActions, type ChildAction } from './policy';
import { type ChildAccess, childByIdScope } from './scope';

export type ChildRow = typeof children.$inferSelect;

/** A child loaded through the by-id scope, with the view the actor gets. */
export type ReachedChild = { child: ChildRow; access: ChildAccess };

/**
 * Loads one child by an id from the path through the by-id scope (scope.ts). Undefined when the id is not a
 * UUID, does not exist or is outside the actor's area: callers answer 404 for all three alike.
 */
export async function reachChild(
  db: DbOrTx,
  actor: Actor,
  unverifiedChildId: string,
): Promise<ReachedChild | undefined> {
  if (!isUuid(unverifiedChildId)) return undefined;
  const scope = childByIdScope(actor);
  const [row] = await db
    .select({ child: children, access: scope.access })
    .from(children)
    .where(and(eq(children.id, unverifiedChildId), scope.where));
  return row;
}

/**
 * The child for a write: 404 when out of reach, 403 when reached but the action is not the actor's
 * (read-only roles, the former-residence view). Out of scope is checked first so that nothing is revealed.
 */
export async function reachChildFor(
  db: DbOrTx,
  actor: Actor,
  unverifiedChildId: string,
  action: ChildAction,
): Promise<ChildRow> {
  const reached = await reachChild(db, actor, unverifiedChildId);
  if (!reached) throw new AppError('not_found');
  if (!allowedChildActions(actor, reached.access)[action]) throw new AppError('forbidden');
  return reached.child;
}

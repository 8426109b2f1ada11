/**
 * The access review of a declared event (docs/disaster.md §5): every opening beyond the usual consent — who (and
 * in which role), which child, when and why — for an administrator to sign off once the event is over. Read by
 * administrators and auditors of the whole prefecture; the read is audited.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children, municipalities, users } from '../../db/schema';
import { disasterEventOpenings } from '../../db/schema/disaster-events';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { presentEvents } from './events';
import { mayReadReviews } from './policy';
import { type ReadyPolicy, visibleEvent } from './scope';

export async function accessReview(
  db: DbOrTx,
  actor: Actor,
  p: ReadyPolicy,
  unverifiedId: string,
  now: Date,
) {
  if (!mayReadReviews(p)) throw new AppError('forbidden');
  const row = await visibleEvent(db, p, unverifiedId);
  const [event] = await presentEvents(db, actor, p, [row], now);
  const openings = await db
    .select({
      id: disasterEventOpenings.id,
      openedAt: disasterEventOpenings.openedAt,
      userName: users.displayName,
      role: users.role,
      childId: children.id,
      familyName: children.familyName,
      givenName: children.givenName,
      municipalityName: municipalities.name,
      reason: disasterEventOpenings.reason,
    })
    .from(disasterEventOpenings)
    .innerJoin(users, eq(users.id, disasterEventOpenings.userId))
    .innerJoin(children, eq(children.id, disasterEventOpenings.childId))
    .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
    .where(eq(disasterEventOpenings.eventId, row.id))
    .orderBy(asc(disasterEventOpenings.openedAt));
  return {
    event: event!,
    openings: openings.map((o) => ({
      id: o.id,
      openedAt: o.openedAt.toISOString(),
      userName: o.userName,
      role: o.role,
      childId: o.childId,
      childName: `${o.familyName} ${o.givenName}`,
      municipalityName: o.municipalityName,
      reason: o.reason,
    })),
  };
}

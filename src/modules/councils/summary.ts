/**
 * Figures of councils for the municipality page and the yearly activity report (事業実績): meetings held in a
 * 年度 by tier (the body's owner: prefecture, branch, region) and by kind, and the action items open now — all
 * within the bodies the actor reads (the same scope as the councils screens; a role without access gets
 * zeros). Counts of meetings and items only: no names.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { councilActionItems, councilBodies, councilMeetings } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { nendoRange } from '../../shared/nendo';
import type { CouncilBodyKind, CouncilTier } from '../../shared/vocab/councils';
import type { Actor } from '../access/actor';
import { overdueBeforeIn } from '../calendar/calendar';
import { bodyScope, councilPolicyFor } from './scope';

export type CouncilCounts = {
  fiscalYear: number;
  heldTotal: number;
  heldByTier: Record<CouncilTier, number>;
  heldByKind: { kind: CouncilBodyKind; count: number }[];
  openActionItems: number;
  overdueActionItems: number;
};

/** Meetings held in the 年度 by tier and kind, and open (and overdue) action items now, within the actor's scope. */
export async function councilCounts(
  db: DbOrTx,
  actor: Actor,
  fiscalYear: number,
  now: Date = new Date(),
): Promise<CouncilCounts> {
  const out: CouncilCounts = {
    fiscalYear,
    heldTotal: 0,
    heldByTier: { prefecture: 0, branch: 0, region: 0 },
    heldByKind: [],
    openActionItems: 0,
    overdueActionItems: 0,
  };
  const policy = await councilPolicyFor(db, actor);
  if (policy.read.kind === 'none') return out;
  const today = isoDateInJapan(now);
  const { start, end } = nendoRange(fiscalYear);
  // Overdue in working days: a due date on a closed day falls due on the next working day.
  const overdueBefore = await overdueBeforeIn(db, policy.prefectureCode, today);
  const tier = sql<CouncilTier>`case when ${councilBodies.ownerCentreId} is not null then 'branch' when ${councilBodies.ownerRegionId} is not null then 'region' else 'prefecture' end`;
  const [held, items] = await Promise.all([
    db
      .select({ tier, kind: councilBodies.kind, n: count() })
      .from(councilMeetings)
      .innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
      .where(
        and(
          bodyScope(policy, 'read', today),
          eq(councilMeetings.status, 'held'),
          sql`(${councilMeetings.startsAt} at time zone 'Asia/Tokyo')::date between ${start}::date and ${end}::date`,
        ),
      )
      .groupBy(tier, councilBodies.kind),
    db
      .select({
        open: count(),
        overdue:
          sql<number>`count(*) filter (where ${councilActionItems.dueOn} < ${overdueBefore}::date)`.mapWith(
            Number,
          ),
      })
      .from(councilActionItems)
      .innerJoin(councilBodies, eq(councilBodies.id, councilActionItems.bodyId))
      .where(and(bodyScope(policy, 'read', today), eq(councilActionItems.status, 'open'))),
  ]);
  const byKind = new Map<CouncilBodyKind, number>();
  for (const r of held) {
    out.heldTotal += r.n;
    out.heldByTier[r.tier] += r.n;
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
  }
  out.heldByKind = [...byKind].map(([kind, n]) => ({ kind, count: n })).sort((a, b) => b.count - a.count);
  out.openActionItems = items[0]?.open ?? 0;
  out.overdueActionItems = items[0]?.overdue ?? 0;
  return out;
}

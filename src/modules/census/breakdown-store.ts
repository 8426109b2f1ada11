import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusMembers, censusRuns, children } from '../../db/schema';
import { type BreakdownMember, type CountBreakdown, countBreakdown } from './breakdown';

/**
 * A run's count breakdown (breakdown.ts) from its members as stored, written onto the run: at the end of the
 * linkage job and after each decision that moves a member (review.ts), so the run list shows the same figures as
 * the results page. Registry statuses are read as they are now, as the results read them.
 */
export async function refreshBreakdown(db: DbOrTx, runId: string): Promise<CountBreakdown> {
  const rows = await db
    .select({ cluster: censusMembers.cluster, recordId: censusMembers.recordId, status: children.status })
    .from(censusMembers)
    .leftJoin(children, eq(children.id, censusMembers.childId))
    .where(eq(censusMembers.runId, runId))
    .orderBy(asc(censusMembers.cluster));
  const by = new Map<number, BreakdownMember[]>();
  for (const r of rows) {
    const list = by.get(r.cluster) ?? [];
    list.push({ kind: r.recordId !== null ? 'record' : 'registry', childStatus: r.status ?? null });
    by.set(r.cluster, list);
  }
  const breakdown = countBreakdown(by.values());
  await db.update(censusRuns).set({ breakdown }).where(eq(censusRuns.id, runId));
  return breakdown;
}

/**
 * How a run's records become the children it counts — the figures the run list and the results page both show,
 * so "310件 → 304人" and "278人" explain each other:
 *
 *   名簿 270件 + 台帳 40人 = 310件 → 同一人物の重複 6件を統合 → 304人 → 台帳のみの死亡 3人・転出 20人・成人期移行 3人を除く → 278人
 *
 * A person (cluster) is left out of the 年度's figures only when every record of it is a registry child who
 * died, moved out of the prefecture or moved to adult services (results.ts isCounted): those records take part
 * to explain list records, not to be counted. Pure.
 */
import type { CensusCountBreakdown } from '../../db/schema/census';
import type { ChildStatus } from '../../db/schema/registry';

export type CountBreakdown = CensusCountBreakdown;

/** What the breakdown reads of a member. */
export type BreakdownMember = { kind: 'record' | 'registry'; childStatus: ChildStatus | null };

type Reason = keyof CountBreakdown['excluded'];

/** Why a cluster is left out (the first reason among its registry children), or null when it counts. */
export function exclusionOf(members: readonly BreakdownMember[]): Reason | null {
  if (members.length === 0) return null;
  const statuses = new Set<ChildStatus | null>();
  for (const m of members) {
    if (m.kind === 'record') return null;
    statuses.add(m.childStatus);
  }
  const order: [ChildStatus, Reason][] = [
    ['deceased', 'deceased'],
    ['moved_out', 'movedOut'],
    ['adult_services', 'adultServices'],
  ];
  for (const s of statuses) if (!s || !order.some(([o]) => o === s)) return null;
  return order.find(([s]) => statuses.has(s))![1];
}

/** The breakdown of a run's members grouped by cluster. */
export function countBreakdown(clusters: Iterable<readonly BreakdownMember[]>): CountBreakdown {
  const out: CountBreakdown = {
    listRecords: 0,
    registryRecords: 0,
    records: 0,
    merged: 0,
    people: 0,
    excluded: { deceased: 0, movedOut: 0, adultServices: 0 },
    children: 0,
  };
  for (const members of clusters) {
    if (members.length === 0) continue;
    out.people++;
    for (const m of members) {
      if (m.kind === 'record') out.listRecords++;
      else out.registryRecords++;
    }
    const reason = exclusionOf(members);
    if (reason) out.excluded[reason]++;
    else out.children++;
  }
  out.records = out.listRecords + out.registryRecords;
  out.merged = out.records - out.people;
  return out;
}

/** The number of people left out, all reasons together. */
export function excludedTotal(b: CountBreakdown): number {
  return b.excluded.deceased + b.excluded.movedOut + b.excluded.adultServices;
}

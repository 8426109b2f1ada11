/**
 * A supervise team proposed for a consultation (ME-2; docs/learning.md §7), pure: from a branch's pool, the
 * members who together cover the expertise the case needs, preferring those with the fewest open supervise
 * requests. Greedy weighted set cover: each step takes the candidate with the most still-uncovered tags per
 * unit of cost, where cost is 1 + the candidate's open supervise requests; ties go to more new tags, then
 * lower load, then the sort key (kana name), then the person id — so the same pool always gives the same team.
 * Greedy is within a factor ln(k) of the cheapest cover, which is plenty for the handful of tags a case needs.
 */

export type PoolCandidate<Tag extends string = string> = {
  personId: string;
  tags: readonly Tag[];
  /** Open supervise requests of the teams this person is a member of. */
  load: number;
  /** How the person sorts by name (kana), for ties. */
  sortKey: string;
};

export type ProposedMember<Tag extends string = string> = {
  personId: string;
  /** The needed tags this member was chosen for (those not covered by an earlier choice). */
  covers: Tag[];
  load: number;
};

export type TeamProposal<Tag extends string = string> = {
  members: ProposedMember<Tag>[];
  /** Needed tags no one in the pool has. */
  uncovered: Tag[];
};

/** Compares a/b against c/d for non-negative numerators and positive denominators (no floating point). */
function ratioCompare(a: number, b: number, c: number, d: number): number {
  return a * d - c * b;
}

export function proposeSuperviseTeam<Tag extends string>(
  needed: readonly Tag[],
  pool: readonly PoolCandidate<Tag>[],
  opts: { maxMembers?: number } = {},
): TeamProposal<Tag> {
  const open = new Set(needed);
  const members: ProposedMember<Tag>[] = [];
  const taken = new Set<string>();
  const max = opts.maxMembers ?? Number.POSITIVE_INFINITY;
  while (open.size > 0 && members.length < max) {
    let best: { c: PoolCandidate<Tag>; gain: Tag[] } | null = null;
    for (const c of pool) {
      if (taken.has(c.personId)) continue;
      const gain = [...new Set(c.tags)].filter((t) => open.has(t));
      if (gain.length === 0) continue;
      if (!best) {
        best = { c, gain };
        continue;
      }
      const load = Math.max(0, c.load);
      const bestLoad = Math.max(0, best.c.load);
      const byRatio = ratioCompare(gain.length, load + 1, best.gain.length, bestLoad + 1);
      const better =
        byRatio > 0 ||
        (byRatio === 0 &&
          (gain.length > best.gain.length ||
            (gain.length === best.gain.length &&
              (load < bestLoad ||
                (load === bestLoad &&
                  (c.sortKey < best.c.sortKey ||
                    (c.sortKey === best.c.sortKey && c.personId < best.c.personId)))))));
      if (better) best = { c, gain };
    }
    if (!best) break;
    taken.add(best.c.personId);
    const covers = needed.filter((t) => best.gain.includes(t));
    for (const t of covers) open.delete(t);
    members.push({ personId: best.c.personId, covers, load: best.c.load });
  }
  return { members, uncovered: needed.filter((t) => open.has(t)) };
}

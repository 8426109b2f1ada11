/**
 * Clustering of scored pairs into children. Link edges are merged from the strongest down (union–find);
 * a merge is refused when it would put two records of the same list into one child unless that pair itself
 * scores above the link threshold (a list rarely holds one child twice) and is not kept apart by the caller
 * (linkRecords: the two give different municipalities or street addresses — a list does not hold one
 * child at two addresses, but does hold two children who share a name and birth date), or when any cross
 * pair is a twin pair. Pairs between the review and link thresholds, and strong pairs refused only for want
 * of a strong pair inside one list, are returned for a person to decide — one per two clusters.
 */

/** Thresholds on a pair's match weight (posterior log2 odds): ≥ link joins automatically, ≥ review goes to a person. */
export type Thresholds = { link: number; review: number };

/**
 * Defaults calibrated on seeded sets (src/demo/census-lists.ts, docs/census.md "The review band"): pairs from
 * −1 to +2 bits of posterior log-odds go to a person, +2 and above join automatically. On 16 sets of 350 to
 * 9,700 records (56,534 in all) the band holds 31 pairs (0.05 % of records), 14 of them (45 %) the same child,
 * and the automatic F1 is 0.9935–1.0000 (0.9991 and above from 3,000 records). The band used to be −5 to +1
 * (with m by EM): 0.2–2.5 % of records, 0–29 % of them the same child.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { link: 2, review: -1 };

/**
 * A scored candidate pair (record indexes a < b). `guard`: 'twin' — never in one cluster (see isTwinPair);
 * 'names' — the names disagree entirely, so the pair may go to review but is never linked automatically.
 */
export type ScoredPair = { a: number; b: number; weight: number; guard: 'twin' | 'names' | null };

export type Clustering = {
  /** Cluster number per record index (0-based, in order of first record). */
  clusterOf: number[];
  clusterCount: number;
  /**
   * Pairs left to a person: review ≤ weight < link, or strong pairs whose merge one list left unsure; at
   * most one between two clusters (the strongest), never one the run itself keeps apart.
   */
  review: ScoredPair[];
};

/**
 * Clusters `n` records from their scored pairs. `fileOf` gives each record's source list; `apartInList`, when
 * given, names pairs of records of one list that are never one child whatever their weight (linkRecords: the
 * two records give different municipalities — a list does not hold one child at two municipalities, but may
 * hold two children with one name and birth date).
 */
export function clusterPairs(
  n: number,
  fileOf: (i: number) => string,
  pairs: readonly ScoredPair[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  apartInList?: (a: number, b: number) => boolean,
): Clustering {
  const parent = Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // canMerge only asks whether a cross pair is a twin pair or scores at least the link threshold, so only
  // those pairs are indexed (a small share of all candidates), under a numeric key.
  const pairInfo = new Map<number, ScoredPair>();
  const id = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  for (const p of pairs) if (p.guard === 'twin' || p.weight >= thresholds.link) pairInfo.set(id(p.a, p.b), p);

  /**
   * Whether two clusters may be joined: 'apart' when some cross pair is twins or two records one list keeps
   * apart (the run itself shows two children: no one is asked), 'unsure' when one list holds records of
   * both and their own pair is not strong enough (a person decides).
   */
  const canMerge = (ra: number, rb: number): 'yes' | 'apart' | 'unsure' => {
    let verdict: 'yes' | 'unsure' = 'yes';
    for (const x of members[ra]!) {
      for (const y of members[rb]!) {
        const p = pairInfo.get(id(x, y));
        if (p?.guard === 'twin') return 'apart';
        if (fileOf(x) !== fileOf(y)) continue;
        if (apartInList?.(x, y)) return 'apart';
        if (!(p && p.weight >= thresholds.link)) verdict = 'unsure';
      }
    }
    return verdict;
  };

  const review: ScoredPair[] = [];
  const sorted = pairs
    .filter((p) => p.weight >= thresholds.review)
    .sort((p, q) => q.weight - p.weight || p.a - q.a || p.b - q.b);
  for (const p of sorted) {
    if (p.weight < thresholds.review) break;
    if (p.guard === 'twin') continue;
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra === rb) continue;
    if (p.weight < thresholds.link || p.guard === 'names') {
      review.push(p);
      continue;
    }
    const verdict = canMerge(ra, rb);
    if (verdict === 'unsure') review.push(p);
    if (verdict !== 'yes') continue;
    const [big, small] = members[ra]!.length >= members[rb]!.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members[big]!.push(...members[small]!);
    members[small] = [];
  }

  const clusterOf = new Array<number>(n);
  const numberOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let c = numberOf.get(r);
    if (c === undefined) {
      c = numberOf.size;
      numberOf.set(r, c);
    }
    clusterOf[i] = c;
  }
  // Review pairs whose records ended up together need no decision, and two children are asked about once:
  // the strongest pair between two clusters stands for them all (review is in descending weight), so a
  // pair never comes twice — in either order, from any blocking rule, or through another record of either
  // child. Deciding it 'same' joins the clusters; 'different' answers the others too.
  const asked = new Set<number>();
  const open: ScoredPair[] = [];
  for (const p of review) {
    const x = clusterOf[p.a]!;
    const y = clusterOf[p.b]!;
    if (x === y) continue;
    const key = x < y ? x * n + y : y * n + x;
    if (asked.has(key)) continue;
    asked.add(key);
    open.push(p);
  }
  return { clusterOf, clusterCount: numberOf.size, review: open };
}

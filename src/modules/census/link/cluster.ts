/**
 * Clustering of scored pairs into children. Link edges are merged from the strongest down (union–find);
 * a merge is refused when it would put two records of the same list into one child unless that pair itself
 * scores above the link threshold (a list rarely holds one child twice) and is not kept apart by the caller
 * (linkRecords: the two give different municipalities — a list does not hold one child at two addresses
 * in two towns, but does hold two children who share a name and birth date), or when any cross pair is a
 * twin pair. Pairs between the review and link thresholds are returned for a person to decide.
 */

/** Thresholds on a pair's match weight (posterior log2 odds): ≥ link joins automatically, ≥ review goes to a person. */
export type Thresholds = { link: number; review: number };

/**
 * Defaults chosen on seeded sets (src/demo/census-lists.ts) of 350, 950, 3,100 and 9,700 records, four seeds each: with
 * link at +1 bit of posterior log-odds (about 2:1 for a match) the worst F1 was 0.991 and the worst count
 * error 0.7 %; +2 and above split moved children in small sets, −1 and below merge namesakes in large ones.
 * Pairs from −5 to +1 bits go to review. Re-checked with the name-frequency adjustment, the kana weighed
 * given the kanji's given names and one list's two municipalities kept apart (decision 0007), seeds 1–6:
 * +1 gives worst F1 0.996 and count error 0.26 % (950 records), and anything from −1 to +3 stays above
 * 0.99 / 1 % at those sizes, so +1 was kept.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { link: 1, review: -5 };

/**
 * A scored candidate pair (record indexes a < b). `guard`: 'twin' — never in one cluster (see isTwinPair);
 * 'names' — the names disagree entirely, so the pair may go to review but is never linked automatically.
 */
export type ScoredPair = { a: number; b: number; weight: number; guard: 'twin' | 'names' | null };

export type Clustering = {
  /** Cluster number per record index (0-based, in order of first record). */
  clusterOf: number[];
  clusterCount: number;
  /** Pairs left to a person: review ≤ weight < link, or refused merges of strong pairs. */
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

  const canMerge = (ra: number, rb: number): boolean => {
    for (const x of members[ra]!) {
      for (const y of members[rb]!) {
        const p = pairInfo.get(id(x, y));
        if (p?.guard === 'twin') return false;
        if (fileOf(x) !== fileOf(y)) continue;
        if (!(p && p.weight >= thresholds.link) || apartInList?.(x, y)) return false;
      }
    }
    return true;
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
    if (!canMerge(ra, rb)) {
      review.push(p);
      continue;
    }
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
  // Review pairs whose records ended up together need no decision.
  const open = review.filter((p) => clusterOf[p.a] !== clusterOf[p.b]);
  return { clusterOf, clusterCount: numberOf.size, review: open };
}

/**
 * The linkage pipeline: keys → blocking → comparison → model (estimated on this data) → clustering.
 * Pure: takes records, returns cluster numbers per record and the pairs left for review.
 */
import type { CensusRecord } from '../types';
import { candidatePairIndexes } from './block';
import { clusterPairs, DEFAULT_THRESHOLDS, type ScoredPair, type Thresholds } from './cluster';
import { type Comparison, compare, comparisonCode, isTwinPair, namesDisagree } from './compare';
import { buildKeys } from './keys';
import { estimateModel, type Model, matchWeight } from './model';

export type LinkResult = {
  /** Cluster number per input record (0-based). */
  clusterOf: number[];
  clusterCount: number;
  /** Scored candidate pairs with their comparison vectors (for explain()). */
  pairs: (ScoredPair & { comparison: Comparison })[];
  review: ScoredPair[];
  model: Model;
};

/** Links records (all lists of the year, and the registry's records as one more list) into children. */
export function linkRecords(
  records: readonly CensusRecord[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): LinkResult {
  const keys = buildKeys(records);
  const candidates = candidatePairIndexes(keys);
  const { a: left, b: right } = candidates;
  // A few thousand distinct comparison vectors cover millions of pairs: pairs share one (frozen) vector
  // object per combination of levels, and its weight is computed once.
  const shared = new Map<number, Comparison>();
  const comparisons = new Array<Comparison>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = compare(keys[left[i]!]!, keys[right[i]!]!);
    const code = comparisonCode(c);
    const known = shared.get(code);
    if (known) comparisons[i] = known;
    else {
      shared.set(code, Object.freeze(c));
      comparisons[i] = c;
    }
  }
  const model = estimateModel(keys, comparisons);
  const weightOf = new Map<Comparison, number>();
  for (const c of shared.values()) weightOf.set(c, matchWeight(model, c));
  const pairs = new Array<ScoredPair & { comparison: Comparison }>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const a = left[i]!;
    const b = right[i]!;
    const comparison = comparisons[i]!;
    pairs[i] = {
      a,
      b,
      comparison,
      weight: weightOf.get(comparison)!,
      guard: isTwinPair(keys[a]!, keys[b]!) ? 'twin' : namesDisagree(comparison) ? 'names' : null,
    };
  }
  const clustering = clusterPairs(records.length, (i) => records[i]!.file, pairs, thresholds);
  return { ...clustering, pairs, model };
}

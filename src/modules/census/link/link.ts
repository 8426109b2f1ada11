/**
 * The linkage pipeline: keys → blocking → comparison → model (estimated on this data) → clustering.
 * Pure: takes records, returns cluster numbers per record and the pairs left for review.
 */
import type { CensusRecord } from '../types';
import { candidatePairs } from './block';
import { clusterPairs, DEFAULT_THRESHOLDS, type ScoredPair, type Thresholds } from './cluster';
import { type Comparison, compare, isTwinPair, namesDisagree } from './compare';
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
  const candidates = candidatePairs(keys);
  const comparisons = candidates.map(({ a, b }) => compare(keys[a]!, keys[b]!));
  const model = estimateModel(keys, comparisons);
  const pairs = candidates.map(({ a, b }, i) => ({
    a,
    b,
    comparison: comparisons[i]!,
    weight: matchWeight(model, comparisons[i]!),
    guard: isTwinPair(keys[a]!, keys[b]!)
      ? ('twin' as const)
      : namesDisagree(comparisons[i]!)
        ? ('names' as const)
        : null,
  }));
  const clustering = clusterPairs(records.length, (i) => records[i]!.file, pairs, thresholds);
  return { ...clustering, pairs, model };
}

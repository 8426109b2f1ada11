/**
 * The linkage pipeline: keys → blocking → comparison → model (estimated on this data) → name-frequency
 * adjustment (tf.ts) → clustering. Pure: takes records, returns cluster numbers per record and the pairs left
 * for review.
 */
import type { CensusRecord } from '../types';
import { candidatePairIndexes } from './block';
import { clusterPairs, DEFAULT_THRESHOLDS, type ScoredPair, type Thresholds } from './cluster';
import {
  addressesDiffer,
  COMPARISON_CODES,
  type Comparison,
  compare,
  comparisonCode,
  isTwinPair,
  namesDisagree,
} from './compare';
import { buildKeys } from './keys';
import { type Contribution, estimateModel, explain, type Model, matchWeight } from './model';
import { type Adjustment, type TermFrequencies, termFrequencies, tfAdjustments, tfBits } from './tf';

export type LinkResult = {
  /** Cluster number per input record (0-based). */
  clusterOf: number[];
  clusterCount: number;
  /**
   * Scored candidate pairs with their comparison vectors. A pair's weight is the model's weight of its
   * comparison plus the name-frequency adjustment (tf.ts): use {@link explainPair} to show both parts.
   */
  pairs: (ScoredPair & { comparison: Comparison })[];
  review: ScoredPair[];
  model: Model;
  /** The run's name-frequency tables (set by {@link linkRecords}; read by {@link explainPair}). */
  tf?: TermFrequencies;
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
  const byCode = new Array<Comparison | undefined>(COMPARISON_CODES).fill(undefined);
  const codes = new Uint16Array(candidates.length);
  const comparisons = new Array<Comparison>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = compare(keys[left[i]!]!, keys[right[i]!]!);
    const code = comparisonCode(c);
    codes[i] = code;
    let known = byCode[code];
    if (!known) {
      known = Object.freeze(c);
      byCode[code] = known;
    }
    comparisons[i] = known;
  }
  const twin = new Uint8Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) twin[i] = isTwinPair(keys[left[i]!]!, keys[right[i]!]!) ? 1 : 0;
  const model = estimateModel(keys, comparisons, (i) => twin[i] === 1);
  // Name frequencies refine the name agreement's weight pair by pair (tf.ts): a common name weighs less.
  const tf = termFrequencies(keys);
  const weightOf = new Float64Array(COMPARISON_CODES);
  for (const c of byCode) if (c) weightOf[comparisonCode(c)] = matchWeight(model, c);
  const pairs = new Array<ScoredPair & { comparison: Comparison }>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const a = left[i]!;
    const b = right[i]!;
    const comparison = comparisons[i]!;
    pairs[i] = {
      a,
      b,
      comparison,
      weight: weightOf[codes[i]!]! + tfBits(tf, comparison, a),
      guard: twin[i] === 1 ? 'twin' : namesDisagree(comparison) ? 'names' : null,
    };
  }
  // Two records of one list at two municipalities are two children, however alike (cluster.ts).
  // Birth dates more than a year apart are two children: such a pair is neither linked nor put to review.
  const clustering = clusterPairs(
    records.length,
    (i) => records[i]!.file,
    pairs.filter((p) => p.comparison.birthDate !== 'far'),
    thresholds,
    (x, y) => {
      const [mx, my] = [keys[x]!.municipality, keys[y]!.municipality];
      return (mx !== null && my !== null && mx !== my) || addressesDiffer(keys[x]!, keys[y]!);
    },
  );
  return { ...clustering, pairs, model, tf };
}

/**
 * Why a pair scored what it did, for the review screen: the prior, each field's level with m, u and bits
 * (as {@link explain}), and the name-frequency adjustments (tf.ts: 'common given name "陽翔": held by 44
 * children in this run (typically 9.8): −2.2 bits', with `noteJa` and the counts for a screen of its own).
 * A pair has one adjustment when its names agree in some key (exactly, or the given names only) and none
 * otherwise; in small runs most are near 0 bits. `total` is exactly `result.pairs[pairIndex].weight`:
 * prior + Σ fields' bits + Σ adjustments' bits. Throws a RangeError for an index outside `result.pairs`.
 */
export function explainPair(
  result: LinkResult,
  pairIndex: number,
): { prior: number; total: number; fields: Contribution[]; adjustments: Adjustment[] } {
  const pair = result.pairs[pairIndex];
  if (!pair) throw new RangeError(`no pair ${pairIndex} (the run has ${result.pairs.length})`);
  const { prior, fields } = explain(result.model, pair.comparison);
  const adjustments = result.tf ? tfAdjustments(result.tf, pair.comparison, pair.a) : [];
  // The same sum, in the same order, as linkRecords computed the weight.
  const total =
    matchWeight(result.model, pair.comparison) + (result.tf ? tfBits(result.tf, pair.comparison, pair.a) : 0);
  return { prior, total, fields, adjustments };
}

/**
 * Evaluation of a clustering against the truth: pairwise precision, recall and F1 (over all record pairs put
 * in one cluster), and the error of the distinct-children count, next to the naive baseline that joins
 * records with exactly the same written name and birth date.
 */
import type { CensusRecord } from '../types';

export type Evaluation = {
  precision: number;
  recall: number;
  f1: number;
  clusters: number;
  children: number;
  /** |clusters − children| / children. */
  countError: number;
};

const pairsIn = (n: number) => (n * (n - 1)) / 2;

function tally<K>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Scores `clusterOf` (a label per record) against `truth` (the true child per record). */
export function evaluate(
  clusterOf: readonly (string | number)[],
  truth: readonly (string | number)[],
): Evaluation {
  if (clusterOf.length !== truth.length) throw new Error('clusterOf and truth differ in length');
  const predicted = tally(clusterOf);
  const actual = tally(truth);
  const both = tally(clusterOf.map((c, i) => `${c}\u0000${truth[i]}`));
  let tp = 0;
  for (const n of both.values()) tp += pairsIn(n);
  let pp = 0;
  for (const n of predicted.values()) pp += pairsIn(n);
  let ap = 0;
  for (const n of actual.values()) ap += pairsIn(n);
  const precision = pp === 0 ? 1 : tp / pp;
  const recall = ap === 0 ? 1 : tp / ap;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    clusters: predicted.size,
    children: actual.size,
    countError: actual.size === 0 ? 0 : Math.abs(predicted.size - actual.size) / actual.size,
  };
}

/** The baseline clustering: records with the same written name (trimmed) and birth date are one child. */
export function baselineClusters(records: readonly CensusRecord[]): string[] {
  return records.map((r, i) => (r.name && r.birthDate ? `${r.name.trim()}|${r.birthDate}` : `\u0000row${i}`));
}

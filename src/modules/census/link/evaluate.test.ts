import { describe, expect, it } from 'vitest';
import { generateCensus } from '../../../demo/census-lists';
import { baselineClusters, evaluate } from './evaluate';
import { linkRecords } from './link';

describe('evaluate', () => {
  it('computes pairwise precision, recall, F1 and the count error', () => {
    const e = evaluate(['a', 'a', 'b', 'c'], [1, 1, 1, 2]);
    expect(e.precision).toBe(1);
    expect(e.recall).toBeCloseTo(1 / 3);
    expect(e.countError).toBe(0.5);
  });

  it('generates the same lists for the same seed', () => {
    const a = generateCensus({ seed: 3, children: 50 });
    expect(generateCensus({ seed: 3, children: 50 })).toEqual(a);
    expect(new Set(a.records.map((r) => r.file)).size).toBe(3);
  });
});

describe('linkage on seeded realistic sets of ~3,100 records', () => {
  it.each([4, 5])(
    'seed %i: F1 ≥ 0.99 and count error ≤ 1 %, far above the exact name + birth-date baseline',
    (seed) => {
      const set = generateCensus({ seed, children: 1300 });
      expect(set.records.length).toBeGreaterThan(2800);
      const ours = evaluate(linkRecords(set.records).clusterOf, set.truth);
      const base = evaluate(baselineClusters(set.records), set.truth);
      expect(ours.f1).toBeGreaterThanOrEqual(0.99);
      expect(ours.countError).toBeLessThanOrEqual(0.01);
      expect(base.f1).toBeLessThan(0.7);
      expect(base.countError).toBeGreaterThan(0.3);
    },
  );
});

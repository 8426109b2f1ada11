import { describe, expect, it } from 'vitest';
import { generateCensus } from '../../../demo/census-lists';
import type { CensusRecord } from '../types';
import { evaluate } from './evaluate';
import { linkRecords } from './link';

/**
 * The clerical review band (issue: "review worth a clerk's time"): few pairs, a fair share of them the same
 * child, no obvious non-match and no pair twice; the automatic links stay accurate.
 */

function rec(file: string, row: number, name: string, kana: string, birthDate: string): CensusRecord {
  return {
    file,
    row,
    name,
    kana,
    birthDate,
    sex: 'male',
    address: '藤沢市本町1-2-3',
    municipalityCode: '142051',
    school: null,
    grade: null,
    raw: {},
  };
}

describe('the review band', () => {
  it('never puts records nine years apart in birth date to review, nor links them', () => {
    const background = generateCensus({ seed: 11, children: 400 }).records;
    // Everything agrees but the birth date: 2010 and 2019 (one digit, nine years).
    const all = [
      ...background,
      rec('x.csv', 1, '岡田 律', 'オカダ リツ', '2019-03-07'),
      rec('y.csv', 1, '岡田 律', 'オカダ リツ', '2010-03-07'),
    ];
    const [a, b] = [all.length - 2, all.length - 1];
    const r = linkRecords(all);
    expect(r.pairs.find((p) => p.a === a && p.b === b)?.comparison.birthDate).toBe('far');
    expect(r.review.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))).toBe(false);
    expect(r.clusterOf[a]).not.toBe(r.clusterOf[b]);
  });

  it('asks about two children once: no pair twice, in either order or through another record', () => {
    const set = generateCensus({ seed: 1, children: 2000 });
    const r = linkRecords(set.records, { link: 2, review: -5 });
    expect(r.review.length).toBeGreaterThan(5);
    const records = new Set(r.review.map((p) => `${Math.min(p.a, p.b)}:${Math.max(p.a, p.b)}`));
    const children = new Set(
      r.review.map((p) => {
        const [x, y] = [r.clusterOf[p.a]!, r.clusterOf[p.b]!];
        return `${Math.min(x, y)}:${Math.max(x, y)}`;
      }),
    );
    expect(records.size).toBe(r.review.length);
    expect(children.size).toBe(r.review.length);
  });

  it('on seeded realistic lists: review ≤ 2 % of records, at least a third the same child, F1 ≥ 0.995', () => {
    let records = 0;
    let review = 0;
    let same = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const set = generateCensus({ seed, children: 1300 });
      const r = linkRecords(set.records);
      records += set.records.length;
      review += r.review.length;
      same += r.review.filter((p) => set.truth[p.a] === set.truth[p.b]).length;
      expect(r.review.length / set.records.length, `seed ${seed}`).toBeLessThanOrEqual(0.02);
      expect(evaluate(r.clusterOf, set.truth).f1, `seed ${seed}`).toBeGreaterThanOrEqual(0.995);
    }
    expect(records).toBeGreaterThan(18_000);
    expect(review).toBeGreaterThan(0);
    expect(review / records).toBeLessThanOrEqual(0.02);
    expect(same / review).toBeGreaterThanOrEqual(1 / 3);
  });

  it('asks little about a list of distinct children (no matches to learn from)', () => {
    const set = generateCensus({ seed: 2, children: 3000 });
    const seen = new Set<string>();
    const registry = set.records.flatMap((r, i) => {
      if (seen.has(set.truth[i]!)) return [];
      seen.add(set.truth[i]!);
      return [{ ...r, file: 'registry' }];
    });
    const r = linkRecords(registry);
    expect(r.review.length / registry.length).toBeLessThanOrEqual(0.02);
    // Distinct children: at most the generator's rare namesakes (same name, birth date and sex) join.
    expect(registry.length - r.clusterCount).toBeLessThanOrEqual(registry.length * 0.005);
  });
});

/** Tallies add up (tally.ts): merging two equals counting both at once; the median is PostgreSQL's. */
import { describe, expect, it } from 'vitest';
import { type CountRow, cellsOfRows, emptyTally, mergeTally, numberSummary } from './tally';

const row = (r: Partial<CountRow>): CountRow => ({
  kind: 'c',
  region_id: 'r1',
  municipality_code: '142051',
  q: 'open_link',
  k1: null,
  k2: null,
  n: 1,
  x: null,
  ...r,
});

describe('tally', () => {
  it('gives the median between the two middle values, as percentile_cont(0.5)', () => {
    expect(numberSummary([])).toBeNull();
    expect(numberSummary([[4, 1]])).toEqual({ min: 4, max: 4, mean: 4, median: 4 });
    expect(
      numberSummary([
        [1, 1],
        [2, 1],
        [10, 2],
      ]),
    ).toEqual({ min: 1, max: 10, mean: 23 / 4, median: 6 });
    expect(
      numberSummary([
        [0, 3],
        [5, 1],
        [9, 1],
      ]),
    ).toEqual({ min: 0, max: 9, mean: 14 / 5, median: 0 });
  });

  it('merges counts and values as one count of both would', () => {
    const a = cellsOfRows([
      row({ n: 3 }),
      row({ kind: 'v', q: 's', k1: 'yes', n: 2 }),
      row({ kind: 'm', q: 'm', k1: 'r', k2: 'c', n: 1 }),
      row({ kind: 'x', q: 'n', x: 3, n: 2 }),
    ]);
    const b = cellsOfRows([
      row({ n: 2 }),
      row({ kind: 'v', q: 's', k1: 'yes', n: 1 }),
      row({ kind: 'v', q: 's', k1: 'no', n: 1 }),
      row({ kind: 'x', q: 'n', x: '1', n: 1 }),
      row({ kind: 'x', q: 'n', x: 3, n: 1 }),
    ]);
    const merged = mergeTally(mergeTally(emptyTally(), a.get('r1|142051')!.tally), b.get('r1|142051')!.tally);
    expect(merged.channels).toEqual({ open_link: 5 });
    expect(merged.choices).toEqual({ s: { yes: 3, no: 1 } });
    expect(merged.matrix).toEqual({ m: { r: { c: 1 } } });
    expect(merged.numbers).toEqual({
      n: [
        [1, 1],
        [3, 3],
      ],
    });
  });
});

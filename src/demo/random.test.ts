import { describe, expect, it } from 'vitest';
import { addYears, createRng, daysToIso, deriveSeed, hashString, isoToDays } from './random';

const take = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = take(50, a.next);
    expect(take(50, b.next)).toEqual(sa);
    expect(take(50, c.next)).not.toEqual(sa);
  });

  it('yields floats in [0, 1)', () => {
    const r = createRng(1);
    for (const x of take(10_000, r.next)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('int covers both ends of the range and nothing outside', () => {
    const r = createRng(2);
    const seen = new Set(take(2_000, () => r.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(2, 1)).toThrow();
    expect(() => r.int(0.5, 2)).toThrow();
  });

  it('chance follows its probability roughly', () => {
    const r = createRng(3);
    const hits = take(20_000, () => r.chance(0.25)).filter(Boolean).length;
    expect(hits / 20_000).toBeGreaterThan(0.23);
    expect(hits / 20_000).toBeLessThan(0.27);
    expect(take(100, () => r.chance(0)).some(Boolean)).toBe(false);
  });

  it('pick returns members and refuses an empty list', () => {
    const r = createRng(4);
    const items = ['a', 'b', 'c'];
    expect(new Set(take(300, () => items.indexOf(r.pick(items))))).toEqual(new Set([0, 1, 2]));
    expect(() => r.pick([])).toThrow();
  });

  it('weighted follows the weights and never picks a zero weight', () => {
    const r = createRng(5);
    const counts = { a: 0, b: 0, z: 0 };
    for (let i = 0; i < 30_000; i++)
      counts[
        r.weighted([
          ['a', 1],
          ['b', 3],
          ['z', 0],
        ] as const)
      ]++;
    expect(counts.z).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
    expect(() => r.weighted([['x', 0]])).toThrow();
    expect(() => r.weighted([['x', -1]])).toThrow();
  });

  it('shuffle is a permutation and leaves the input alone', () => {
    const r = createRng(6);
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = r.shuffle(input);
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input[0]).toBe(0);
  });

  it('dateBetween stays within both inclusive bounds and reaches them', () => {
    const r = createRng(7);
    const dates = new Set(take(2_000, () => r.dateBetween('2024-02-27', '2024-03-02')));
    expect([...dates].sort()).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    expect(r.dateBetween('2020-01-01', '2020-01-01')).toBe('2020-01-01');
  });

  it('fork gives independent, reproducible streams regardless of use of the parent', () => {
    const a = createRng(8);
    a.next();
    a.next();
    const b = createRng(8);
    expect(take(10, a.fork('children').next)).toEqual(take(10, b.fork('children').next));
    expect(take(10, createRng(8).fork('x').next)).not.toEqual(take(10, createRng(8).fork('y').next));
  });
});

describe('helpers', () => {
  it('hashString and deriveSeed are stable 32-bit values', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(deriveSeed(1, 'x')).toBe(deriveSeed(1, 'x'));
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
    expect(deriveSeed(1, 'x')).toBeLessThan(2 ** 32);
  });

  it('converts ISO dates to day numbers and back without time-zone shifts', () => {
    expect(isoToDays('1970-01-01')).toBe(0);
    expect(daysToIso(isoToDays('2024-02-29') + 1)).toBe('2024-03-01');
    expect(() => isoToDays('2024/01/01')).toThrow();
  });

  it('addYears keeps the day and turns 29 February into 28 February in common years', () => {
    expect(addYears('2026-04-01', -19)).toBe('2007-04-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

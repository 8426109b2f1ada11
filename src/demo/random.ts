/**
 * A small seeded pseudo-random generator for the demo data. Not for secrets: it exists so that the same
 * seed always yields the same fictional network, on any machine and any Node version.
 */

/** A seeded source of pseudo-random values. */
export type Rng = {
  /** The next float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An ISO date (YYYY-MM-DD) between two ISO dates, both inclusive. */
  dateBetween(from: string, to: string): string;
  /** An independent stream derived from this generator's seed and a label (order of use does not matter). */
  fork(label: string): Rng;
};

/** 32-bit FNV-1a hash of a string: turns labels into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines a seed with a label into a new 32-bit seed. */
export function deriveSeed(seed: number, label: string): number {
  return hashString(`${seed >>> 0}:${label}`);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date, computed in UTC (no time-zone shifts). */
export function isoToDays(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The ISO date of a day number (inverse of isoToDays). */
export function daysToIso(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds whole years to an ISO date (29 February becomes 28 February in common years). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Creates a mulberry32 generator (fast, 32-bit state, good enough for test data). */
export function createRng(seed: number): Rng {
  const base = seed >>> 0;
  let state = base;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new Error(`bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, w] of items) {
        if (!(w >= 0)) throw new Error(`negative or invalid weight ${w}`);
        total += w;
      }
      if (total <= 0) throw new Error('weighted pick needs a positive total weight');
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      // Floating-point rounding: fall back to the last item with a positive weight.
      return [...items].reverse().find(([, w]) => w > 0)![0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    dateBetween: (from, to) => daysToIso(int(isoToDays(from), isoToDays(to))),
    fork: (label) => createRng(deriveSeed(base, label)),
  };
}

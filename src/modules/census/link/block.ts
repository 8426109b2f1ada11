/**
 * Blocking: candidate pairs from several cheap rules (like Splink's blocking rules), deduplicated. Only
 * records sharing a rule's key are paired, so the work grows with block sizes, never with all pairs.
 */
import type { RecordKeys } from './keys';

/** A blocking rule: a key per record (null = the record takes no part in this rule). */
export type BlockingRule = { name: string; key: (k: RecordKeys) => string | null };

const pad = (n: number) => String(n).padStart(2, '0');

/** The default rules; between them a match survives any single typo or a family-name change. */
export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'birthDate', key: (k) => k.birthDate },
  { name: 'kana', key: (k) => k.kana },
  { name: 'kanji', key: (k) => k.weak },
  {
    name: 'givenKana+year',
    key: (k) => (k.givenKana && k.year ? `${k.givenKana}|${k.year}` : null),
  },
  {
    name: 'givenKanji+year',
    key: (k) => (k.givenKanji && k.year ? `${k.givenKanji}|${k.year}` : null),
  },
];

/** Blocks larger than this are skipped for a rule (a guard against degenerate keys such as a constant). */
export const MAX_BLOCK = 400;

/** A candidate pair of record indexes, a < b. */
export type CandidatePair = { a: number; b: number };

/**
 * Candidate pairs from the rules, plus "same municipality and birth date with day and month swapped"
 * (a key per record for its date and, when the day can be a month, for the swapped date).
 */
export function candidatePairs(
  keys: readonly RecordKeys[],
  rules: readonly BlockingRule[] = BLOCKING_RULES,
): CandidatePair[] {
  const { a, b, length } = candidatePairIndexes(keys, rules);
  return Array.from({ length }, (_, i) => ({ a: a[i]!, b: b[i]! }));
}

/** Candidate pairs as two index columns (`a[i] < b[i]`, `length` pairs): no object per pair. */
export type CandidateColumns = { a: Int32Array; b: Int32Array; length: number };

/** Growable pair of Int32 columns. */
class PairColumns {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  length = 0;
  push(x: number, y: number) {
    if (this.length === this.a.length) {
      const a = new Int32Array(this.a.length * 2);
      const b = new Int32Array(this.b.length * 2);
      a.set(this.a);
      b.set(this.b);
      this.a = a;
      this.b = b;
    }
    this.a[this.length] = x;
    this.b[this.length] = y;
    this.length++;
  }
}

/** {@link candidatePairs} in columns, for large runs (millions of pairs at 100,000 records). */
export function candidatePairIndexes(
  keys: readonly RecordKeys[],
  rules: readonly BlockingRule[] = BLOCKING_RULES,
): CandidateColumns {
  const out = new PairColumns();
  const n = keys.length;
  // Deduplication without a set of all pairs (millions at 100,000 records): per rule already emitted, each
  // record's block number (−1 when its block was not emitted). A pair was emitted before exactly when an
  // earlier rule put both records in the same emitted block. Output order is unchanged: rule by rule.
  const blockOf: Int32Array[] = [];
  const seenBefore = (a: number, b: number) => {
    for (const ids of blockOf) if (ids[a] !== -1 && ids[a] === ids[b]) return true;
    return false;
  };
  for (const rule of rules) {
    const blocks = new Map<string, number[]>();
    for (const k of keys) {
      const key = rule.key(k);
      if (key === null) continue;
      const list = blocks.get(key);
      if (list) list.push(k.index);
      else blocks.set(key, [k.index]);
    }
    const ids = new Int32Array(n).fill(-1);
    let block = 0;
    for (const members of blocks.values()) {
      if (members.length < 2 || members.length > MAX_BLOCK) continue;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const x = members[i]!;
          const y = members[j]!;
          if (x === y || seenBefore(x, y)) continue;
          if (x < y) out.push(x, y);
          else out.push(y, x);
        }
      }
      for (const m of members) ids[m] = block;
      block++;
    }
    blockOf.push(ids);
  }
  // Swapped day/month within a municipality: records meet under "own date" and "swapped date" keys. Each such
  // pair is met twice (a's swapped date is b's own and the reverse), so these few pairs keep a set.
  const own = new Map<string, number[]>();
  const swapped = new Map<string, number[]>();
  for (const k of keys) {
    if (!k.municipality || !k.year || !k.month || !k.day || k.day > 12 || k.day === k.month) continue;
    const o = `${k.municipality}|${k.year}-${pad(k.month)}-${pad(k.day)}`;
    const s = `${k.municipality}|${k.year}-${pad(k.day)}-${pad(k.month)}`;
    (own.get(o) ?? own.set(o, []).get(o)!).push(k.index);
    (swapped.get(s) ?? swapped.set(s, []).get(s)!).push(k.index);
  }
  const seen = new Set<number>();
  for (const [key, members] of swapped) {
    const others = own.get(key);
    if (!others || members.length * others.length > MAX_BLOCK * MAX_BLOCK) continue;
    for (const a of members) {
      for (const b of others) {
        if (a === b) continue;
        const [x, y] = a < b ? [a, b] : [b, a];
        const id = x * n + y;
        if (seen.has(id) || seenBefore(x, y)) continue;
        seen.add(id);
        out.push(x, y);
      }
    }
  }
  return { a: out.a, b: out.b, length: out.length };
}

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
  const seen = new Set<number>();
  const out: CandidatePair[] = [];
  const n = keys.length;
  const add = (a: number, b: number) => {
    if (a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = x * n + y;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ a: x, b: y });
  };
  const emitBlocks = (blocks: Map<string, number[]>) => {
    for (const members of blocks.values()) {
      if (members.length < 2 || members.length > MAX_BLOCK) continue;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) add(members[i]!, members[j]!);
      }
    }
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
    emitBlocks(blocks);
  }
  // Swapped day/month within a municipality: records meet under "own date" and "swapped date" keys.
  const own = new Map<string, number[]>();
  const swapped = new Map<string, number[]>();
  for (const k of keys) {
    if (!k.municipality || !k.year || !k.month || !k.day || k.day > 12 || k.day === k.month) continue;
    const o = `${k.municipality}|${k.year}-${pad(k.month)}-${pad(k.day)}`;
    const s = `${k.municipality}|${k.year}-${pad(k.day)}-${pad(k.month)}`;
    (own.get(o) ?? own.set(o, []).get(o)!).push(k.index);
    (swapped.get(s) ?? swapped.set(s, []).get(s)!).push(k.index);
  }
  for (const [key, members] of swapped) {
    const others = own.get(key);
    if (!others || members.length * others.length > MAX_BLOCK * MAX_BLOCK) continue;
    for (const a of members) for (const b of others) add(a, b);
  }
  return out;
}

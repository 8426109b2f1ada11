/**
 * Term-frequency adjustment of name agreement, as Splink's: the level weight log2(m/u) uses the average
 * chance u that two different children agree on a name, but two children called 佐藤 陽翔 agree far more
 * often than two called 望月 凪. When a pair agrees exactly on a name value v, the model's u for that level is
 * replaced by the chance of agreeing *on v*, which adds log2(ū / tf(v)) bits to the level's weight — negative
 * for a common name, positive for a rare one — where tf(v) is v's share of the children and ū = Σ tf² the
 * chance that two children share whatever value (from the same table, so the adjustment is relative to
 * the typical value and leaves the level weights that EM and the random pairs gave as they are).
 *
 * Holders are counted once per birth date (value and date together): a child listed by three sources, or
 * twice in one list, counts once, so a well-covered child is not taken for a common name. In a small run
 * nearly every name is held once, ū is about 1/children and the adjustment stays near 0; it matters in
 * large runs, where different children sharing a name and birth date are no longer rare.
 *
 * Which value: the strongest name key the pair agrees on, once per pair (the kana's agreement is
 * conditioned on the kanji's in the model, so it carries no frequency information of its own when the
 * kanji agree): kanji exact → the kanji name; kanji weak (斎≈斉) → the weak key; kanji given names only (a
 * family-name change) → the given name's kanji; otherwise (kanji differ or are missing) kana exact → the kana
 * name, kana given names only → the given name's kana. Birth dates are not adjusted: births spread evenly
 * over the days, so a date's frequency would only add sampling noise (see decision 0007).
 */
import type { Comparison, Field } from './compare';
import type { RecordKeys } from './keys';

/** The keys whose values are frequency-adjusted. */
export const TF_KEYS = ['kanji', 'weak', 'givenKanji', 'kana', 'givenKana'] as const;
export type TfKey = (typeof TF_KEYS)[number];

/** The field and level whose agreement each key refines. */
const REFINES: Record<TfKey, { field: Field; level: string }> = {
  kanji: { field: 'kanji', level: 'exact' },
  weak: { field: 'kanji', level: 'weak' },
  givenKanji: { field: 'kanji', level: 'given' },
  kana: { field: 'kana', level: 'exact' },
  givenKana: { field: 'kana', level: 'given' },
};

/**
 * Bounds on one adjustment in bits: a value held by a great many (a placeholder such as 不明) stops at −10,
 * a rare name among unusually common ones at +6.
 */
const MIN_BITS = -10;
const MAX_BITS = 6;

/** One key's table: per record, its value, how many children hold that value, and the adjustment in bits. */
export type TfColumn = {
  value: (string | null)[];
  holders: Int32Array;
  bits: Float64Array;
  /** Children counted (distinct value + birth date), and the average holders of a child's value (C·ū). */
  children: number;
  typicalHolders: number;
};

/** The frequency tables of one run, one column per key (kept on the link result for {@link tfAdjustments}). */
export type TermFrequencies = Record<TfKey, TfColumn>;

/** Per record, a number naming its birth date (records without one get numbers of their own). */
function dateIds(keys: readonly RecordKeys[]): Int32Array {
  const idOf = new Map<string, number>();
  const ids = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const d = keys[i]!.birthDate;
    if (d === null) continue;
    let id = idOf.get(d);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(d, id);
    }
    ids[i] = id;
  }
  for (let i = 0; i < keys.length; i++) if (keys[i]!.birthDate === null) ids[i] = idOf.size + i;
  return ids;
}

function column(
  keys: readonly RecordKeys[],
  dates: Int32Array,
  pick: (k: RecordKeys) => string | null,
): TfColumn {
  const n = keys.length;
  const value = keys.map(pick);
  // Holders of a value: its distinct birth dates. Values and (value, date) combinations are numbered.
  const idOf = new Map<string, number>();
  const valueId = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = value[i];
    if (!v) continue;
    let id = idOf.get(v);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(v, id);
    }
    valueId[i] = id;
  }
  const count = new Int32Array(idOf.size);
  const seen = new Set<number>();
  const span = 2 * n + 1; // more than any date number (see dateIds)
  for (let i = 0; i < n; i++) {
    const id = valueId[i]!;
    if (id < 0) continue;
    const combo = id * span + dates[i]!;
    if (seen.has(combo)) continue;
    seen.add(combo);
    count[id]!++;
  }
  let children = 0;
  let sumSquares = 0;
  for (const c of count) {
    children += c;
    sumSquares += c * c;
  }
  // ū / tf(v) = (Σc²/C²) / (c_v/C) = (Σc²/C) / c_v: "typical holders" over this value's holders.
  const typicalHolders = children > 0 ? sumSquares / children : 1;
  const holders = new Int32Array(n);
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = valueId[i]!;
    if (id < 0) continue;
    const c = count[id]!;
    holders[i] = c;
    bits[i] = Math.min(MAX_BITS, Math.max(MIN_BITS, Math.log2(typicalHolders / c)));
  }
  return { value, holders, bits, children, typicalHolders };
}

/** The frequency tables of a run's records. */
export function termFrequencies(keys: readonly RecordKeys[]): TermFrequencies {
  const dates = dateIds(keys);
  return {
    kanji: column(keys, dates, (k) => k.kanji),
    weak: column(keys, dates, (k) => k.weak),
    givenKanji: column(keys, dates, (k) => k.givenKanji),
    kana: column(keys, dates, (k) => k.kana),
    givenKana: column(keys, dates, (k) => k.givenKana),
  };
}

/** The key whose value a pair's name agreement is adjusted by, or null (see the module comment). */
export function tfKeyOf(c: Comparison): TfKey | null {
  switch (c.kanji) {
    case 'exact':
      return 'kanji';
    case 'weak':
      return 'weak';
    case 'given':
      return 'givenKanji';
  }
  if (c.kana === 'exact') return 'kana';
  if (c.kana === 'given') return 'givenKana';
  return null;
}

/**
 * The adjustment in bits of a pair with comparison `c` whose first record is `a` (0 when none applies). The
 * pair agrees on the adjusted value, so either record's count would do.
 */
export function tfBits(tf: TermFrequencies, c: Comparison, a: number): number {
  const key = tfKeyOf(c);
  return key === null ? 0 : tf[key].bits[a]!;
}

/** A frequency adjustment as a review screen shows it. */
export type Adjustment = {
  field: Field;
  /** The level it refines ('exact', 'weak', 'given') and the key its value was counted in. */
  level: string;
  key: TfKey;
  value: string;
  /** Children holding the value in this run (value + birth date counted once), and the typical number. */
  holders: number;
  typicalHolders: number;
  bits: number;
  /** English and Japanese explanations, e.g. "common name …: −1.4 bits". */
  note: string;
  noteJa: string;
};

const KEY_LABEL: Record<TfKey, { en: string; ja: string }> = {
  kanji: { en: 'name', ja: '氏名' },
  weak: { en: 'name (variant kanji folded)', ja: '氏名（異体字を同一視）' },
  givenKanji: { en: 'given name', ja: '名' },
  kana: { en: 'name reading', ja: '氏名のよみ' },
  givenKana: { en: 'given name reading', ja: '名のよみ' },
};

/** The adjustments of one pair (none or one; a list so that more kinds can be added). */
export function tfAdjustments(tf: TermFrequencies, c: Comparison, a: number): Adjustment[] {
  const key = tfKeyOf(c);
  if (key === null) return [];
  const col = tf[key];
  const value = col.value[a];
  if (!value) return [];
  const bits = col.bits[a]!;
  const holders = col.holders[a]!;
  const typical = col.typicalHolders;
  const signed = `${bits >= 0 ? '+' : '−'}${Math.abs(bits).toFixed(1)}`;
  const kind = bits < 0 ? 'common' : bits > 0 ? 'rare' : 'ordinary';
  const kindJa = bits < 0 ? 'よくある' : bits > 0 ? '珍しい' : '普通の';
  const label = KEY_LABEL[key];
  return [
    {
      ...REFINES[key],
      key,
      value,
      holders,
      typicalHolders: typical,
      bits,
      note:
        `${kind} ${label.en} "${value}": held by ${holders} ${holders === 1 ? 'child' : 'children'} in this run ` +
        `(typically ${typical.toFixed(1)}): ${signed} bits`,
      noteJa:
        `${kindJa}${label.ja}「${value}」：` +
        `この名寄せで ${holders} 人（通常 ${typical.toFixed(1)} 人）→ ${signed} ビット`,
    },
  ];
}

/**
 * Fellegi–Sunter model, estimated from the data: u (how often two *different* children agree at a level by
 * chance) from random record pairs, as Splink does; m (how often records of the *same* child reach a level)
 * from anchor pairs — candidate pairs the other fields already show to be one child (see estimateModel). Each level's weight is log2(m/u) (a Bayes
 * factor in bits); a pair's match weight is the prior log-odds plus the sum, and `explain` lists the parts.
 */
import { type Comparison, compare, FIELD_NAMES, FIELDS, type Field } from './compare';
import type { RecordKeys } from './keys';

/**
 * Kana agreement is far likelier when the kanji already agree, and the street address when the municipality
 * does: counting both as independent evidence would double-count a name. So the kana (address) weights are
 * estimated separately for each case of the other field — a factor per case. The kana has three: kanji
 * agree (exact or weak), only the given names' kanji agree (a family-name change, or two children with one
 * given name: the kana's given name then agrees too and adds next to nothing), and the rest.
 */
const CONDITIONED: Partial<Record<Field, { on: Field; cases: Readonly<Record<string, string>> }>> = {
  kana: { on: 'kanji', cases: { exact: 'Agrees', weak: 'Agrees', given: 'Given' } },
  address: { on: 'municipality', cases: { same: 'Agrees' } },
};

/** The factors of the model: one per field, one per case for a conditioned field. */
export const FACTORS: readonly { id: string; field: Field }[] = FIELD_NAMES.flatMap((field) => {
  const cond = CONDITIONED[field];
  return cond
    ? [...new Set([...Object.values(cond.cases), 'Other'])].map((name) => ({
        id: `${field}|${cond.on}${name}`,
        field,
      }))
    : [{ id: field, field }];
});

/** The factor a comparison's field falls in. */
export function factorOf(c: Comparison, field: Field): string {
  const cond = CONDITIONED[field];
  if (!cond) return field;
  return `${field}|${cond.on}${cond.cases[c[cond.on]] ?? 'Other'}`;
}

/** Probabilities per factor and level. */
export type LevelTable = Record<string, Record<string, number>>;

export type Model = {
  m: LevelTable;
  u: LevelTable;
  /** Share of the blocked pairs that served as anchors for m (a diagnostic; 0 when none). */
  lambda: number;
  /** log2 Bayes factor per factor and level; 'missing' is always 0. */
  weights: LevelTable;
  /**
   * Prior log2 odds that two records are the same child: each child appears in about two records, so a
   * record has about one partner among the n − 1 others (2/(n − 1) as odds, roughly). Adding it makes the
   * thresholds mean the same thing for a town of 300 records and a prefecture of 30,000.
   */
  priorLog2: number;
};

/** Prior m (share of true matches at each level) before EM; also the EM prior's pseudo-counts. */
const FIELD_PRIOR: { [F in Field]: Record<string, number> } = {
  kanji: { exact: 0.9, weak: 0.05, given: 0.03, different: 0.02 },
  kana: { exact: 0.85, oneEdit: 0.1, given: 0.02, different: 0.03 },
  birthDate: { exact: 0.95, swapped: 0.015, oneDay: 0.015, oneDigit: 0.015, different: 0.0045, far: 0.0005 },
  sex: { same: 0.99, different: 0.01 },
  municipality: { same: 0.93, different: 0.07 },
  address: { same: 0.85, different: 0.15 },
};
const M_PRIOR: LevelTable = {
  ...Object.fromEntries(FACTORS.map((f) => [f.id, FIELD_PRIOR[f.field]])),
  'kana|kanjiGiven': { exact: 0.05, oneEdit: 0.03, given: 0.85, different: 0.07 },
  // A child listed in two municipalities has moved, and then the street address differs too.
  'address|municipalityOther': { same: 0.1, different: 0.9 },
};
/**
 * Lower bounds on m for disagreement levels that EM tends to underestimate (a few moved children among many
 * pairs look like noise to it): children move between municipalities within a year, lists mistype a
 * birth date or a sex. Without these floors one disagreement could veto an otherwise certain match.
 */
const M_FLOOR: Partial<Record<Field, Record<string, number>>> = {
  municipality: { different: 0.03 },
  address: { different: 0.05 },
  sex: { different: 0.005 },
  birthDate: { different: 0.002, oneDigit: 0.005 },
};
const MIN_P = 1e-5;
const MAX_P = 1 - 1e-5;

/** Deterministic xorshift stream for sampling pairs (the model stays pure and reproducible). */
function sampler(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function emptyTable(fill = 0): LevelTable {
  const t: LevelTable = {};
  for (const { id, field } of FACTORS) {
    t[id] = {};
    for (const level of FIELDS[field]) if (level !== 'missing') t[id][level] = fill;
  }
  return t;
}

/** Normalises counts per field (missing excluded) and clamps to [MIN_P, MAX_P]. */
function normalise(counts: LevelTable): LevelTable {
  const t = emptyTable();
  for (const { id: f } of FACTORS) {
    const total = Object.values(counts[f]!).reduce((s, v) => s + v, 0);
    for (const level of Object.keys(counts[f]!)) {
      t[f]![level] = Math.min(MAX_P, Math.max(MIN_P, total > 0 ? counts[f]![level]! / total : 0));
    }
  }
  return t;
}

/** Prior u (chance agreement of two different children) for small inputs; real data outweighs it. */
const FIELD_U_PRIOR: { [F in Field]: Record<string, number> } = {
  kanji: { exact: 0.0005, weak: 0.0001, given: 0.01, different: 0.9894 },
  kana: { exact: 0.0005, oneEdit: 0.002, given: 0.01, different: 0.9875 },
  birthDate: {
    exact: 0.0002,
    swapped: 0.0001,
    oneDay: 0.0004,
    oneDigit: 0.003,
    different: 0.047,
    far: 0.9493,
  },
  sex: { same: 0.5, different: 0.5 },
  municipality: { same: 0.2, different: 0.8 },
  address: { same: 0.0005, different: 0.9995 },
};
const U_PRIOR: LevelTable = {
  ...Object.fromEntries(FACTORS.map((f) => [f.id, FIELD_U_PRIOR[f.field]])),
  'kana|kanjiAgrees': { exact: 0.9, oneEdit: 0.05, given: 0.01, different: 0.04 },
  'kana|kanjiGiven': { exact: 0.02, oneEdit: 0.02, given: 0.9, different: 0.06 },
  'address|municipalityAgrees': { same: 0.003, different: 0.997 },
};
const U_PRIOR_STRENGTH = 2000;

/** u from up to `samples` random pairs, plus the prior u as pseudo-counts (so no level is 0). */
export function estimateU(keys: readonly RecordKeys[], samples = 40_000, seed = 20_250_401): LevelTable {
  const counts = emptyTable();
  for (const { id } of FACTORS) {
    for (const level of Object.keys(counts[id]!))
      counts[id]![level] = U_PRIOR_STRENGTH * U_PRIOR[id]![level]!;
  }
  const rand = sampler(seed);
  const n = keys.length;
  const draws = Math.min(samples, (n * (n - 1)) / 2);
  for (let i = 0; i < draws; i++) {
    const a = Math.floor(rand() * n);
    let b = Math.floor(rand() * (n - 1));
    if (b >= a) b++;
    const c = compare(keys[a]!, keys[b]!);
    for (const f of FIELD_NAMES) if (c[f] !== 'missing') counts[factorOf(c, f)]![c[f]]!++;
  }
  return normalise(counts);
}

/**
 * Which fields a pair may teach, as an anchor: pairs that are the same child beyond reasonable doubt on the
 * *other* fields. A pair whose names agree (kanji exactly or as variants, kana exactly or one edit apart or
 * missing) and whose birth dates are equal teaches sex, municipality and address; a pair with equal birth
 * dates, one sex, one municipality and one street address (not twins) teaches the names; a pair whose names
 * and street address agree teaches the birth date. A field never teaches itself.
 */
function anchorFields(c: Comparison, twin: boolean): readonly Field[] {
  const kanjiAgrees = c.kanji === 'exact' || c.kanji === 'weak';
  const kanaAgrees = c.kana === 'exact' || c.kana === 'oneEdit' || c.kana === 'missing';
  const names = kanjiAgrees && kanaAgrees;
  const out: Field[] = [];
  if (names && c.birthDate === 'exact') out.push('sex', 'municipality', 'address');
  if (
    !twin &&
    c.birthDate === 'exact' &&
    c.sex === 'same' &&
    c.municipality === 'same' &&
    c.address === 'same'
  )
    out.push('kanji', 'kana');
  if (names && c.sex !== 'different' && c.municipality === 'same' && c.address === 'same')
    out.push('birthDate');
  return out;
}

/** How often each level of a field can be counted before the prior is outweighed (pseudo-counts). */
const PRIOR_STRENGTH = 50;

/**
 * Caps on m for levels that are near-certain evidence against a match. Anchors are chosen on the other
 * fields, so a few namesakes among them could otherwise teach that one child's records often disagree.
 */
const M_CAP: Partial<Record<Field, Record<string, number>>> = {
  birthDate: { different: 0.01, far: 0.0005 },
  kanji: { different: 0.05 },
};

/**
 * Estimates the model: u from random pairs; m by counting the levels of anchor pairs ({@link anchorFields}:
 * pairs the other fields already show to be one child), with the prior m as pseudo-counts, floors on the
 * disagreements lists really have (moves, mistyped dates) and caps on those that mean two children.
 *
 * Why not EM (as Splink does, and as this engine did until the review band was calibrated): EM splits the
 * candidate pairs into two classes whatever they hold. On lists that share few children — the registry
 * alone, one list, a first year — it found a "match" class among pairs that merely share a birth date and
 * sex, taught that different names cost nothing, and put 114,698 pairs of 19,839 distinct children to
 * review (docs/census.md). Anchors hold no pair when there is no match, and the prior then stands.
 */
export function estimateModel(
  keys: readonly RecordKeys[],
  comparisons: readonly Comparison[],
  twin?: (pairIndex: number) => boolean,
): Model {
  const u = estimateU(keys);
  const counts = emptyTable();
  for (const { id } of FACTORS) {
    for (const level of Object.keys(counts[id]!)) counts[id]![level] = PRIOR_STRENGTH * M_PRIOR[id]![level]!;
  }
  let anchors = 0;
  comparisons.forEach((c, i) => {
    const fields = anchorFields(c, twin?.(i) ?? false);
    if (fields.length > 0) anchors++;
    for (const f of fields) if (c[f] !== 'missing') counts[factorOf(c, f)]![c[f]]! += 1;
  });
  const learnt = normalise(counts);
  const m: LevelTable = {};
  for (const { id, field } of FACTORS) {
    m[id] = Object.fromEntries(
      Object.entries(learnt[id]!).map(([level, p]) => [
        level,
        Math.min(Math.max(p, M_FLOOR[field]?.[level] ?? 0), M_CAP[field]?.[level] ?? 1),
      ]),
    );
  }
  const weights = emptyTable();
  for (const { id } of FACTORS) {
    for (const level of Object.keys(weights[id]!))
      weights[id]![level] = Math.log2(m[id]![level]! / u[id]![level]!);
  }
  const priorLog2 = Math.log2(2 / Math.max(2, keys.length - 1));
  return { m, u, lambda: comparisons.length ? anchors / comparisons.length : 0, weights, priorLog2 };
}

/** A field's contribution to a pair's match weight. */
export type Contribution = {
  field: Field;
  factor: string;
  level: string;
  m: number | null;
  u: number | null;
  bits: number;
};

/** Match weight: prior log2 odds plus the fields' log2 Bayes factors (posterior log2 odds of a match). */
export function matchWeight(model: Model, c: Comparison): number {
  let s = model.priorLog2;
  for (const f of FIELD_NAMES) if (c[f] !== 'missing') s += model.weights[factorOf(c, f)]![c[f]]!;
  return s;
}

/**
 * Each field's level, m, u and contribution in bits, for a review screen ("why were these linked?");
 * `total` = prior + the fields' bits, the same number as {@link matchWeight}. That is the comparison's
 * weight; a linked pair's weight also has its name's frequency adjustment (tf.ts) — link.ts's `explainPair`
 * shows both and totals to the pair's weight.
 */
export function explain(
  model: Model,
  c: Comparison,
): { prior: number; total: number; fields: Contribution[] } {
  const fields = FIELD_NAMES.map((field): Contribution => {
    const level = c[field];
    const id = factorOf(c, field);
    if (level === 'missing') return { field, factor: id, level, m: null, u: null, bits: 0 };
    return {
      field,
      factor: id,
      level,
      m: model.m[id]![level]!,
      u: model.u[id]![level]!,
      bits: model.weights[id]![level]!,
    };
  });
  return { prior: model.priorLog2, total: model.priorLog2 + fields.reduce((s, f) => s + f.bits, 0), fields };
}

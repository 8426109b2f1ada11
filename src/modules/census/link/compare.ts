/**
 * Pairwise comparison: for each field, which agreement level a pair reaches. Levels are ordered from the
 * strongest agreement down; 'missing' means one side has no value and contributes no evidence.
 */
import type { RecordKeys } from './keys';

/** The compared fields and their levels (strongest first, 'missing' last). */
export const FIELDS = {
  kanji: ['exact', 'weak', 'given', 'different', 'missing'],
  kana: ['exact', 'oneEdit', 'given', 'different', 'missing'],
  birthDate: ['exact', 'swapped', 'oneDay', 'oneDigit', 'different', 'far', 'missing'],
  sex: ['same', 'different', 'missing'],
  municipality: ['same', 'different', 'missing'],
  address: ['same', 'different', 'missing'],
} as const;

export type Field = keyof typeof FIELDS;
export type Level<F extends Field = Field> = (typeof FIELDS)[F][number];
/** A comparison vector: one level per field. */
export type Comparison = { [F in Field]: Level<F> };

export const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** Levenshtein distance with an early exit once it exceeds `max` (code-point aware). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev: number[] = [];
  for (let j = 0; j <= y.length; j++) prev.push(j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `editDistance(a, b, 1) <= 1` without allocating (it runs for millions of candidate pairs): at most one
 * edit apart exactly when the common prefix and the common suffix together cover all but one character of
 * the longer string. Counted in UTF-16 units; strings with surrogates (𠮷) go to {@link editDistance}.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return editDistance(a, b, 1) <= 1;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  const short = Math.min(la, lb);
  let i = 0;
  while (i < short && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let j = 0;
  while (j < short - i && a.charCodeAt(la - 1 - j) === b.charCodeAt(lb - 1 - j)) j++;
  return i + j >= Math.max(la, lb) - 1;
}

/** True when the given names agree while the family names differ (a family-name change). */
function givenOnly(
  famA: string | null,
  givA: string | null,
  famB: string | null,
  givB: string | null,
): boolean {
  return !!givA && givA === givB && !!famA && !!famB && famA !== famB;
}

function compareKanji(a: RecordKeys, b: RecordKeys): Level<'kanji'> {
  if (!a.kanji || !b.kanji) return 'missing';
  if (a.kanji === b.kanji) return 'exact';
  if (a.weak === b.weak) return 'weak';
  if (givenOnly(a.familyKanji, a.givenKanji, b.familyKanji, b.givenKanji)) return 'given';
  return 'different';
}

function compareKana(a: RecordKeys, b: RecordKeys): Level<'kana'> {
  if (!a.kana || !b.kana) return 'missing';
  if (a.kana === b.kana) return 'exact';
  if (withinOneEdit(a.kana, b.kana)) return 'oneEdit';
  if (givenOnly(a.familyKana, a.givenKana, b.familyKana, b.givenKana)) return 'given';
  return 'different';
}

const DAY_MS = 86_400_000;
/**
 * Birth dates further apart than this are 'far': a slip of a day, a swapped day and month, a wrong month or
 * a year miscounted from 和暦 all stay within a year, so two records more than a year apart are two children
 * (never linked, never put to review: link.ts).
 */
export const FAR_APART_MS = 366 * DAY_MS;

/**
 * A typing slip in a date written as digits: one digit different (2015-03-17 / 2015-03-18, 2015 / 2016) or
 * two neighbouring digits swapped (12 / 21). Dates are ISO strings of one length.
 */
function oneDigitSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (count === 0) first = i;
    count++;
    if (count > 2) return false;
  }
  if (count === 1) return true;
  // Two differences: neighbouring digits transposed.
  return count === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
}

function compareDate(a: RecordKeys, b: RecordKeys): Level<'birthDate'> {
  if (!a.year || !b.year || !a.month || !b.month || !a.day || !b.day) return 'missing';
  if (a.birthDate === b.birthDate) return 'exact';
  if (a.year === b.year && a.month === b.day && a.day === b.month) return 'swapped';
  const da = Date.UTC(a.year, a.month - 1, a.day);
  const db = Date.UTC(b.year, b.month - 1, b.day);
  const apart = Math.abs(da - db);
  if (apart === DAY_MS) return 'oneDay';
  if (apart > FAR_APART_MS) return 'far';
  return oneDigitSlip(a.birthDate!, b.birthDate!) ? 'oneDigit' : 'different';
}

/** True when both records give a street address and the two differ (compare.ts's address level). */
export function addressesDiffer(a: RecordKeys, b: RecordKeys): boolean {
  return compareAddress(a, b) === 'different';
}

function compareAddress(a: RecordKeys, b: RecordKeys): Level<'address'> {
  if (!a.address || !b.address) return 'missing';
  // One list may write the municipality before the street address and the other not.
  const [s, l] = a.address.length <= b.address.length ? [a.address, b.address] : [b.address, a.address];
  return l === s || (s.length >= 3 && l.endsWith(s)) ? 'same' : 'different';
}

/** The comparison vector of two records. */
export function compare(a: RecordKeys, b: RecordKeys): Comparison {
  return {
    kanji: compareKanji(a, b),
    kana: compareKana(a, b),
    birthDate: compareDate(a, b),
    sex: !a.sex || !b.sex ? 'missing' : a.sex === b.sex ? 'same' : 'different',
    municipality:
      !a.municipality || !b.municipality
        ? 'missing'
        : a.municipality === b.municipality
          ? 'same'
          : 'different',
    address: compareAddress(a, b),
  };
}

/**
 * Twin guard: same family name (kana or kanji), same birth date, and given names that differ in every
 * spelling both records have. Such a pair is never linked, whatever its weight.
 */
export function isTwinPair(a: RecordKeys, b: RecordKeys): boolean {
  if (!a.birthDate || a.birthDate !== b.birthDate) return false;
  const sameFamily =
    (!!a.familyKana && a.familyKana === b.familyKana) || (!!a.familyKanji && a.familyKanji === b.familyKanji);
  if (!sameFamily) return false;
  const kanaBoth = !!a.givenKana && !!b.givenKana;
  const kanjiBoth = !!a.givenKanji && !!b.givenKanji;
  if (kanaBoth && a.givenKana === b.givenKana) return false;
  if (kanjiBoth) {
    const wa = a.weak && a.familyKanji ? a.weak.slice(a.familyKanji.length) : a.givenKanji;
    const wb = b.weak && b.familyKanji ? b.weak.slice(b.familyKanji.length) : b.givenKanji;
    // Different kanji and different kana (even one edit apart, 悠人/悠真 ユウト/ユウマ): two children.
    return a.givenKanji !== b.givenKanji && wa !== wb;
  }
  // Kana only: one edit apart may be a typo of one child's name.
  return kanaBoth && !withinOneEdit(a.givenKana!, b.givenKana!);
}

/**
 * True when no spelling of the name agrees at all (kanji and kana each different or missing, at least one
 * compared). A family-name change still agrees on the given name ('given' level), so this is not it.
 */
export function namesDisagree(c: Comparison): boolean {
  return off(c.kanji) && off(c.kana) && !(c.kanji === 'missing' && c.kana === 'missing');
}

/** A name level that agrees in nothing (module level: it runs for every candidate pair). */
function off(level: string): boolean {
  return level === 'different' || level === 'missing';
}

/** Level → index per field, and each field's stride in {@link comparisonCode}. */
const LEVEL_INDEX = Object.fromEntries(
  FIELD_NAMES.map((f) => [f, Object.fromEntries(FIELDS[f].map((l, i) => [l, i]))]),
) as { [F in Field]: Record<Level<F>, number> };
const STRIDE = Object.fromEntries(
  FIELD_NAMES.map((f, i) => [f, FIELD_NAMES.slice(0, i).reduce((s, g) => s * FIELDS[g].length, 1)]),
) as Record<Field, number>;

/** How many comparison codes there are (every combination of levels): codes are 0 … COMPARISON_CODES − 1. */
export const COMPARISON_CODES = FIELD_NAMES.reduce((s, f) => s * FIELDS[f].length, 1);

/**
 * A small integer naming a comparison vector (one per combination of levels, a few thousand in all): equal
 * vectors get equal codes, so millions of candidate pairs can share one vector object and one weight.
 */
export function comparisonCode(c: Comparison): number {
  return (
    LEVEL_INDEX.kanji[c.kanji] * STRIDE.kanji +
    LEVEL_INDEX.kana[c.kana] * STRIDE.kana +
    LEVEL_INDEX.birthDate[c.birthDate] * STRIDE.birthDate +
    LEVEL_INDEX.sex[c.sex] * STRIDE.sex +
    LEVEL_INDEX.municipality[c.municipality] * STRIDE.municipality +
    LEVEL_INDEX.address[c.address] * STRIDE.address
  );
}

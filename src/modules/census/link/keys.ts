/**
 * Match keys of census records for linkage (reference-jp §11.2–11.3). Keys are for comparison only; the
 * records are never rewritten. Family/given splits come from a space in the name or kana; a name written
 * without a space is split at the longest family name seen split elsewhere in the same run, so a list that
 * never separates family and given names still gets its given names compared.
 */
import { kanaKeyParts } from '../../../shared/kana';
import { kanaKey, kanjiKey, weakKanjiKey } from '../../../shared/names';
import type { CensusRecord } from '../types';

/** One record's keys. `index` is the record's position in the input array. */
export type RecordKeys = {
  index: number;
  file: string;
  row: number;
  /** Kanji name key (strong variants folded), weak key (斎≈斉, 竜≈龍), and split parts when known. */
  kanji: string | null;
  weak: string | null;
  familyKanji: string | null;
  givenKanji: string | null;
  /** Kana key joined, and split parts when known. */
  kana: string | null;
  familyKana: string | null;
  givenKana: string | null;
  birthDate: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  sex: 'female' | 'male' | null;
  municipality: string | null;
  /** Address key: width folded, spaces removed, 丁目/番地/号 and dashes unified (see {@link addressKey}). */
  address: string | null;
};

const HAS_SPACE = /[\s\u3000・]/u;

/**
 * Address key: NFKC, spaces removed, dash look-alikes and 丁目/番地/番/号 unified to '-', kanji numerals
 * left alone. Only the part after the municipality matters; callers compare by suffix (see compare.ts).
 */
export function addressKey(address: string): string | null {
  const t = address
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−ー－~〜]/g, '-')
    .replace(/丁目|番地|番|号/g, '-')
    .replace(/-+/g, '-')
    .replace(/-$/, '');
  return t ? kanjiKey(t) : null;
}

function splitKanji(name: string): [string, string] | null {
  const parts = name
    .trim()
    .split(/[\s\u3000・]+/u)
    .filter(Boolean);
  if (parts.length !== 2) return null;
  return [kanjiKey(parts[0]!), kanjiKey(parts[1]!)];
}

function splitKana(kana: string): [string, string] | null {
  if (!HAS_SPACE.test(kana.trim())) return null;
  const parts = kanaKeyParts(kana);
  return parts.length === 2 ? [parts[0]!, parts[1]!] : null;
}

/** Splits `joined` at the longest known family name that leaves a given name of at least one character. */
function splitByKnown(joined: string, known: ReadonlySet<string>, maxLen: number): [string, string] | null {
  for (let len = Math.min(maxLen, joined.length - 1); len >= 1; len--) {
    const head = joined.slice(0, len);
    if (known.has(head)) return [head, joined.slice(len)];
  }
  return null;
}

function maxLength(set: ReadonlySet<string>): number {
  let n = 0;
  for (const s of set) n = Math.max(n, s.length);
  return n;
}

/** Keys of every record; splits unsplit names with the family names that other records spell out. */
export function buildKeys(records: readonly CensusRecord[]): RecordKeys[] {
  const keys = records.map((r, index): RecordKeys => {
    const kanji = r.name ? kanjiKey(r.name) || null : null;
    const kSplit = r.name ? splitKanji(r.name) : null;
    const kana = r.kana ? kanaKey(r.kana) || null : null;
    const kanaSplit = r.kana ? splitKana(r.kana) : null;
    const m = r.birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.birthDate) : null;
    return {
      index,
      file: r.file,
      row: r.row,
      kanji,
      weak: r.name ? weakKanjiKey(r.name) || null : null,
      familyKanji: kSplit?.[0] ?? null,
      givenKanji: kSplit?.[1] ?? null,
      kana,
      familyKana: kanaSplit?.[0] ?? null,
      givenKana: kanaSplit?.[1] ?? null,
      birthDate: m ? r.birthDate : null,
      year: m ? Number(m[1]) : null,
      month: m ? Number(m[2]) : null,
      day: m ? Number(m[3]) : null,
      sex: r.sex,
      municipality: r.municipalityCode,
      address: r.address ? addressKey(r.address) : null,
    };
  });
  const famKanji = new Set(keys.flatMap((k) => (k.familyKanji ? [k.familyKanji] : [])));
  const famKana = new Set(keys.flatMap((k) => (k.familyKana ? [k.familyKana] : [])));
  const maxKanji = maxLength(famKanji);
  const maxKana = maxLength(famKana);
  for (const k of keys) {
    if (k.kanji && !k.givenKanji) {
      const s = splitByKnown(k.kanji, famKanji, maxKanji);
      if (s) [k.familyKanji, k.givenKanji] = s;
    }
    if (k.kana && !k.givenKana) {
      const s = splitByKnown(k.kana, famKana, maxKana);
      if (s) [k.familyKana, k.givenKana] = s;
    }
  }
  return keys;
}

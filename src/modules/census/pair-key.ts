/**
 * Stable keys of records and pairs, so that a person's decision on a pair ("same child" / "different
 * children") is found again by next year's run. A record's identity is what the lists say about the child
 * after normalisation — kanji key, kana key, birth date, sex and municipality — not its file or row, so the
 * same child written the same way in next year's lists gives the same key. Pure.
 */
import { createHash } from 'node:crypto';
import { kanaKey, kanjiKey } from '../../shared/names';
import type { CensusRecord } from './types';

type IdentityFields = Pick<CensusRecord, 'name' | 'kana' | 'birthDate' | 'sex' | 'municipalityCode'>;

/** A record's identity string: kanjiKey|kanaKey|birthDate|sex|municipality (empty parts when unknown). */
export function recordIdentity(r: IdentityFields): string {
  return [
    r.name ? kanjiKey(r.name) : '',
    r.kana ? kanaKey(r.kana) : '',
    r.birthDate ?? '',
    r.sex ?? '',
    r.municipalityCode ?? '',
  ].join('|');
}

/** The key of a pair of identities: SHA-256 of the two sorted strings (the order of the pair does not matter). */
export function pairKeyOfIdentities(a: string, b: string): string {
  const [x, y] = a <= b ? [a, b] : [b, a];
  return createHash('sha256').update(x).update('\n').update(y).digest('hex');
}

/** The key of a pair of records. */
export function pairKey(a: IdentityFields, b: IdentityFields): string {
  return pairKeyOfIdentities(recordIdentity(a), recordIdentity(b));
}

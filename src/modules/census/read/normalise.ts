import { toFullwidthKana, toKatakana } from '../../../shared/kana';

/** Trims and collapses runs of spaces (ASCII or ideographic) to one ASCII space; '' → null. */
export function cleanText(value: string): string | null {
  const s = value.replace(/[\s\u3000]+/g, ' ').trim();
  return s === '' ? null : s;
}

/** A name as written, trimmed with inner spaces collapsed to one; null when empty. */
export function normaliseName(value: string): string | null {
  return cleanText(value);
}

/** Kana in full-width katakana (ﾀﾅｶ → タナカ, たなか → タナカ), spaces collapsed; null when empty. */
export function normaliseKana(value: string): string | null {
  const s = cleanText(value);
  return s === null ? null : toKatakana(toFullwidthKana(s));
}

const MALE = new Set(['男', '男性', '男子', '男児', 'M', 'MALE', '1']);
const FEMALE = new Set(['女', '女性', '女子', '女児', 'F', 'FEMALE', '2']);

/**
 * Sex from 男/女/男性/女性/男子/女子, M/F (any case or width) or the official codes 1 = 男, 2 = 女.
 * Returns undefined for a non-empty value it cannot read, null for an empty one.
 */
export function parseSex(value: string): 'male' | 'female' | null | undefined {
  const s = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (s === '') return null;
  if (MALE.has(s)) return 'male';
  if (FEMALE.has(s)) return 'female';
  return undefined;
}

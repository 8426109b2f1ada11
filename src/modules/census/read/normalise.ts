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

const YES = new Set([
  '○',
  '〇',
  '◯',
  '●',
  '◎',
  '✓',
  '✔',
  'レ',
  'V',
  '有',
  'あり',
  '有り',
  'はい',
  '要',
  '該当',
  '対象',
  '実施',
  'Y',
  'YES',
  'TRUE',
  '1',
]);
const NO = new Set([
  '×',
  '✕',
  '無',
  'なし',
  '無し',
  'いいえ',
  '不要',
  '非該当',
  '対象外',
  'N',
  'NO',
  'FALSE',
  '0',
  '-',
  'ー',
  '―',
  '－',
]);

/**
 * A yes/no cell (訪問教育, 夜間ケア): ○, 有, あり, はい, 該当, 1, Y … are yes; ×, 無, なし, いいえ, 0, N, - … are no
 * (any width). Returns undefined for a non-empty value it cannot read, null for an empty one.
 */
export function parseFlag(value: string): boolean | null | undefined {
  const s = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (s === '') return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

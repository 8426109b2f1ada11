/**
 * Match keys for Japanese personal names (reference-jp §11.2–11.3), shared by registry search, registration
 * review and census linkage. Keys are for comparison only: the stored name is never rewritten.
 *
 * Kanji key: compatibility ideographs and IVS selectors are folded *here* (never by NFKC on stored text),
 * old/variant forms map to the common form (髙→高, 﨑→崎, 邊/邉→辺, 澤→沢 …), spaces are removed.
 * 斎/斉 and 竜/龍 are *weak* equivalences: they fold in `weakKanjiKey` only, which callers use together with
 * an agreeing kana key.
 */
import { normaliseKanaKey } from './kana';

/** Strong variant → canonical pairs: writing either is the same name. */
const STRONG: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  廣: '広',
  濱: '浜',
  櫻: '桜',
  眞: '真',
  國: '国',
  德: '徳',
  惠: '恵',
  瀨: '瀬',
  嶋: '島',
  槇: '槙',
  實: '実',
  曾: '曽',
  冨: '富',
  桒: '桑',
  栁: '柳',
  𠮷: '吉',
  條: '条',
  埜: '野',
  齋: '斎',
  齊: '斉',
  黑: '黒',
  靑: '青',
  淸: '清',
  藏: '蔵',
  萬: '万',
  壽: '寿',
  榮: '栄',
  將: '将',
  龜: '亀',
};

/** Weak pairs: different characters people confuse. They fold only in weakKanjiKey. */
const WEAK: Record<string, string> = { 斉: '斎', 龍: '竜' };

const SEPARATORS = /[\s\u3000・･,，、.．]/gu;
const VARIATION_SELECTORS = /[\u{E0100}-\u{E01EF}\uFE00-\uFE0F]/gu;

function foldChars(s: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

/** Full-width ASCII → half-width, half-width katakana → full-width (NFKC limited to those ranges). */
function widthFold(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\uFF61-\uFF9F]+/g, (m) => m.normalize('NFKC'));
}

/** Kanji name key: variants folded, separators and variation selectors removed. '髙橋　健' → '高橋健'. */
export function kanjiKey(name: string): string {
  const t = widthFold(name).replace(VARIATION_SELECTORS, '').replace(SEPARATORS, '');
  // Compatibility ideographs (U+F900–FAFF) fold to their unified form here, on the key only.
  const unified = t.replace(/[\uF900-\uFAFF]/g, (c) => c.normalize('NFC'));
  return foldChars(unified, STRONG);
}

/** Kanji key with the weak equivalences too (斎≈斉, 竜≈龍): use only together with agreeing kana. */
export function weakKanjiKey(name: string): string {
  return foldChars(kanjiKey(name), WEAK);
}

/** Kana key (see kana.ts normaliseKanaKey): width, hiragana, small kana, long vowels, ヂ/ジ, ヅ/ズ folded. */
export function kanaKey(kana: string): string {
  return normaliseKanaKey(kana);
}

/** Both keys of a child's name as stored on the record (family + given, joined). */
export function nameKeys(n: {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}) {
  return {
    nameKey: kanjiKey(`${n.familyName}${n.givenName}`),
    kanaKey: kanaKey(`${n.familyKana}${n.givenKana}`),
  };
}

/**
 * Key of a search box entry: kana-only input gives a kana key, anything else a kanji key.
 * Returns which column to compare with.
 */
export function searchKey(input: string): { kind: 'kana' | 'kanji'; key: string } | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const kanaOnly = /^[\p{Script=Hiragana}\p{Script=Katakana}ー\s\u3000・゛゜]+$/u.test(widthFold(trimmed));
  return kanaOnly ? { kind: 'kana', key: kanaKey(trimmed) } : { kind: 'kanji', key: kanjiKey(trimmed) };
}

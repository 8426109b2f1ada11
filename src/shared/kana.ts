/**
 * Kana and width conversion, and the kana match key for 名寄せ (reference-jp §11.3).
 *
 * The match key is for comparing only: never store it in place of the name the family or the registry gave.
 *
 * Decided: long vowels are folded to one ー instead of being dropped. Dropping would make キョウコ (京子) and
 * キヨコ (清子) equal once small kana are written large; folding keeps them apart (キヨーコ vs キヨコ) while
 * ユウト = ユート, オオノ = オーノ = オウノ and ショウ = シヨウ still match. A vowel kana becomes ー after a kana
 * with the same vowel (ユウ, オオ, イイ, アア, エエ) and also in オウ and エイ; ー with no vowel before it is dropped.
 * The key favours recall: weak merges (ティ = テイ, イイダ vs イーダ) are resolved by DOB, sex and human review.
 */

/** Hiragana → katakana (ぁ–ゖ, ゝゞ); everything else, including half-width kana, is left as is. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Katakana → hiragana (ァ–ヶ, ヽヾ); ヷヸヹヺ, which have no hiragana, and ー are left as is. */
export function toHiragana(s: string): string {
  return s.replace(/[\u30A1-\u30F6\u30FD\u30FE]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Half-width katakana → full-width katakana, composing ｶﾞ into ガ; other characters untouched. */
export function toFullwidthKana(s: string): string {
  return s.replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize('NFKC'));
}

/**
 * Full-width ASCII (Ａ–Ｚ, ａ–ｚ, ０–９ and the full-width punctuation block U+FF01–FF5E) → ASCII, and the
 * ideographic space U+3000 → ' '. Kana and kanji are untouched.
 */
export function toHalfwidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** ASCII printable characters → their full-width forms, ' ' → U+3000 (the inverse of {@link toHalfwidth}). */
export function toFullwidth(s: string): string {
  return s
    .replace(/[\x21-\x7E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/ /g, '\u3000');
}

/** True when the string is non-empty and only full-width katakana (ァ–ヺ) with ー, ヽ, ヾ. */
export function isKatakana(s: string): boolean {
  return /^[\u30A1-\u30FA\u30FC-\u30FE]+$/.test(s);
}

/** True when the string is non-empty and only hiragana (ぁ–ゖ) with ー, ゝ, ゞ. */
export function isHiragana(s: string): boolean {
  return /^[\u3041-\u3096\u309D\u309E\u30FC]+$/.test(s);
}

const VARIANT_SOUNDS: ReadonlyArray<[RegExp, string]> = [
  // ヴ-sounds first, while the small vowel still marks the mora (ヴァ → バ, not ブア).
  [/ヴァ/g, 'バ'],
  [/ヴィ/g, 'ビ'],
  [/ヴェ/g, 'ベ'],
  [/ヴォ/g, 'ボ'],
  [/ヴャ/g, 'ビャ'],
  [/ヴュ/g, 'ビュ'],
  [/ヴョ/g, 'ビョ'],
  [/ヴ/g, 'ブ'],
  [/ヷ/g, 'バ'],
  [/ヸ/g, 'ビ'],
  [/ヹ/g, 'ベ'],
  [/ヺ/g, 'ボ'],
  [/ヂ/g, 'ジ'],
  [/ヅ/g, 'ズ'],
  [/ヲ/g, 'オ'],
  [/ヰ/g, 'イ'],
  [/ヱ/g, 'エ'],
];

const SMALL_TO_LARGE: Readonly<Record<string, string>> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

const VOWEL_ROWS: ReadonlyArray<[string, string]> = [
  ['a', 'アカサタナハマヤラワガザダバパ'],
  ['i', 'イキシチニヒミリギジヂビピ'],
  ['u', 'ウクスツヌフムユルグズヅブプ'],
  ['e', 'エケセテネヘメレゲゼデベペ'],
  ['o', 'オコソトノホモヨロゴゾドボポ'],
];
const VOWEL_OF = new Map<string, string>();
for (const [vowel, row] of VOWEL_ROWS) for (const ch of row) VOWEL_OF.set(ch, vowel);

/** Characters that separate family and given name, or decorate kana, and carry no sound. */
const SEPARATORS = /[\s・･゠=,、.。'’"]/g;
/** Hyphens and tildes typed in place of the long-vowel mark. */
const LONG_MARK_LOOKALIKES = /[-‐‑‒–—―−~〜～ｰ]/g;

/** Expands the kana iteration marks ヽ (repeat) and ヾ (repeat voiced): サヽキ → ササキ, ミスヾ → ミスズ. */
function expandIterationMarks(s: string): string {
  const out: string[] = [];
  for (const ch of s) {
    const prev = out[out.length - 1];
    if ((ch === 'ヽ' || ch === 'ヾ') && prev) {
      const base = prev.normalize('NFD')[0]!;
      out.push(ch === 'ヽ' ? base : `${base}\u3099`.normalize('NFC'));
    } else {
      out.push(ch);
    }
  }
  return out.join('');
}

function foldLongVowels(s: string): string {
  let out = '';
  let prevVowel: string | undefined;
  for (const ch of s) {
    const vowel = VOWEL_OF.get(ch);
    const lengthens =
      ch === 'ー' ||
      (prevVowel !== undefined &&
        'アイウエオ'.includes(ch) &&
        (vowel === prevVowel || (ch === 'ウ' && prevVowel === 'o') || (ch === 'イ' && prevVowel === 'e')));
    if (lengthens) {
      if (prevVowel !== undefined && !out.endsWith('ー')) out += 'ー';
      continue; // prevVowel carries over: オーウ → オー
    }
    out += ch;
    prevVowel = vowel;
  }
  return out;
}

/**
 * Match key for a kana name (reference-jp §11.3 steps 1–6): width folded (NFKC, ｶﾞ → ガ, full-width ASCII → ASCII,
 * Latin upper-cased), hiragana → katakana, iteration marks expanded, spaces and separators (・, comma, …) removed,
 * ヴァ→バ / ヂ→ジ / ヅ→ズ / ヲ→オ / ヰ→イ / ヱ→エ, small kana written large (ショウ = シヨウ), long vowels folded to
 * one ー (ユウト = ユート, オオノ = オーノ = オウノ), variation selectors dropped.
 * normaliseKanaKey('やまだ　ゆうと') === normaliseKanaKey('ﾔﾏﾀﾞ ﾕｰﾄ') === 'ヤマダユート'.
 */
export function normaliseKanaKey(s: string): string {
  let t = s.replace(/\u309B/g, '\u3099').replace(/\u309C/g, '\u309A'); // spacing ゛゜ → combining, so NFC merges them
  t = t.normalize('NFKC').normalize('NFC');
  t = t.replace(/[\u{E0100}-\u{E01EF}\uFE00-\uFE0F]/gu, '');
  t = expandIterationMarks(toKatakana(t));
  t = t.replace(SEPARATORS, '').replace(LONG_MARK_LOOKALIKES, 'ー');
  for (const [re, to] of VARIANT_SOUNDS) t = t.replace(re, to);
  t = t.replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_TO_LARGE[c]!);
  return foldLongVowels(t).toUpperCase();
}

/**
 * Match keys of the parts of a name written with a separator (space, ・, comma): 'ヤマダ　ユウト' →
 * ['ヤマダ', 'ユート']. Compare the joined key always, and the parts too when both sides have them.
 */
export function kanaKeyParts(s: string): string[] {
  return s
    .normalize('NFKC')
    .split(/[\s・,、]+/)
    .map(normaliseKanaKey)
    .filter((part) => part.length > 0);
}

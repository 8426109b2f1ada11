/**
 * The personal-data check of a good-practice story (pure; docs/knowledge.md §4). Before a story is checked and
 * published, its title, summary and body are searched for:
 * - the source record's own data — the names (kanji and kana, full and given) of the child and guardians of the
 *   consultation, their birth dates in any 西暦 or 和暦 form, addresses and telephone numbers — which block;
 * - patterns of personal data — a word with an honorific (〇〇ちゃん, 〇〇さん) that is not a role (お母さん,
 *   看護師さん), a date next to 生まれ or 生年月日, telephone numbers, e-mail addresses, street addresses and postal
 *   codes — which the checker looks at and confirms one by one.
 * Text is compared after NFKC (full-width digits and letters folded), so a flag's `text` is the folded form.
 */

import type { PersonalDataFlagKind } from '../../shared/vocab/good-practices';
import { parseJapaneseDate } from '../../shared/wareki';

/** What the source record knows about the people in it (never shown: only used to look for them). */
export type KnownPersonalData = {
  /** Names as written, e.g. 'family given' pairs and single names; pairs give full and given-name matches. */
  people: {
    family?: string | null;
    given?: string | null;
    familyKana?: string | null;
    givenKana?: string | null;
  }[];
  /** Other names as written (an asker, an attendee). */
  names: string[];
  /** ISO dates. */
  birthDates: string[];
  addresses: string[];
  phones: string[];
};

export const NO_KNOWN_DATA: KnownPersonalData = {
  people: [],
  names: [],
  birthDates: [],
  addresses: [],
  phones: [],
};

export type PersonalDataFlag = {
  kind: PersonalDataFlagKind;
  /** The text found (NFKC-folded). */
  text: string;
  /** Where it starts in the folded text. */
  index: number;
  /** `kind:text`: what a checker acknowledges. */
  key: string;
  /** True for the source's own data: the story cannot be checked until it is gone. */
  blocking: boolean;
};

const BLOCKING: ReadonlySet<PersonalDataFlagKind> = new Set([
  'source_name',
  'source_birth_date',
  'source_address',
  'source_phone',
]);

/** Role words that take an honorific without being a name (お母さん, 看護師さん, 藤沢市さん …). */
const ROLE_WORDS = [
  'お母',
  'お父',
  'お子',
  'お兄',
  'お姉',
  'お嬢',
  'お客',
  'おかあ',
  'おとう',
  'おばあ',
  'おじい',
  'おにい',
  'おねえ',
  'みな',
  'たく',
  'おじ',
  'おば',
  'ねえ',
  'にい',
  'あか',
  '母',
  '父',
  '娘',
  '息子',
  '子ども',
  '子供',
  '兄',
  '姉',
  '弟',
  '妹',
  '皆',
  '赤',
  '奥',
  '家族',
  '看護師',
  '保健師',
  '保育士',
  '相談員',
  '支援員',
  '専門員',
  '職員',
  '担当',
  '担当者',
  '利用者',
  '患者',
  '先生',
  '医師',
  '主治医',
  '課長',
  '係長',
  '所長',
  '園長',
  '校長',
  '院長',
  '担任',
  '事業所',
  '業者',
  '法人',
  '委員',
  '議員',
  '市長',
  '町長',
  '村長',
  '知事',
  '関係者',
  '当事者',
  '親御',
  'ご主人',
  '本人',
  '後輩',
  '先輩',
  '同僚',
];
/** Place endings: 藤沢市さん, 寒川町さん (a name of two characters ending in 村 or 町, 中村さん, is still a name). */
const PLACE_ENDINGS = ['市', '町', '村', '県', '区', '園', '校', '院', '課', '所', '会', '局', '庁'];
const HONORIFIC =
  /(?<![\p{Script=Han}\p{Script=Katakana}ー々ヶ])([\p{Script=Han}\p{Script=Katakana}ー々ヶ]{1,5}|(?<![\p{Script=Hiragana}])[\p{Script=Hiragana}]{2,4})(ちゃん|くん|君|さん|様|氏)/gu;

/** Folds text for comparison: NFKC (full-width digits and letters), spaces removed in names. */
export function fold(text: string): string {
  return text.normalize('NFKC');
}

function isRoleWord(word: string): boolean {
  if (ROLE_WORDS.some((r) => word === r || (r.length > 1 && word.endsWith(r)))) return true;
  if (word.length >= 3 && PLACE_ENDINGS.some((p) => word.endsWith(p))) return true;
  return false;
}

/** A name in hiragana and in katakana (the registry keeps kana in katakana; a story may use either). */
function kanaForms(name: string): string[] {
  const hira = name.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  const kata = name.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  return [...new Set([name, hira, kata])];
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** A date written in the text (西暦 or 和暦, with 年月日 or separators), with where it is. */
const DATE_CANDIDATE =
  /(?:(?:西暦)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:明治|大正|昭和|平成|令和)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[MTSHRmtshr](?:\d{1,2}|元)[-/.]\d{1,2}[-/.]\d{1,2})/gu;

const PHONE = /(?<![\d-])(?:0\d{1,4}[-(]\d{1,4}[-)]\d{3,4}|0[5789]0\d{8}|0\d{9})(?![\d-])/gu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const POSTAL = /(?:〒\s*\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?![\d-]))/gu;
const STREET =
  /[\p{Script=Han}ヶ々]{1,8}(?:\d+|[一二三四五六七八九十]+)丁目(?:\d+(?:番地?|-)\d*(?:号)?)?|[\p{Script=Han}ヶ々]{1,8}\d+番地(?:\d+)?|[\p{Script=Han}ヶ々]{1,8}\d+番\d+号|[\p{Script=Han}ヶ々]{2,8}\d{1,4}-\d{1,4}(?:-\d{1,4})?(?![\d-])/gu;

/**
 * The flags of a text. Each distinct `key` appears once (its first place); blocking flags first, then in the
 * order they appear.
 */
export function checkPersonalData(
  text: string,
  known: KnownPersonalData = NO_KNOWN_DATA,
): PersonalDataFlag[] {
  const s = fold(text);
  const flags: PersonalDataFlag[] = [];
  const taken: [number, number][] = [];
  const overlaps = (i: number, len: number) => taken.some(([a, b]) => i < b && a < i + len);
  const add = (kind: PersonalDataFlagKind, found: string, index: number) => {
    if (overlaps(index, found.length)) return;
    taken.push([index, index + found.length]);
    flags.push({ kind, text: found, index, key: `${kind}:${found}`, blocking: BLOCKING.has(kind) });
  };
  const findAll = (kind: PersonalDataFlagKind, needle: string) => {
    if (!needle) return;
    let at = s.indexOf(needle);
    while (at >= 0) {
      add(kind, needle, at);
      at = s.indexOf(needle, at + needle.length);
    }
  };

  // The source's names: full names first (with or without a space), then given names of two or more characters,
  // then a family name followed by an honorific.
  const names = new Set<string>();
  const givens = new Set<string>();
  const families = new Set<string>();
  for (const p of known.people) {
    for (const [f, g] of [
      [p.family, p.given],
      [p.familyKana, p.givenKana],
    ] as const) {
      const famForms = f ? kanaForms(fold(f).trim()) : [];
      const givForms = g ? kanaForms(fold(g).trim()) : [];
      for (const fam of famForms) {
        for (const giv of givForms) {
          if (!fam || !giv) continue;
          names.add(`${fam}${giv}`);
          names.add(`${fam} ${giv}`);
          names.add(`${fam}　${giv}`);
        }
        if (fam) families.add(fam);
      }
      for (const giv of givForms) if (giv.length >= 2) givens.add(giv);
    }
  }
  for (const n of known.names) {
    const f = fold(n).trim();
    if (f.length >= 2) names.add(f);
    const joined = f.replace(/[\s　]+/g, '');
    if (joined.length >= 2) names.add(joined);
  }
  for (const n of [...names].sort((a, b) => b.length - a.length)) findAll('source_name', n);
  for (const g of givens) findAll('source_name', g);
  for (const f of families) {
    for (const h of ['ちゃん', 'くん', '君', 'さん', '様', '氏']) {
      let at = s.indexOf(`${f}${h}`);
      while (at >= 0) {
        add('source_name', f, at);
        at = s.indexOf(`${f}${h}`, at + 1);
      }
    }
  }

  // Dates: a source birth date in any form blocks; another date next to 生 is a likely birth date.
  const birth = new Set(known.birthDates);
  for (const m of s.matchAll(DATE_CANDIDATE)) {
    const iso = parseJapaneseDate(m[0]);
    if (!iso) continue;
    if (birth.has(iso)) {
      add('source_birth_date', m[0], m.index);
      continue;
    }
    const before = s.slice(Math.max(0, m.index - 8), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (/生年月日|誕生/.test(before) || /^\s*(生|に生まれ|誕生)/.test(after))
      add('birth_date', m[0], m.index);
  }

  // The source's addresses (whole, and the part after the municipality) and telephone numbers.
  for (const a of known.addresses) {
    const f = fold(a).replace(/\s+/g, '');
    if (f.length < 4) continue;
    findAll('source_address', f);
    const street = f.replace(/^.*?[市区町村](?=.)/u, '');
    if (street !== f && street.length >= 4) findAll('source_address', street);
  }
  const knownPhones = new Set(known.phones.map(digitsOf).filter((d) => d.length >= 10));
  for (const m of s.matchAll(PHONE)) {
    const d = digitsOf(m[0]);
    if (d.length < 10 || d.length > 11) continue;
    add(knownPhones.has(d) ? 'source_phone' : 'phone', m[0], m.index);
  }

  for (const m of s.matchAll(EMAIL)) add('email', m[0], m.index);
  for (const m of s.matchAll(POSTAL)) add('postal_code', m[0], m.index);
  for (const m of s.matchAll(STREET)) {
    // 平日9-17, 令和6年4-6月: a range after a word of time or quantity is not a street number.
    const word = /^[\p{Script=Han}ヶ々]+/u.exec(m[0])?.[0] ?? '';
    if (/[日時年月週回歳人名件円分号第約度期]$/u.test(word) && !/丁目|番地|番\d+号/u.test(m[0])) continue;
    add('address', m[0], m.index);
  }
  for (const m of s.matchAll(HONORIFIC)) {
    const word = m[1]!;
    if (isRoleWord(word)) continue;
    add('honorific_name', m[0], m.index);
  }

  return flags
    .sort((a, b) => Number(b.blocking) - Number(a.blocking) || a.index - b.index)
    .filter(firstOfKey());
}

function firstOfKey() {
  const seen = new Set<string>();
  return (f: PersonalDataFlag) => {
    if (seen.has(f.key)) return false;
    seen.add(f.key);
    return true;
  };
}

/** The flags a checker must still acknowledge: non-blocking flags whose key is not in `acknowledged`. */
export function unacknowledged(
  flags: PersonalDataFlag[],
  acknowledged: readonly string[],
): PersonalDataFlag[] {
  const ok = new Set(acknowledged);
  return flags.filter((f) => !f.blocking && !ok.has(f.key));
}

/**
 * The text with every flagged span replaced by 〇〇 — used when a story is pre-filled from its source, so that
 * what is copied carries no name, date of birth, address or number the check can find.
 */
export function maskPersonalData(text: string, known: KnownPersonalData = NO_KNOWN_DATA): string {
  const s = fold(text);
  const spans = checkPersonalDataSpans(s, known);
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    out += `${s.slice(at, a)}〇〇`;
    at = b;
  }
  return out + s.slice(at);
}

function checkPersonalDataSpans(s: string, known: KnownPersonalData): [number, number][] {
  // Every occurrence (not only the first of each key), in order.
  const all: [number, number][] = [];
  let rest = s;
  let offset = 0;
  for (;;) {
    const flags = checkPersonalData(rest, known);
    if (!flags.length) break;
    const first = flags.reduce((a, b) => (b.index < a.index ? b : a));
    all.push([offset + first.index, offset + first.index + first.text.length]);
    offset += first.index + first.text.length;
    rest = rest.slice(first.index + first.text.length);
  }
  return all;
}

/**
 * How much a registration looks like an existing child record (名寄せ, reference-jp §11): a small, explainable
 * score. Each piece of evidence adds or removes points and says so in both languages, so the reviewer sees why
 * a record is suggested; the reviewer decides, never this function.
 *
 * Evidence and points:
 * - kana key (steps of §11.3: ユウト = ユート, ﾔﾏﾀﾞ = やまだ) equal: +35; only the given name's kana: +15 (a
 *   family name can change); only the family name's: +10; similar (bigram overlap ≥ 0.6): +15
 * - kanji key after variant folding (髙 = 高, 﨑 = 崎, 邊 = 辺 …) equal: +25; equal only with the weak pairs
 *   (斎 ≈ 斉, 竜 ≈ 龍): +15 when the kana agree, +5 otherwise; only the family name: +5
 * - date of birth equal: +30; one day apart or day and month swapped (typing slips): +10; otherwise −10
 * - sex equal: +5; different (both known): −25
 * - same municipality and street address: +5
 * - twin guard: same family name, date of birth and address but another given name → at most 30, "possible twin"
 * The total is clamped to 0–100; only agreement on everything gives 100. Exact kana + date of birth + sex give 70.
 */
import { addDays, parseIsoDate } from '../../shared/dates';
import { kanaKey, kanjiKey, weakKanjiKey } from '../../shared/names';

/** The facts compared: the registration's child or an existing record. */
export type MatchPerson = {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  /** ISO date. */
  birthDate: string;
  sex: 'female' | 'male' | 'unknown';
  municipalityCode?: string | null;
  address?: string | null;
};

/** Stable codes of the evidence a score is made of (the web shows the ja/en text that comes with each). */
export type MatchReasonCode =
  | 'kana_same'
  | 'kana_variant'
  | 'given_kana_same'
  | 'family_kana_same'
  | 'kana_similar'
  | 'kanji_same'
  | 'kanji_variant'
  | 'kanji_weak'
  | 'family_kanji_same'
  | 'dob_same'
  | 'dob_adjacent'
  | 'dob_swapped'
  | 'dob_differs'
  | 'sex_same'
  | 'sex_differs'
  | 'address_same'
  | 'possible_twin';

/** One piece of evidence: its code, the points it adds (negative: removes) and its text in both languages. */
export type MatchReason = { code: MatchReasonCode; points: number; ja: string; en: string };
/** The score (0–100) and the evidence behind it. */
export type MatchResult = { score: number; reasons: MatchReason[] };

/** Highest score a likely twin (same family, birth date and address, other given name) can get. */
export const TWIN_CAP = 30;

const TEXT: Record<MatchReasonCode, { ja: string; en: string }> = {
  kana_same: { ja: '氏名の読みが一致', en: 'Same name in kana' },
  kana_variant: {
    ja: '氏名の読みが表記ゆれを除いて一致（ユウト＝ユート など）',
    en: 'Same name in kana apart from spelling (ユウト = ユート …)',
  },
  given_kana_same: {
    ja: '名の読みが一致（姓は異なる：姓が変わった可能性）',
    en: 'Same given name in kana; the family name differs (it may have changed)',
  },
  family_kana_same: { ja: '姓の読みが一致', en: 'Same family name in kana' },
  kana_similar: { ja: '氏名の読みが似ている', en: 'Similar name in kana' },
  kanji_same: { ja: '漢字氏名が一致', en: 'Same name in kanji' },
  kanji_variant: {
    ja: '異体字を同一視すると漢字氏名が一致（髙＝高 など）',
    en: 'Same name in kanji once variants are folded (髙 = 高 …)',
  },
  kanji_weak: {
    ja: '漢字氏名が紛らわしい字（斎／斉、竜／龍）の違いのみ',
    en: 'Names in kanji differ only by easily confused characters (斎/斉, 竜/龍)',
  },
  family_kanji_same: { ja: '漢字の姓が一致', en: 'Same family name in kanji' },
  dob_same: { ja: '生年月日が一致', en: 'Same date of birth' },
  dob_adjacent: {
    ja: '生年月日が1日違い（入力誤りの可能性）',
    en: 'Dates of birth one day apart (possibly a typing slip)',
  },
  dob_swapped: {
    ja: '生年月日の月と日が入れ替わっている（入力誤りの可能性）',
    en: 'Day and month of the date of birth swapped (possibly a typing slip)',
  },
  dob_differs: { ja: '生年月日が異なる', en: 'Different date of birth' },
  sex_same: { ja: '性別が一致', en: 'Same sex' },
  sex_differs: { ja: '性別が異なる', en: 'Different sex' },
  address_same: { ja: '市区町村と住所が一致', en: 'Same municipality and address' },
  possible_twin: {
    ja: '姓・生年月日・住所が同じで名が異なる（双子などのきょうだいの可能性）',
    en: 'Same family name, date of birth and address but another given name (possible twin)',
  },
};

/** Dice coefficient over character bigrams (code-point aware): 1 for equal strings, 0 for nothing shared. */
export function bigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const cps = [...s];
    const out = new Map<string, number>();
    for (let i = 0; i < cps.length - 1; i++) {
      const g = cps[i]! + cps[i + 1]!;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  if (a === b) return a.length ? 1 : 0;
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The date with day and month exchanged (5 April ↔ 4 May), or null when that is not a different date. */
export function swappedDayMonth(iso: string): string | null {
  const p = parseIsoDate(iso);
  if (!p || p.day > 12 || p.day === p.month) return null;
  return `${String(p.year).padStart(4, '0')}-${String(p.day).padStart(2, '0')}-${String(p.month).padStart(2, '0')}`;
}

/** Street address for comparison: width folded, spaces dropped, every dash the same. */
export function addressKey(address: string | null | undefined): string {
  if (!address) return '';
  return address
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[-‐‑‒–—―−ー－]/g, '-');
}

/** Scores how likely `child` is the same person as the registration's `reg`; see the module comment. */
export function scoreCandidate(reg: MatchPerson, child: MatchPerson): MatchResult {
  const reasons: MatchReason[] = [];
  const add = (code: MatchReasonCode, points: number) => reasons.push({ code, points, ...TEXT[code] });

  const famKana = kanaKey(reg.familyKana) === kanaKey(child.familyKana);
  const givKana = kanaKey(reg.givenKana) === kanaKey(child.givenKana);
  const regKana = kanaKey(reg.familyKana + reg.givenKana);
  const childKana = kanaKey(child.familyKana + child.givenKana);
  const kanaEqual = regKana === childKana;
  if (kanaEqual) {
    const raw = (p: MatchPerson) => (p.familyKana + p.givenKana).replace(/[\s\u3000]/g, '');
    add(raw(reg) === raw(child) ? 'kana_same' : 'kana_variant', 35);
  } else if (givKana && !famKana) add('given_kana_same', 15);
  else if (famKana) add('family_kana_same', 10);
  else if (bigramSimilarity(regKana, childKana) >= 0.6) add('kana_similar', 15);

  const famKanji = kanjiKey(reg.familyName) === kanjiKey(child.familyName);
  const givKanji = kanjiKey(reg.givenName) === kanjiKey(child.givenName);
  if (kanjiKey(reg.familyName + reg.givenName) === kanjiKey(child.familyName + child.givenName)) {
    const raw = (p: MatchPerson) => (p.familyName + p.givenName).replace(/[\s\u3000]/g, '');
    add(raw(reg) === raw(child) ? 'kanji_same' : 'kanji_variant', 25);
  } else if (
    weakKanjiKey(reg.familyName + reg.givenName) === weakKanjiKey(child.familyName + child.givenName)
  ) {
    add('kanji_weak', kanaEqual ? 15 : 5);
  } else if (famKanji) add('family_kanji_same', 5);

  const dobSame = reg.birthDate === child.birthDate;
  if (dobSame) add('dob_same', 30);
  else if (addDays(reg.birthDate, 1) === child.birthDate || addDays(reg.birthDate, -1) === child.birthDate)
    add('dob_adjacent', 10);
  else if (swappedDayMonth(reg.birthDate) === child.birthDate) add('dob_swapped', 10);
  else add('dob_differs', -10);

  if (reg.sex !== 'unknown' && child.sex !== 'unknown') {
    if (reg.sex === child.sex) add('sex_same', 5);
    else add('sex_differs', -25);
  }

  const sameAddress =
    Boolean(reg.municipalityCode) &&
    reg.municipalityCode === child.municipalityCode &&
    addressKey(reg.address) !== '' &&
    addressKey(reg.address) === addressKey(child.address);
  if (sameAddress) add('address_same', 5);

  let score = reasons.reduce((s, r) => s + r.points, 0);
  if ((famKana || famKanji) && dobSame && sameAddress && !givKana && !givKanji && score > TWIN_CAP) {
    add('possible_twin', TWIN_CAP - score);
    score = TWIN_CAP;
  }
  return { score: Math.max(0, Math.min(100, score)), reasons };
}

/**
 * Seeded generator of realistic census lists for evaluating linkage: N fictional children, three sources
 * (public-health nurses, board of education, welfare office), each holding a subset, with the noise real
 * lists have — hiragana / katakana / half-width kana, small kana written large, long vowels, ヂ/ジ and ヅ/ズ,
 * spaces or none, kanji variants, swapped day/month and one-day slips, kana missing in one source, family-name
 * changes, moves, twins, duplicates within a list and (rarely) unrelated children with the same name and
 * birth date. Names come from names.ts; no real person. Used by the linkage tests, the census benchmark and
 * the test fixtures (src/test/census-files.ts), never by the product itself.
 */

import type { CensusRecord } from '../modules/census/types';
import { toHiragana } from '../shared/kana';
import { FAMILY_NAMES, type FamilyName, type GivenName, pickChildGivenName, pickFamilyName } from './names';
import { createRng, daysToIso, isoToDays, type Rng } from './random';

/** Fictional spread over a few real municipality codes (Kanagawa). */
const MUNICIPALITIES: readonly [string, string][] = [
  ['141003', '横浜市'],
  ['141305', '川崎市'],
  ['142034', '平塚市'],
  ['142051', '藤沢市'],
  ['142077', '茅ヶ崎市'],
  ['142131', '大和市'],
  ['142158', '海老名市'],
  ['142166', '座間市'],
];
const TOWNS = ['本町', '中央', '緑が丘', '桜台', '東町', '西原', '南台', '北山', '若葉', '旭町'];

type Child = {
  id: string;
  family: FamilyName;
  given: GivenName;
  sex: 'female' | 'male';
  birthDate: string;
  home: { muni: number; street: [string, number, number, number] };
};

type Source = {
  file: string;
  coverage: number;
  kana: 'hira' | 'kata' | 'half';
  space: number;
  kanaMissing: number;
};

const SOURCES: readonly Source[] = [
  { file: 'hokenshi_2025.xlsx', coverage: 0.85, kana: 'hira', space: 0.8, kanaMissing: 0.02 },
  { file: 'kyouiku_2025.csv', coverage: 0.75, kana: 'kata', space: 0.3, kanaMissing: 0.02 },
  { file: 'fukushi_2025.csv', coverage: 0.8, kana: 'half', space: 0.5, kanaMissing: 0.5 },
];

export type GeneratedSet = { records: CensusRecord[]; truth: string[]; children: number };

export type GenerateOptions = { seed: number; children: number };

const VARIANTS_OF = new Map<string, string[]>();
for (const f of FAMILY_NAMES) {
  if (f.variantOf) VARIANTS_OF.set(f.variantOf, [...(VARIANTS_OF.get(f.variantOf) ?? []), f.kanji]);
}

function familyKanji(rng: Rng, f: FamilyName): string {
  if (f.variantOf && rng.chance(0.3)) return f.variantOf;
  const variants = VARIANTS_OF.get(f.kanji);
  return variants && rng.chance(0.15) ? rng.pick(variants) : f.kanji;
}

const SMALL = /[ャュョッ]/g;
const LARGE: Record<string, string> = { ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ッ: 'ツ' };

/** Spelling noise in katakana: small kana large, long vowels, ヂ/ジ, ヅ/ズ, a rare one-character typo. */
function kanaNoise(rng: Rng, kana: string): string {
  let k = kana;
  if (rng.chance(0.05)) k = k.replace(SMALL, (c) => LARGE[c]!);
  if (rng.chance(0.15)) k = k.replace(/([オコソトノホモヨロゴゾドボポョユュ])ウ/g, '$1ー');
  if (rng.chance(0.1)) k = k.replace(/オオ/g, 'オー');
  if (rng.chance(0.3)) k = k.replace(/ジ/g, 'ヂ').replace(/ズ/g, 'ヅ');
  if (rng.chance(0.01) && k.length > 2) {
    const i = rng.int(1, k.length - 1);
    k = k.slice(0, i) + rng.pick([...'アイウエオカキクケコサシスセソタチツテト']) + k.slice(i + 1);
  }
  return k;
}

/** Half-width forms of ァ…ン in code order, one or two characters each (ガ → ｶﾞ). */
const HALF_KANA = 'ｧｱｨｲｩｳｪｴｫｵｶｶﾞｷｷﾞｸｸﾞｹｹﾞｺｺﾞｻｻﾞｼｼﾞｽｽﾞｾｾﾞｿｿﾞﾀﾀﾞﾁﾁﾞｯﾂﾂﾞﾃﾃﾞﾄﾄﾞﾅﾆﾇﾈﾉﾊﾊﾞﾊﾟﾋﾋﾞﾋﾟﾌﾌﾞﾌﾟﾍﾍﾞﾍﾟﾎﾎﾞﾎﾟﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝ'.match(
  /.[ﾞﾟ]?/gu,
)!;

const toHalf = (s: string) =>
  s.replace(/[\u30A1-\u30F3\u30FC]/g, (c) => (c === 'ー' ? 'ｰ' : (HALF_KANA[c.charCodeAt(0) - 0x30a1] ?? c)));

function writeKana(rng: Rng, src: Source, family: string, given: string): string {
  const joined = rng.chance(src.space) ? `${family}　${given}` : `${family}${given}`;
  const k = kanaNoise(rng, joined);
  if (src.kana === 'hira') return toHiragana(k);
  if (src.kana === 'half') return toHalf(k).replace('　', ' ');
  return k;
}

function slipDate(rng: Rng, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (rng.chance(0.015) && d <= 12 && d !== m) {
    return `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
  }
  if (rng.chance(0.015)) return daysToIso(isoToDays(iso) + (rng.chance(0.5) ? 1 : -1));
  return iso;
}

function writeAddress(rng: Rng, muniName: string, street: Child['home']['street']): string {
  const [town, c, b, g] = street;
  const tail = rng.chance(0.5) ? `${town}${c}丁目${b}番${g}号` : `${town}${c}-${b}-${g}`;
  const full = rng.chance(0.5) ? `${muniName}${tail}` : tail;
  return rng.chance(0.3) ? full.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : full;
}

function newHome(rng: Rng): Child['home'] {
  return {
    muni: rng.int(0, MUNICIPALITIES.length - 1),
    street: [rng.pick(TOWNS), rng.int(1, 5), rng.int(1, 30), rng.int(1, 20)],
  };
}

/** Generates the lists. Deterministic for a seed; `truth[i]` is the child of `records[i]`. */
export function generateCensus({ seed, children }: GenerateOptions): GeneratedSet {
  const rng = createRng(seed);
  const kids: Child[] = [];
  while (kids.length < children) {
    const sex = rng.chance(0.5) ? 'female' : 'male';
    const child: Child = {
      id: `k${kids.length}`,
      family: pickFamilyName(rng),
      given: pickChildGivenName(rng, sex),
      sex,
      birthDate: rng.dateBetween('2007-04-02', '2025-03-31'),
      home: newHome(rng),
    };
    kids.push(child);
    if (rng.chance(0.015) && kids.length < children) {
      const twinSex = rng.chance(0.5) ? 'female' : 'male';
      const given = pickChildGivenName(rng, twinSex, child.given);
      kids.push({ ...child, id: `k${kids.length}`, given, sex: twinSex });
    } else if (rng.chance(0.003) && kids.length < children) {
      kids.push({ ...child, id: `k${kids.length}`, home: newHome(rng) });
    }
  }
  const records: CensusRecord[] = [];
  const truth: string[] = [];
  const rows = SOURCES.map(() => 0);
  for (const child of kids) {
    const changedIn = rng.chance(0.03) ? rng.int(0, SOURCES.length - 1) : -1;
    const movedIn = rng.chance(0.05) ? rng.int(0, SOURCES.length - 1) : -1;
    const otherFamily = pickFamilyName(rng);
    const moved = newHome(rng);
    SOURCES.forEach((src, s) => {
      if (!rng.chance(src.coverage)) return;
      const copies = rng.chance(0.01) ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        const fam = s === changedIn ? otherFamily : child.family;
        const home = s === movedIn ? moved : child.home;
        const fk = familyKanji(rng, fam);
        const name = rng.chance(src.space) ? `${fk}　${child.given.kanji}` : `${fk}${child.given.kanji}`;
        const kana = rng.chance(src.kanaMissing) ? null : writeKana(rng, src, fam.kana, child.given.kana);
        const [code, muniName] = MUNICIPALITIES[home.muni]!;
        rows[s]!++;
        records.push({
          file: src.file,
          row: rows[s]!,
          name,
          kana,
          birthDate: slipDate(rng, child.birthDate),
          sex: rng.chance(0.05) ? null : child.sex,
          address: rng.chance(0.1) ? null : writeAddress(rng, muniName, home.street),
          municipalityCode: code,
          school: null,
          grade: null,
          raw: {},
        });
        truth.push(child.id);
      }
    });
  }
  return { records, truth, children: new Set(truth).size };
}

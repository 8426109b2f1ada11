import {
  findMunicipality,
  MUNICIPALITIES,
  type MunicipalityRef,
  PREFECTURES,
} from '../../../shared/municipalities';
import { isValidMunicipalityCode, normaliseMunicipalityCode } from '../../../shared/municipality-code';

const byName = new Map<string, MunicipalityRef[]>();
for (const m of MUNICIPALITIES) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
const MAX_NAME_LENGTH = Math.max(...MUNICIPALITIES.map((m) => m.name.length));

function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Splits a leading prefecture name off: '神奈川県藤沢市…' → { prefectureCode: '14', rest: '藤沢市…' }. */
function splitPrefecture(s: string): { prefectureCode: string | null; rest: string } {
  for (const p of PREFECTURES)
    if (s.startsWith(p.name)) return { prefectureCode: p.code, rest: s.slice(p.name.length) };
  return { prefectureCode: null, rest: s };
}

/** The one municipality of that name within the prefecture, or nationally when unique; else null. */
function pick(name: string, prefectureCode: string | null): MunicipalityRef | null {
  const all = byName.get(name) ?? [];
  const hits = prefectureCode ? all.filter((m) => m.code.startsWith(prefectureCode)) : all;
  return hits.length === 1 ? hits[0]! : null;
}

/** The longest municipality name the text starts with that {@link pick} resolves. */
function longestPrefix(text: string, prefectureCode: string | null): MunicipalityRef | null {
  for (let len = Math.min(MAX_NAME_LENGTH, text.length); len >= 2; len--) {
    const hit = pick(text.slice(0, len), prefectureCode);
    if (hit) return hit;
  }
  return null;
}

/**
 * A code cell → 6-digit code. Excel drops the leading 0 of codes in prefectures 01–09 when the column is
 * numeric, so '11002' may be 札幌市 011002 as well as the 5-digit form of a prefecture-11 code, and '1100' is
 * 01100. Candidates that exist (and lie in the prefecture, when given) decide; ambiguity gives null.
 */
function resolveCode(digits: string, prefectureCode: string | null): string | null {
  const s = digits.length === 4 ? `0${digits}` : digits;
  if (s.length !== 5) return normaliseMunicipalityCode(s);
  const candidates = [normaliseMunicipalityCode(s), isValidMunicipalityCode(`0${s}`) ? `0${s}` : null].filter(
    (c): c is string => c !== null,
  );
  const known = candidates.filter((c) => findMunicipality(c) !== undefined);
  const pool = known.length > 0 ? known : candidates;
  const scoped = prefectureCode ? pool.filter((c) => c.startsWith(prefectureCode)) : pool;
  return scoped.length === 1 ? scoped[0]! : null;
}

/**
 * Resolves a 市町村 cell to a 6-digit municipality code: a 5- or 6-digit code (full-width digits fine; a leading 0 lost in Excel is restored), or a
 * name with or without its prefecture ('藤沢市', '神奈川県藤沢市'). A bare name is looked up within
 * `prefectureCode` when given, otherwise only names unique in Japan resolve (府中市 does not). Null otherwise.
 */
export function resolveMunicipalityCell(value: string, prefectureCode?: string): string | null {
  const s = compact(value);
  if (s === '') return null;
  if (/^\d+$/.test(s)) return resolveCode(s, prefectureCode ?? null);
  const { prefectureCode: written, rest } = splitPrefecture(s);
  const scope = written ?? prefectureCode ?? null;
  return pick(rest, scope)?.code ?? null;
}

/**
 * Resolves the municipality an address starts with: '藤沢市鵠沼海岸…', '神奈川県藤沢市…', '高座郡寒川町…'
 * (the 郡 is skipped). Same scoping rule as {@link resolveMunicipalityCell}; null when nothing resolves.
 */
export function resolveMunicipalityFromAddress(address: string, prefectureCode?: string): string | null {
  const s = compact(address);
  if (s === '') return null;
  const { prefectureCode: written, rest } = splitPrefecture(s);
  const scope = written ?? prefectureCode ?? null;
  const direct = longestPrefix(rest, scope);
  if (direct) return direct.code;
  // 郡 names are not municipalities; try again after the first 郡 (郡山市 was already tried as written).
  const gun = rest.indexOf('郡');
  if (gun > 0 && gun < 6) return longestPrefix(rest.slice(gun + 1), scope)?.code ?? null;
  return null;
}

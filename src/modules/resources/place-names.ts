import { PLACE_KINDS, type PlaceKind } from '../../db/schema/places';
import { findMunicipality } from '../../shared/municipalities';
import { textKey } from './text';

/**
 * Place names of the public search's gazetteer (pure): the key a name is compared by, the 町字 of an address,
 * the import file's rows, and the choice between the places a name matched.
 */

const HAN = '\\p{Script=Han}';
// 茅ヶ崎・茅ケ崎・茅が崎 (and 霞ヶ関・霞が関): one ケ/ガ/カ between two kanji reads the same.
const GA_BETWEEN_KANJI = new RegExp(`(?<=${HAN})[ケガカヶヵ](?=${HAN})`, 'gu');

/**
 * The key a place name is compared by: width and kana folded (ひらがな, カタカナ, ｶﾀｶﾅ alike), kanji variants
 * folded, spaces dropped, ヶ/ケ/が between kanji alike, and a trailing 駅 (or エキ) dropped — 辻堂駅, 辻堂 and
 * つじどうえき meet when the station's reading is known.
 */
export function placeKey(s: string): string {
  const k = textKey(s.replace(/\s+/g, ''))
    .replace(/[|%_\\]/g, '')
    .replace(GA_BETWEEN_KANJI, 'ガ');
  const stripped = k.replace(/(駅|エキ)$/u, '');
  return stripped || k;
}

/** Whether the text names a station (a trailing 駅): then stations come first among equal matches. */
export function saysStation(s: string): boolean {
  return /(駅|えき|エキ)\s*$/u.test(s.normalize('NFKC'));
}

/** A postal code as typed (〒251-0047, ２５１００４７) → '2510047', or null. */
export function postalCodeOf(s: string): string | null {
  const m = s
    .normalize('NFKC')
    .replace(/^〒\s*/, '')
    .trim()
    .match(/^(\d{3})-?(\d{4})$/);
  return m ? `${m[1]}${m[2]}` : null;
}

/**
 * The 町字 an address names after its municipality: '藤沢市辻堂元町1-2-3' → '辻堂元町'; '横浜市中区本町2丁目'
 * → '本町' (a designated city's ward dropped). Null when nothing plausible is left.
 */
export function townOf(address: string, municipalityName: string): string | null {
  let s = address.normalize('NFKC').replace(/\s+/g, '');
  const at = s.indexOf(municipalityName);
  if (at < 0) return null;
  s = s.slice(at + municipalityName.length);
  s = s.replace(/^[^\d区]{1,5}区/u, ''); // ward of a designated city
  s = s.replace(/^大?字/u, '');
  const m = s.match(/^(.+?)(?:\d|[一二三四五六七八九十]+丁目|番地|$)/u);
  const town = m?.[1]?.replace(/[-‐－ー]+$/u, '') ?? '';
  return town.length >= 1 && town.length <= 20 && !/^\d/.test(town) ? town : null;
}

// ───────────────────────────── the import file ─────────────────────────────

export type PlaceRow = {
  municipalityCode: string;
  kind: PlaceKind;
  name: string;
  kana: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
};
export type PlaceIssue = { line: number; ja: string; en: string };

const HEADER_ALIASES: Record<string, keyof PlaceRow> = {
  name: 'name',
  名称: 'name',
  kana: 'kana',
  よみ: 'kana',
  kind: 'kind',
  種別: 'kind',
  municipality_code: 'municipalityCode',
  市区町村コード: 'municipalityCode',
  lat: 'latitude',
  latitude: 'latitude',
  緯度: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  longitude: 'longitude',
  経度: 'longitude',
  postal_code: 'postalCode',
  郵便番号: 'postalCode',
};

/** Splits CSV text (RFC 4180: quotes, doubled quotes, CRLF; a BOM dropped) into rows of cells. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const KIND_ALIASES: Record<string, PlaceKind> = {
  駅: 'station',
  町字: 'town',
  町名: 'town',
  施設: 'landmark',
  ランドマーク: 'landmark',
  市区町村: 'municipality',
};

/**
 * Reads a places file: a header naming the columns (name, kana, kind, municipality_code, lat, lon,
 * postal_code — or 名称, よみ, 種別, 市区町村コード, 緯度, 経度, 郵便番号), then one place a line. A postal-code
 * file is the same with kind `town` (or no kind column) and postal_code. Rows in error are reported, not read.
 */
/** Reads a places CSV; with `prefectureCode`, a row of a municipality of another prefecture is an error. */
export function parsePlacesCsv(
  text: string,
  prefectureCode?: string,
): { rows: PlaceRow[]; issues: PlaceIssue[] } {
  const [header, ...body] = csvRows(text);
  const issues: PlaceIssue[] = [];
  if (!header) return { rows: [], issues: [{ line: 1, ja: 'ファイルが空です', en: 'The file is empty' }] };
  const cols = header.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? HEADER_ALIASES[h.trim()]);
  if (!cols.includes('name') || !cols.includes('municipalityCode')) {
    const msg = '1行目に name と municipality_code の列が必要です';
    return {
      rows: [],
      issues: [{ line: 1, ja: msg, en: 'Line 1 must name the columns name and municipality_code' }],
    };
  }
  const rows: PlaceRow[] = [];
  for (const [i, cells] of body.entries()) {
    const line = i + 2;
    const get = (k: keyof PlaceRow) => {
      const at = cols.indexOf(k);
      return at < 0 ? '' : (cells[at] ?? '').normalize('NFKC').trim();
    };
    const bad = (ja: string, en: string) => void issues.push({ line, ja, en });
    const name = get('name');
    const code = get('municipalityCode');
    const kindText = get('kind') || 'town';
    const kind = (PLACE_KINDS as readonly string[]).includes(kindText)
      ? (kindText as PlaceKind)
      : KIND_ALIASES[kindText];
    const lat = get('latitude');
    const lon = get('longitude');
    const postal = get('postalCode');
    if (!name || name.length > 60) {
      bad('名称がない・長すぎます', 'Name missing or too long');
      continue;
    }
    if (!/^\d{6}$/.test(code) || !findMunicipality(code)) {
      bad(`市区町村コードが不明です: ${code}`, `Unknown municipality code: ${code}`);
      continue;
    }
    if (prefectureCode && !code.startsWith(prefectureCode)) {
      bad(`この都道府県の市区町村ではありません: ${code}`, `Not a municipality of this prefecture: ${code}`);
      continue;
    }
    if (!kind) {
      bad(`種別が不明です: ${kindText}`, `Unknown kind: ${kindText}`);
      continue;
    }
    const latitude = lat === '' ? null : Number(lat);
    const longitude = lon === '' ? null : Number(lon);
    if (
      (latitude === null) !== (longitude === null) ||
      (latitude !== null && !inJapan(latitude, longitude!))
    ) {
      bad('緯度・経度が正しくありません', 'Latitude and longitude are not valid');
      continue;
    }
    const postalCode = postal ? postalCodeOf(postal) : null;
    if (postal && !postalCode) {
      bad(`郵便番号が正しくありません: ${postal}`, `Invalid postal code: ${postal}`);
      continue;
    }
    rows.push({
      municipalityCode: code,
      kind,
      name,
      kana: get('kana') || null,
      postalCode,
      latitude,
      longitude,
    });
  }
  return { rows, issues };
}

function inJapan(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154;
}

// ───────────────────────────── choosing among matches ─────────────────────────────

export type PlaceCandidate = {
  id: string;
  municipalityCode: string;
  kind: PlaceKind;
  name: string;
  latitude: number | null;
  longitude: number | null;
  source: string;
};

const KIND_RANK: Record<PlaceKind, number> = { municipality: 0, station: 1, landmark: 2, town: 3 };
const SOURCE_RANK: Record<string, number> = { import: 0, reference: 1, listings: 2 };

/**
 * What a name resolved to: one place (the best of its municipality's matches — a station when 駅 was typed,
 * a point before none, an imported or reference point before a listings centroid), a choice when the
 * matches lie in more than one municipality, or nothing.
 */
export function choosePlace(
  matches: readonly PlaceCandidate[],
  typed: string,
): { kind: 'one'; place: PlaceCandidate } | { kind: 'choices'; places: PlaceCandidate[] } | { kind: 'none' } {
  if (!matches.length) return { kind: 'none' };
  const station = saysStation(typed);
  const rank = (p: PlaceCandidate) =>
    (station && p.kind === 'station' ? -10 : KIND_RANK[p.kind]) * 10 +
    (p.latitude === null ? 5 : 0) +
    (SOURCE_RANK[p.source] ?? 3);
  const sorted = [...matches].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const best = new Map<string, PlaceCandidate>();
  for (const p of sorted) if (!best.has(p.municipalityCode)) best.set(p.municipalityCode, p);
  if (best.size === 1) return { kind: 'one', place: sorted[0]! };
  // A station typed with 駅 that exists once wins over 町字 of the same name elsewhere.
  const stations = [...best.values()].filter((p) => p.kind === 'station');
  if (station && stations.length === 1) return { kind: 'one', place: stations[0]! };
  return {
    kind: 'choices',
    places: [...best.values()].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode)),
  };
}

/** What a family reads when nothing resolves: what to type instead — never a code. */
export const UNRESOLVED_MESSAGE = {
  ja: '場所が見つかりませんでした。市区町村名（例：藤沢市）、町名（例：辻堂元町）、駅名（例：辻堂駅）、住所、郵便番号のどれかを入力するか、「現在地から探す」をお使いください。',
  en: 'We could not find that place. Type a municipality (e.g. Fujisawa-shi / 藤沢市), a town name, a station (e.g. 辻堂駅), an address or a postal code — or use “Search near me”.',
} as const;

/** Straight-line distance in km (haversine). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const r = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * r;
  const dLon = (b.longitude - a.longitude) * r;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

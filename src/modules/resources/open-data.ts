import type { ServiceType } from '../../shared/vocab/resources';
import { parseCsv } from '../census/read/csv';
import { decodeText } from '../census/read/decode';
import { normaliseHeader } from '../census/read/headers';
import { resolveMunicipalityCell, resolveMunicipalityFromAddress } from '../census/read/municipality';

/**
 * Reading the welfare offices' public open data (障害福祉サービス等情報公表システム, prefectures' 指定事業所一覧 …):
 * CSV in UTF-8 or CP932, one office and service per row. Pure: no database. The key of a row is 事業所番号 +
 * サービス種別, so a re-import updates the same listing instead of duplicating it.
 */

export const OPEN_DATA_FIELDS = [
  'officeNumber',
  'name',
  'kana',
  'type',
  'address',
  'municipality',
  'postalCode',
  'latitude',
  'longitude',
  'phone',
  'corporation',
  'capacity',
] as const;
export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];

const SYNONYMS: Record<OpenDataField, string[]> = {
  officeNumber: [
    '事業所番号',
    '指定事業所番号',
    '事業所番号10桁',
    '事業者番号',
    '事業所コード',
    '指定番号',
    'office_number',
  ],
  name: ['事業所名', '事業所の名称', '事業所名称', '施設名', '施設名称', '名称', '事業所名漢字', 'name'],
  kana: [
    '事業所名カナ',
    '事業所名フリガナ',
    '事業所名ふりがな',
    'フリガナ',
    'カナ',
    '名称カナ',
    '名称フリガナ',
  ],
  type: ['サービス種別', 'サービスの種類', 'サービス種類', 'サービス名', '事業種別', '種別', 'service_type'],
  address: ['住所', '所在地', '事業所所在地', '事業所住所', '事業所の所在地', '所在地住所', 'address'],
  municipality: ['市区町村', '市町村', '市区町村名', '市区町村コード', '市町村コード', '地方公共団体コード'],
  postalCode: ['郵便番号', '〒'],
  latitude: ['緯度', 'latitude', 'lat'],
  longitude: ['経度', 'longitude', 'lng', 'lon'],
  phone: ['電話番号', '電話', 'tel', '事業所電話番号'],
  corporation: ['法人名', '法人の名称', '運営法人', '運営法人名', '事業者名', '設置者', '法人名称'],
  capacity: ['定員', '利用定員'],
};

const HEADER_INDEX = new Map<string, OpenDataField>(
  (Object.entries(SYNONYMS) as [OpenDataField, string[]][]).flatMap(([f, words]) =>
    words.map((w) => [normaliseHeader(w), f] as const),
  ),
);

export function fieldOfOpenDataHeader(header: string): OpenDataField | null {
  return HEADER_INDEX.get(normaliseHeader(header)) ?? null;
}

/** Service type words, longest first so 居宅訪問型児童発達支援 is not read as 児童発達支援. */
const TYPE_WORDS: [string, ServiceType][] = (
  [
    ['居宅訪問型児童発達支援', 'home_based_development_support'],
    ['医療型児童発達支援', 'child_development_support'],
    ['児童発達支援', 'child_development_support'],
    ['放課後等デイサービス', 'after_school_day_service'],
    ['保育所等訪問支援', 'nursery_visit_support'],
    ['医療型短期入所', 'medical_short_stay'],
    ['福祉型短期入所', 'welfare_short_stay'],
    ['短期入所', 'welfare_short_stay'],
    ['医療型障害児入所施設', 'medical_residential'],
    ['福祉型障害児入所施設', 'other'],
    ['訪問看護', 'home_visit_nursing'],
    ['居宅介護', 'home_visit_care'],
    ['障害児相談支援', 'consultation_support'],
    ['計画相談支援', 'consultation_support'],
    ['特定相談支援', 'consultation_support'],
    ['相談支援', 'consultation_support'],
    ['特別支援学校', 'special_needs_school'],
    ['認定こども園', 'kindergarten'],
    ['幼稚園', 'kindergarten'],
    ['保育所', 'nursery'],
    ['保育園', 'nursery'],
    ['診療所', 'clinic'],
    ['クリニック', 'clinic'],
    ['病院', 'hospital'],
    ['薬局', 'pharmacy'],
    ['学校', 'school'],
  ] as [string, ServiceType][]
).sort((a, b) => b[0].length - a[0].length);

/** A service type from the text of the file (Japanese name or our code); null when unknown. */
export function serviceTypeOf(text: string): ServiceType | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (!t) return null;
  for (const [word, type] of TYPE_WORDS) if (t === word) return type;
  for (const [word, type] of TYPE_WORDS) if (t.includes(word)) return type;
  const code = t.toLowerCase();
  for (const [, type] of TYPE_WORDS) if (type === code) return type;
  return code === 'other' ? 'other' : null;
}

export type OpenDataIssue = { row: number; column: string | null; ja: string; en: string };

export type OpenDataRow = {
  row: number;
  officeNumber: string | null;
  name: string | null;
  kana: string | null;
  type: ServiceType | null;
  address: string | null;
  municipalityCode: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  corporation: string | null;
  capacity: number | null;
  ok: boolean;
};

export type OpenDataFile = {
  encoding: string;
  columns: { header: string; field: OpenDataField | null }[];
  rows: OpenDataRow[];
  issues: OpenDataIssue[];
};

const issue = (row: number, column: string | null, ja: string, en: string): OpenDataIssue => ({
  row,
  column,
  ja,
  en,
});

function num(v: string): number | null {
  const t = v.normalize('NFKC').trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Reads the file: header row (the first with an office-number or name column), then one record per row. */
export function readOpenData(buf: Buffer, prefectureCode: string): OpenDataFile {
  const { text, encoding } = decodeText(buf);
  const table = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const headerAt = table.findIndex((r) => {
    const f = r.map(fieldOfOpenDataHeader);
    return f.includes('officeNumber') || (f.includes('name') && f.includes('type'));
  });
  if (headerAt < 0) {
    return {
      encoding,
      columns: [],
      rows: [],
      issues: [
        issue(
          0,
          null,
          '見出し行（事業所番号・事業所名・サービス種別など）が見つかりません。',
          'No header row (事業所番号, 事業所名, サービス種別 …) was found.',
        ),
      ],
    };
  }
  const headers = table[headerAt]!;
  const columns = headers.map((h) => ({ header: h, field: fieldOfOpenDataHeader(h) }));
  const col = new Map<OpenDataField, number>();
  columns.forEach((c, i) => {
    if (c.field && !col.has(c.field)) col.set(c.field, i);
  });
  const issues: OpenDataIssue[] = [];
  for (const [f, ja, en] of [
    ['officeNumber', '事業所番号', 'office number'],
    ['name', '事業所名', 'name'],
    ['type', 'サービス種別', 'service type'],
    ['address', '住所', 'address'],
  ] as const) {
    if (!col.has(f))
      issues.push(issue(0, null, `「${ja}」の列がありません。`, `There is no ${en} column (${ja}).`));
  }
  if (issues.length) return { encoding, columns, rows: [], issues };

  const seen = new Map<string, number>();
  const rows: OpenDataRow[] = [];
  table.slice(headerAt + 1).forEach((cells, i) => {
    const rowNo = i + 1;
    const get = (f: OpenDataField) => {
      const at = col.get(f);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const header = (f: OpenDataField) => headers[col.get(f)!] ?? f;
    const before = issues.length;
    const officeNumber = get('officeNumber').normalize('NFKC').replace(/[\s-]/g, '') || null;
    if (!officeNumber)
      issues.push(
        issue(rowNo, header('officeNumber'), '事業所番号がありません。', 'The office number is missing.'),
      );
    else if (!/^[0-9A-Za-z]{1,20}$/.test(officeNumber))
      issues.push(
        issue(
          rowNo,
          header('officeNumber'),
          `事業所番号が正しくありません: ${officeNumber}`,
          `The office number is not valid: ${officeNumber}`,
        ),
      );
    const name = get('name') || null;
    if (!name) issues.push(issue(rowNo, header('name'), '事業所名がありません。', 'The name is missing.'));
    const typeText = get('type');
    const type = serviceTypeOf(typeText);
    if (!type)
      issues.push(
        issue(
          rowNo,
          header('type'),
          `サービス種別を判別できません: ${typeText || '（空欄）'}`,
          `Unknown service type: ${typeText || '(empty)'}`,
        ),
      );
    const address = get('address') || null;
    let municipalityCode: string | null = null;
    const mText = get('municipality');
    if (mText) municipalityCode = resolveMunicipalityCell(mText, prefectureCode);
    if (!municipalityCode && address)
      municipalityCode = resolveMunicipalityFromAddress(address, prefectureCode);
    if (!address)
      issues.push(issue(rowNo, header('address'), '住所がありません。', 'The address is missing.'));
    else if (!municipalityCode)
      issues.push(
        issue(
          rowNo,
          header('address'),
          `住所から市区町村を特定できません: ${address}`,
          `No municipality found for the address: ${address}`,
        ),
      );
    else if (!municipalityCode.startsWith(prefectureCode))
      issues.push(
        issue(
          rowNo,
          header('address'),
          `他の都道府県の住所です: ${address}`,
          `The address is in another prefecture: ${address}`,
        ),
      );
    const lat = num(get('latitude'));
    const lng = num(get('longitude'));
    if (lat !== null && (Number.isNaN(lat) || lat < 20 || lat > 46))
      issues.push(
        issue(
          rowNo,
          col.has('latitude') ? header('latitude') : null,
          `緯度が正しくありません: ${get('latitude')}`,
          `The latitude is not valid: ${get('latitude')}`,
        ),
      );
    if (lng !== null && (Number.isNaN(lng) || lng < 122 || lng > 154))
      issues.push(
        issue(
          rowNo,
          col.has('longitude') ? header('longitude') : null,
          `経度が正しくありません: ${get('longitude')}`,
          `The longitude is not valid: ${get('longitude')}`,
        ),
      );
    const cap = num(get('capacity'));
    if (officeNumber && type) {
      const key = `${officeNumber}|${type}`;
      const first = seen.get(key);
      if (first !== undefined)
        issues.push(
          issue(
            rowNo,
            header('officeNumber'),
            `${first}行目と同じ事業所番号・サービス種別です。`,
            `Same office number and service type as row ${first}.`,
          ),
        );
      else seen.set(key, rowNo);
    }
    rows.push({
      row: rowNo,
      officeNumber,
      name,
      kana: get('kana') || null,
      type,
      address,
      municipalityCode,
      postalCode: get('postalCode').normalize('NFKC') || null,
      latitude: lat === null || Number.isNaN(lat) ? null : lat,
      longitude: lng === null || Number.isNaN(lng) ? null : lng,
      phone: get('phone').normalize('NFKC') || null,
      corporation: get('corporation') || null,
      capacity: cap === null || Number.isNaN(cap) ? null : Math.max(0, Math.round(cap)),
      ok: issues.length === before,
    });
  });
  if (!rows.length) issues.push(issue(0, null, 'データ行がありません。', 'The file has no data rows.'));
  return { encoding, columns, rows, issues };
}

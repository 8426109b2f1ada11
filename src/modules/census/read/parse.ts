import { parseJapaneseDate } from '../../../shared/wareki';
import type { CensusField, CensusRecord, ParsedList, RowIssue } from '../types';
import { parseCareItems } from './care-items';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import { type HeaderMapping, hasNameColumns, recogniseHeaders } from './headers';
import { resolveMunicipalityCell, resolveMunicipalityFromAddress } from './municipality';
import { cleanText, normaliseKana, normaliseName, parseFlag, parseSex } from './normalise';

/** Options for {@link parseList}. */
export type ParseListOptions = {
  /** The hand mapping saved for this source; overrides recognised headers. */
  mapping?: HeaderMapping;
  /** 2-digit prefecture code: municipality names are searched within it (else only nationally unique names). */
  prefectureCode?: string;
};

/** How many leading rows may be titles ("令和7年度 医療的ケア児一覧") before the header row. */
const HEADER_SEARCH_ROWS = 10;

function fileIssue(ja: string, en: string): RowIssue {
  return { row: 0, column: null, severity: 'error', ja, en };
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? '' : file.slice(dot + 1).toLowerCase();
}

/** Reads the file's cells (with the text encoding found), or returns a whole-file issue. */
async function readRows(
  file: string,
  buf: Buffer,
): Promise<{ rows: string[][]; encoding: string | null } | RowIssue> {
  const ext = extensionOf(file);
  if (ext === 'csv' || ext === 'txt') {
    const { text, encoding } = decodeText(buf);
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const tab = ext === 'txt' && firstLine.includes('\t') && !firstLine.includes(',');
    return { rows: parseCsv(text, tab ? '\t' : ','), encoding };
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    // Loaded on first use: exceljs takes most of a second to load, which a CSV read in a worker thread
    // (parse-off-thread.ts) would otherwise wait for.
    const { readXlsxRows } = await import('./xlsx');
    try {
      return { rows: await readXlsxRows(buf), encoding: null };
    } catch {
      return fileIssue(
        'Excelファイルを読めません。ファイルが壊れていないか確認してください。',
        'The Excel file cannot be read; check that it is not damaged.',
      );
    }
  }
  if (ext === 'xls') {
    return fileIssue(
      '古い形式（.xls）は読めません。Excelで「.xlsx」または「CSV」として保存し直してください。',
      'The old .xls format cannot be read; save the file again as .xlsx or CSV in Excel.',
    );
  }
  return fileIssue(
    `この形式（${ext ? `.${ext}` : '拡張子なし'}）は読めません。.xlsx または .csv を使ってください。`,
    `This file type (${ext ? `.${ext}` : 'no extension'}) cannot be read; use .xlsx or .csv.`,
  );
}

function isBlankRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Unique keys for the raw record: the header, or '列N' / 'header#N' when empty or repeated. */
export function rawKeys(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() === '' ? `列${i + 1}` : h.trim();
    const key = seen.has(base) ? `${base}#${i + 1}` : base;
    seen.add(key);
    return key;
  });
}

type Columns = { header: string; field: CensusField | null }[];

/** The first non-empty cell among the columns carrying the field, with its header. */
function cellOf(
  columns: Columns,
  cells: string[],
  field: CensusField,
): { value: string; header: string } | null {
  for (let i = 0; i < columns.length; i++) {
    if (columns[i]!.field !== field) continue;
    const v = (cells[i] ?? '').trim();
    if (v !== '') return { value: v, header: columns[i]!.header };
  }
  return null;
}

function joinParts(a: string | null, b: string | null): string | null {
  const parts = [a, b].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(' ');
}

/** Normalises one data row into a record, pushing its problems onto issues. */
function toRecord(
  file: string,
  row: number,
  columns: Columns,
  keys: string[],
  cells: string[],
  opts: ParseListOptions,
  issues: RowIssue[],
): CensusRecord {
  const get = (f: CensusField) => cellOf(columns, cells, f);
  const raw: Record<string, string> = {};
  keys.forEach((k, i) => {
    raw[k] = cells[i] ?? '';
  });

  const name =
    normaliseName(get('name')?.value ?? '') ??
    joinParts(normaliseName(get('familyName')?.value ?? ''), normaliseName(get('givenName')?.value ?? ''));
  const kana =
    normaliseKana(get('kana')?.value ?? '') ??
    joinParts(normaliseKana(get('familyKana')?.value ?? ''), normaliseKana(get('givenKana')?.value ?? ''));
  if (name === null && kana === null) {
    issues.push({ row, column: null, severity: 'error', ja: '氏名が空欄です。', en: 'The name is empty.' });
  } else if (name === null) {
    issues.push({
      row,
      column: null,
      severity: 'warning',
      ja: '氏名が空欄です（フリガナのみ）。',
      en: 'The name is empty (kana only).',
    });
  }

  let birthDate: string | null = null;
  const dob = get('birthDate');
  if (dob) {
    birthDate = parseJapaneseDate(dob.value);
    if (birthDate === null) {
      issues.push({
        row,
        column: dob.header,
        severity: 'error',
        ja: `「${dob.header}」の「${dob.value}」を日付として読めません。`,
        en: `Column "${dob.header}": "${dob.value}" is not a readable date.`,
      });
    }
  }

  let sex: CensusRecord['sex'] = null;
  const sexCell = get('sex');
  if (sexCell) {
    const parsed = parseSex(sexCell.value);
    if (parsed === undefined) {
      issues.push({
        row,
        column: sexCell.header,
        severity: 'warning',
        ja: `「${sexCell.header}」の「${sexCell.value}」を性別として読めません（男・女・1・2 など）。`,
        en: `Column "${sexCell.header}": "${sexCell.value}" is not a readable sex (男, 女, 1, 2, M, F).`,
      });
    } else {
      sex = parsed;
    }
  }

  const address = cleanText(get('address')?.value ?? '');
  let municipalityCode: string | null = null;
  const muni = get('municipality');
  if (muni) {
    municipalityCode = resolveMunicipalityCell(muni.value, opts.prefectureCode);
    if (municipalityCode === null) {
      issues.push({
        row,
        column: muni.header,
        severity: 'warning',
        ja: `「${muni.header}」の「${muni.value}」から市町村を特定できません。`,
        en: `Column "${muni.header}": cannot identify the municipality from "${muni.value}".`,
      });
    }
  }
  if (municipalityCode === null && address !== null) {
    municipalityCode = resolveMunicipalityFromAddress(address, opts.prefectureCode);
  }

  let careItems: string[] | undefined;
  if (columns.some((c) => c.field === 'careItems')) {
    const care = get('careItems');
    const parsed = parseCareItems(care?.value ?? '');
    careItems = parsed.ids;
    if (care && parsed.unknown.length > 0) {
      const words = parsed.unknown.join('、');
      issues.push({
        row,
        column: care.header,
        severity: 'warning',
        ja: `「${care.header}」の「${words}」は医療的ケアの項目として読めません（読めた項目のみ取り込みます）。`,
        en: `Column "${care.header}": "${words}" is not a known care item (only the known ones are kept).`,
      });
    }
  }

  const flags: Partial<Record<'homeVisitEducation' | 'nightCare', boolean | null>> = {};
  for (const field of ['homeVisitEducation', 'nightCare'] as const) {
    if (!columns.some((c) => c.field === field)) continue;
    const cell = get(field);
    const parsed = parseFlag(cell?.value ?? '');
    flags[field] = parsed ?? null;
    if (cell && parsed === undefined) {
      issues.push({
        row,
        column: cell.header,
        severity: 'warning',
        ja: `「${cell.header}」の「${cell.value}」を有無として読めません（○・×・有・無 など）。`,
        en: `Column "${cell.header}": "${cell.value}" is not a readable yes or no (○, ×, 有, 無, 1, 0).`,
      });
    }
  }

  const grade = get('grade')?.value;
  return {
    file,
    row,
    name,
    kana,
    birthDate,
    sex,
    address,
    municipalityCode,
    school: cleanText(get('school')?.value ?? ''),
    grade: grade === undefined ? null : cleanText(grade.normalize('NFKC')),
    ...(careItems ? { careItems } : {}),
    ...flags,
    raw,
  };
}

/**
 * Reads a census list (.csv/.txt in UTF-8, UTF-8 with BOM or CP932; .xlsx first sheet) into normalised records
 * for the preview, with row-level issues in Japanese and English. Pure apart from decoding the given bytes.
 *
 * - The header row is the first of the first 10 non-blank rows in which a name column is recognised (title rows
 *   above it are skipped); with none, the result is one whole-file issue (row 0) and no records.
 * - `row` numbers data rows from 1 directly below the header, counting blank rows, so row N is sheet line
 *   (header line + N) — with the header on line 1, what Excel shows minus one. Blank rows give no record.
 * - An unreadable date, sex or 市町村 gives a null field and an issue naming the column and value; the record
 *   is still returned so the preview shows it. Issues are errors (blocking the import: the whole file, a row
 *   with neither name nor kana, an unreadable birth date) or warnings (the rest).
 * - A 医療的ケア column gives `careItems` (ids of the care-score table; unknown words are warnings); without
 *   one, records have no `careItems`.
 */
export async function parseList(file: string, buf: Buffer, opts: ParseListOptions = {}): Promise<ParsedList> {
  const read = await readRows(file, buf);
  if (!('rows' in read)) return { file, encoding: null, columns: [], records: [], issues: [read] };
  const { rows, encoding } = read;

  let headerIndex = -1;
  let columns: Columns = [];
  let scanned = 0;
  for (let i = 0; i < rows.length && scanned < HEADER_SEARCH_ROWS; i++) {
    if (isBlankRow(rows[i]!)) continue;
    scanned++;
    const candidate = recogniseHeaders(
      rows[i]!.map((h) => h.trim()),
      opts.mapping,
    );
    if (hasNameColumns(candidate)) {
      headerIndex = i;
      columns = candidate;
      break;
    }
  }
  if (headerIndex < 0) {
    const first = rows.find((r) => !isBlankRow(r));
    return {
      file,
      encoding,
      columns: first
        ? recogniseHeaders(
            first.map((h) => h.trim()),
            opts.mapping,
          )
        : [],
      records: [],
      issues: [
        fileIssue(
          '氏名の列が見つかりません。見出し（氏名・児童氏名など）を確認するか、列の対応を手で設定してください。',
          'No name column was found; check the headers (氏名, 児童氏名, …) or map the columns by hand.',
        ),
      ],
    };
  }

  const keys = rawKeys(columns.map((c) => c.header));
  const records: CensusRecord[] = [];
  const issues: RowIssue[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (isBlankRow(cells)) continue;
    records.push(toRecord(file, i - headerIndex, columns, keys, cells, opts, issues));
  }
  return { file, encoding, columns, records, issues };
}

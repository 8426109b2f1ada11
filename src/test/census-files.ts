import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { generateCensus } from '../demo/census-lists';
import type { CensusRecord } from '../modules/census/types';
import { formatWareki } from '../shared/wareki';

/**
 * Census list files for tests, as offices send them: .xlsx, CSV in UTF-8 (with or without BOM) and CP932
 * (Windows Excel's "CSV", keeping 髙 and 﨑).
 */

/** An .xlsx workbook with one sheet holding the rows (all cells as text). */
export async function xlsxFile(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名簿');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV file (CRLF line ends, as Excel writes) in the encoding. */
export function csvFile(rows: string[][], encoding: 'utf8' | 'utf8-bom' | 'cp932'): Buffer {
  const text = `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  if (encoding === 'cp932') return iconv.encode(text, 'CP932');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

export type GeneratedFile = {
  fileName: string;
  buffer: Buffer;
  /** The generated records of this file, in row order (row = data row, 1-based). */
  records: CensusRecord[];
  /** The generator's child id of each record (same order). */
  truth: string[];
};

const HEADER = ['氏名', 'フリガナ', '生年月日', '性別', '住所', '市町村コード'];

/** Each source's date style: ISO in the nurses' workbook, slashes on the board's, 和暦 at the welfare office. */
function dateText(fileName: string, iso: string | null): string {
  if (iso === null) return '';
  if (fileName.startsWith('kyouiku')) return iso.replace(/-/g, '/');
  if (fileName.startsWith('fukushi')) return formatWareki(iso, { style: 'short' });
  return iso;
}

/**
 * The seeded generator's three lists (src/demo/census-lists.ts) as files: the nurses' .xlsx, the board of education's
 * UTF-8 CSV with BOM and the welfare office's CP932 CSV with 和暦 dates, each with the generator's records and
 * truth so tests can check what an import wrote.
 */
export async function censusFilesFromGenerated(seed: number, children: number): Promise<GeneratedFile[]> {
  const set = generateCensus({ seed, children });
  const byFile = new Map<string, { records: CensusRecord[]; truth: string[] }>();
  set.records.forEach((r, i) => {
    const f = byFile.get(r.file) ?? { records: [], truth: [] };
    f.records.push(r);
    f.truth.push(set.truth[i]!);
    byFile.set(r.file, f);
  });
  const files: GeneratedFile[] = [];
  for (const [fileName, { records, truth }] of byFile) {
    const rows = [
      HEADER,
      ...records.map((r) => [
        r.name ?? '',
        r.kana ?? '',
        dateText(fileName, r.birthDate),
        r.sex === 'male' ? '男' : r.sex === 'female' ? '女' : '',
        r.address ?? '',
        r.municipalityCode ?? '',
      ]),
    ];
    const buffer = fileName.endsWith('.xlsx')
      ? await xlsxFile(rows)
      : csvFile(rows, fileName.startsWith('fukushi') ? 'cp932' : 'utf8-bom');
    files.push({ fileName, buffer, records, truth });
  }
  return files;
}

/** The multipart form of POST /api/census/imports and /imports/preview (for TestClient.postForm). */
export function uploadForm(opts: {
  fileName: string;
  buffer: Buffer;
  sourceId: string;
  nendo: number;
  mapping?: Record<string, string | null>;
  saveMapping?: boolean;
}): FormData {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(opts.buffer)], opts.fileName));
  form.append('sourceId', opts.sourceId);
  form.append('nendo', String(opts.nendo));
  if (opts.mapping) form.append('mapping', JSON.stringify(opts.mapping));
  if (opts.saveMapping) form.append('saveMapping', 'true');
  return form;
}

import ExcelJS from 'exceljs';

/** ISO date of a cell date. exceljs gives the wall-clock value Excel shows as a UTC instant, so read it in UTC. */
function isoOfCellDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${day}`;
}

/**
 * One cell value as plain text: dates → 'YYYY-MM-DD', numbers → their shortest decimal form (3, not '3.0'),
 * rich text → its runs joined, formulas → their cached result, hyperlinks → their text, errors → ''.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoOfCellDate(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('error' in value) return '';
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  }
  return '';
}

/**
 * Reads the first worksheet of an .xlsx file into rows of cell texts (see {@link cellText}). Empty rows in the
 * middle are kept as `[]` so row numbers match the sheet; trailing empty rows are dropped. Throws when the
 * bytes are not an xlsx workbook or it has no worksheet.
 */
export async function readXlsxRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  // exceljs' own Buffer type predates Node's generic Buffer; the bytes are the same.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('workbook has no worksheet');
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

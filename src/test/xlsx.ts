/**
 * Checks of the cells of a workbook the product writes (decision 0019): date columns hold real date cells with a
 * date format, number columns numeric cells or blanks — never text, never ''.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

/** Opens a workbook answered by a route. */
export async function openWorkbook(res: Response | ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const bytes = res instanceof Response ? await res.arrayBuffer() : res;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

/** The cells of a column below its header row (rows 2 … last), or of the given rows. */
function cellsOf(ws: ExcelJS.Worksheet, column: number, rows?: number[]): ExcelJS.Cell[] {
  const numbers = rows ?? Array.from({ length: Math.max(0, ws.rowCount - 1) }, (_, i) => i + 2);
  return numbers.map((r) => ws.getRow(r).getCell(column));
}

/** 'YYYY-MM-DD' (or 'YYYY-MM-DD hh:mm:ss' with `time`) of a date cell's value, read as Excel shows it. */
export function isoOfCell(value: ExcelJS.CellValue, time = false): string {
  if (!(value instanceof Date)) throw new Error(`not a date cell: ${JSON.stringify(value)}`);
  const iso = value.toISOString();
  return time ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}

/**
 * Asserts that every cell of the column (below the header) is a date cell with `numFmt`, or blank when
 * `blanks` allows it, and that at least one is a date. Answers the dates as ISO (null for blanks).
 */
export function expectDateColumn(
  ws: ExcelJS.Worksheet,
  column: number,
  numFmt: string,
  opts: { rows?: number[]; blanks?: boolean; time?: boolean } = {},
): (string | null)[] {
  const cells = cellsOf(ws, column, opts.rows);
  const out = cells.map((c) => {
    if (c.type === ExcelJS.ValueType.Null && opts.blanks) return null;
    expect(c.type, `${ws.name}!${c.address} holds ${JSON.stringify(c.value)}`).toBe(ExcelJS.ValueType.Date);
    expect(c.numFmt, `${ws.name}!${c.address}`).toBe(numFmt);
    return isoOfCell(c.value, opts.time);
  });
  expect(
    out.some((v) => v !== null),
    `${ws.name} column ${column} has a date`,
  ).toBe(true);
  return out;
}

/**
 * Asserts that every cell of the column (below the header) is a number, or blank (no value at all) when
 * `blanks` allows it. Answers the values (null for blanks).
 */
export function expectNumberColumn(
  ws: ExcelJS.Worksheet,
  column: number,
  opts: { rows?: number[]; blanks?: boolean } = {},
): (number | null)[] {
  return cellsOf(ws, column, opts.rows).map((c) => {
    if (c.type === ExcelJS.ValueType.Null && opts.blanks) return null;
    expect(c.type, `${ws.name}!${c.address} holds ${JSON.stringify(c.value)}`).toBe(ExcelJS.ValueType.Number);
    return c.value as number;
  });
}

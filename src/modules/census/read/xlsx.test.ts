import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readXlsxRows } from './xlsx';

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一覧');
  fill(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsxRows', () => {
  it('round-trips strings, dates, numbers, rich text and formulas from the first sheet', async () => {
    const buf = await workbook((ws, wb) => {
      ws.addRow(['氏名', '生年月日', '学年', 'コード', 'メモ', '計']);
      ws.addRow([
        '髙﨑 太郎',
        new Date(Date.UTC(2019, 3, 5)),
        3,
        142051,
        { richText: [{ text: '太字', font: { bold: true } }, { text: 'と普通' }] },
        { formula: '1+1', result: 2 },
      ]);
      ws.addRow([]);
      ws.addRow(['花子', 1.5]);
      wb.addWorksheet('二枚目').addRow(['無視']);
    });
    expect(await readXlsxRows(buf)).toEqual([
      ['氏名', '生年月日', '学年', 'コード', 'メモ', '計'],
      ['髙﨑 太郎', '2019-04-05', '3', '142051', '太字と普通', '2'],
      [],
      ['花子', '1.5'],
    ]);
  });

  it('throws on bytes that are not a workbook', async () => {
    await expect(readXlsxRows(Buffer.from('not a zip'))).rejects.toThrow();
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [20190405, '20190405'],
    [3.0, '3'],
    [true, 'TRUE'],
    [{ error: '#N/A' }, ''],
    [{ text: 'リンク', hyperlink: 'https://example.jp' }, 'リンク'],
  ] as [ExcelJS.CellValue, string][])('%j → %s', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

/**
 * The yearly activity report as an .xlsx workbook (decision 0019 cells): a first sheet with the title, the
 * period (date cells) and every section's figures, then one sheet per section with its tables. Counts are
 * numbers, the share a percentage; a figure with nothing to measure is a blank cell.
 */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell, numberCell, PERCENT_FORMAT } from '../../server/xlsx';
import { REPORT_UNAVAILABLE } from '../../shared/vocab/activity-report';
import { reportTitle } from './out';
import type { ActivityReportOut } from './schemas';

const T = {
  ja: {
    summary: '概要',
    period: '期間',
    generated: '作成日',
    section: '項目',
    figure: '数値',
    key: '区分',
    count: '件数',
  },
  en: {
    summary: 'Summary',
    period: 'Period',
    generated: 'Generated on',
    section: 'Section',
    figure: 'Figure',
    key: 'Key',
    count: 'Count',
  },
} as const;

export async function reportXlsx(r: ActivityReportOut, lang: 'ja' | 'en'): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.summary);
  ws.columns = [{ width: 44 }, { width: 16 }, { width: 16 }];
  ws.addRow([reportTitle(r, lang)]).font = { bold: true, size: 14 };
  const period = ws.addRow([t.period, dateCell(r.range.start), dateCell(r.range.end)]);
  period.getCell(2).numFmt = DATE_FORMAT;
  period.getCell(3).numFmt = DATE_FORMAT;
  for (const s of r.sections) {
    ws.addRow([]);
    ws.addRow([s.title[lang]]).font = { bold: true };
    ws.addRow([s.note[lang]]).font = { italic: true };
    if (!s.available) {
      ws.addRow([REPORT_UNAVAILABLE[lang]]);
      continue;
    }
    for (const f of s.figures) {
      const row = ws.addRow([f.label[lang], numberCell(f.value)]);
      if (f.format === 'percent') row.getCell(2).numFmt = PERCENT_FORMAT;
    }
  }
  for (const s of r.sections) {
    if (!s.available || s.tables.length === 0) continue;
    const sheet = wb.addWorksheet(s.title[lang].slice(0, 31));
    sheet.columns = [{ width: 40 }, { width: 12 }];
    for (const tb of s.tables) {
      sheet.addRow([tb.title[lang]]).font = { bold: true };
      sheet.addRow([t.key, t.count]);
      for (const x of tb.rows) sheet.addRow([x.label[lang], x.count]);
      sheet.addRow([]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

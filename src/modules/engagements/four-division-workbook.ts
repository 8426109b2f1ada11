/**
 * The four-division meetings list (4課協議の状況) as an .xlsx workbook: each municipality of the reader's area with
 * its state in the cycle, the last meeting and the divisions that attended, the next planned, when the next is due,
 * days overdue and whose it is — overdue first, as on screen. Dates are date cells, days a number cell.
 */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell, numberCell } from '../../server/xlsx';
import { CADENCE_STATE_LABELS } from '../../shared/vocab/engagements';
import { type Lang, labelOf } from '../../shared/vocab/label';
import { DIVISION_LABELS } from '../../shared/vocab/network';
import type { FourDivisionRow } from './schemas';

const T = {
  ja: {
    sheet: '4課協議',
    title: '4課協議の状況',
    asOf: '基準日',
    head: [
      '市町村コード',
      '市町村',
      '圏域',
      '状況',
      '開催間隔（か月）',
      '前回開催日',
      '前回の出席課',
      '次回予定日',
      '次回期限',
      '超過日数',
      '担当',
      'メモ',
    ],
    months: (a: number, b: number) => `${a}〜${b}`,
  },
  en: {
    sheet: 'Four-division meetings',
    title: 'Four-division meetings',
    asOf: 'As of',
    head: [
      'Municipality code',
      'Municipality',
      'Region',
      'State',
      'Cycle (months)',
      'Last held',
      'Divisions attending',
      'Next planned',
      'Next due',
      'Days overdue',
      'Whose',
      'Note',
    ],
    months: (a: number, b: number) => `${a}–${b}`,
  },
} as const;

export async function fourDivisionXlsx(
  items: readonly FourDivisionRow[],
  today: string,
  lang: Lang,
): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  ws.addRow([t.title, t.asOf, dateCell(today)]);
  ws.getCell('C1').numFmt = DATE_FORMAT;
  ws.addRow([]);
  ws.addRow([...t.head]);
  for (const r of items) {
    ws.addRow([
      r.municipalityCode,
      r.municipalityName,
      r.regionName ?? '',
      labelOf(CADENCE_STATE_LABELS, r.state, lang),
      r.onCycle ? t.months(r.minMonths, r.maxMonths) : '',
      dateCell(r.lastHeldOn),
      r.lastDivisions.map((d) => labelOf(DIVISION_LABELS, d, lang)).join('、'),
      dateCell(r.nextPlannedOn),
      dateCell(r.nextDue),
      r.state === 'overdue' ? numberCell(r.daysOverdue) : null,
      r.ownerName ?? r.branchName ?? '',
      r.note ?? '',
    ]);
  }
  for (const col of [6, 8, 9]) ws.getColumn(col).numFmt = DATE_FORMAT;
  ws.getColumn(2).width = 14;
  ws.getColumn(7).width = 28;
  ws.getColumn(11).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The support log's cross-tabulation as an .xlsx workbook (src/server/xlsx.ts cells: counts are numbers), codes
 * named in the workbook's language; the first rows say which 年度 and which entries are counted.
 */
import ExcelJS from 'exceljs';
import { numberCell } from '../../server/xlsx';
import { formatNendo } from '../../shared/nendo';
import {
  CROSS_TAB_FIELD_LABELS,
  type CrossTabField,
  SUPPORT_FIELD_VOCAB,
} from '../../shared/vocab/engagements';
import { type Labels, type Lang, labelOf } from '../../shared/vocab/label';
import type { CrossTab } from './schemas';

const T = {
  ja: {
    sheet: '集計',
    title: '市町村支援の記録のクロス集計',
    counted: '集計対象：実施済みの市町村支援の記録（閲覧できる範囲の市町村）',
    goodOnly: '好事例のみ',
    total: '合計',
    blank: '（未記入）',
  },
  en: {
    sheet: 'Cross-tabulation',
    title: 'Municipal support log: cross-tabulation',
    counted: 'Counted: support log entries held in the municipalities you can see',
    goodOnly: 'Good examples only',
    total: 'Total',
    blank: '(not recorded)',
  },
} as const;

/** The name of one key of an axis in the language. */
export function keyLabel(
  field: CrossTabField,
  key: { key: string; name: string | null },
  lang: Lang,
): string {
  if (!key.key) return T[lang].blank;
  if (field === 'municipality' || field === 'region') return key.name ?? T[lang].blank;
  return labelOf(SUPPORT_FIELD_VOCAB[field].labels as Labels<string>, key.key, lang);
}

export async function crossTabXlsx(tab: CrossTab, lang: Lang, goodOnly: boolean): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.sheet);
  const year = lang === 'ja' ? formatNendo(tab.nendo) : formatNendo(tab.nendo, 'en');
  ws.addRow([`${t.title}（${year}）`]);
  ws.addRow([goodOnly ? `${t.counted} — ${t.goodOnly}` : t.counted]);
  ws.addRow([]);
  const rowName = CROSS_TAB_FIELD_LABELS[tab.row][lang];
  const colName = CROSS_TAB_FIELD_LABELS[tab.col][lang];
  ws.addRow([`${rowName} \\ ${colName}`, ...tab.cols.map((c) => keyLabel(tab.col, c, lang)), t.total]);
  tab.rows.forEach((r, i) => {
    ws.addRow([
      keyLabel(tab.row, r, lang),
      ...tab.counts[i]!.map((n) => numberCell(n)),
      numberCell(tab.rowTotals[i]),
    ]);
  });
  ws.addRow([t.total, ...tab.colTotals.map((n) => numberCell(n)), numberCell(tab.total)]);
  ws.getColumn(1).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

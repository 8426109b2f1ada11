/**
 * The prefecture view (取組格差) as an .xlsx workbook: one row per municipality with each maturity item's status in
 * the 年度 and the one before, the items in place and the band; a second sheet with the counts per item and band.
 * Statuses and names in the workbook's language; counts are number cells (src/server/xlsx.ts).
 */
import ExcelJS from 'exceljs';
import { numberCell } from '../../server/xlsx';
import { formatNendo } from '../../shared/nendo';
import { type Lang, labelOf } from '../../shared/vocab/label';
import {
  MATURITY_BAND_LABELS,
  MATURITY_BANDS,
  MATURITY_ITEM_SHORT_LABELS,
  MATURITY_ITEMS,
  MATURITY_STATUSES,
  maturityStatusLabel,
} from '../../shared/vocab/municipalities';
import type { municipalOverview } from './overview';

type Overview = Awaited<ReturnType<typeof municipalOverview>>;

const T = {
  ja: {
    sheet: '市町村別',
    totals: '集計',
    title: '市町村の取組状況',
    counted: '対象：閲覧できる範囲の市町村。各項目は年度末時点の最新の記録。',
    code: '市町村コード',
    name: '市町村',
    region: '圏域',
    inPlace: '整備済みの項目数',
    band: '区分',
    item: '項目',
    status: '状況',
    unrecorded: '未記録',
    countedTotals: '数値は市町村数。',
  },
  en: {
    sheet: 'By municipality',
    totals: 'Totals',
    title: 'Municipal maturity',
    counted: 'Municipalities you can see; each item as last recorded by the end of the fiscal year.',
    code: 'Municipality code',
    name: 'Municipality',
    region: 'Region',
    inPlace: 'Items in place',
    band: 'Band',
    item: 'Item',
    status: 'Status',
    unrecorded: 'Not recorded',
    countedTotals: 'Figures are numbers of municipalities.',
  },
} as const;

export async function overviewXlsx(view: Overview, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const year = (n: number) => (lang === 'ja' ? formatNendo(n) : formatNendo(n, 'en'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 5 }] });
  ws.addRow([`${t.title}（${view.nendos.map(year).join(' / ')}）`]);
  ws.addRow([t.counted]);
  ws.addRow([]);
  const perYear = [...MATURITY_ITEMS.map((i) => MATURITY_ITEM_SHORT_LABELS[i][lang]), t.inPlace, t.band];
  ws.addRow(['', '', '', ...view.nendos.flatMap((n) => perYear.map((_, k) => (k === 0 ? year(n) : '')))]);
  ws.addRow([t.code, t.name, t.region, ...view.nendos.flatMap(() => perYear)]);
  for (const row of view.rows) {
    ws.addRow([
      row.code,
      row.name,
      lang === 'ja' ? row.regionName : (row.regionNameEn ?? row.regionName),
      ...row.years.flatMap((y) => [
        ...MATURITY_ITEMS.map((item) => {
          const status = y.items[item];
          return status === null ? t.unrecorded : maturityStatusLabel(item, status, lang);
        }),
        numberCell(y.inPlace),
        labelOf(MATURITY_BAND_LABELS, y.band, lang),
      ]),
    ]);
  }
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 14;

  const totals = wb.addWorksheet(t.totals);
  totals.addRow([`${t.title}（${view.nendos.map(year).join(' / ')}）`]);
  totals.addRow([t.countedTotals]);
  totals.addRow([t.item, t.status, ...view.nendos.map(year)]);
  for (const item of MATURITY_ITEMS) {
    for (const status of [...MATURITY_STATUSES[item], 'unrecorded']) {
      totals.addRow([
        MATURITY_ITEM_SHORT_LABELS[item][lang],
        status === 'unrecorded' ? t.unrecorded : maturityStatusLabel(item, status, lang),
        ...view.totals.map((y) => numberCell(y.byItem.find((b) => b.item === item)?.counts[status] ?? 0)),
      ]);
    }
  }
  totals.addRow([]);
  totals.addRow([t.band, '', ...view.nendos.map(year)]);
  for (const band of MATURITY_BANDS) {
    totals.addRow([
      labelOf(MATURITY_BAND_LABELS, band, lang),
      '',
      ...view.totals.map((y) => numberCell(y.byBand[band] ?? 0)),
    ]);
  }
  totals.getColumn(1).width = 20;
  totals.getColumn(2).width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

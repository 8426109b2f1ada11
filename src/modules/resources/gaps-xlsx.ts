import ExcelJS from 'exceljs';
import { DATE_FORMAT, japanDateCell } from '../../server/xlsx';
import type { LifeStage } from '../../shared/age';
import { LIFE_STAGE_LABELS } from '../../shared/vocab/registry';

/** What the workbook needs of the gaps answer (`gaps.ts`). */
type GapsData = {
  careItems: { code: string; ja: string; en: string }[];
  lifeStages: string[];
  regions: {
    name: string;
    cells: {
      careItem: string;
      demand: number;
      demandByStage: Record<string, number>;
      services: number;
      capacity: number;
      vacancy: number;
      demandPerService: number;
      shortfall: number;
    }[];
  }[];
  municipalities: { name: string; id: string; cells: GapsData['regions'][number]['cells'] }[];
  shortages: {
    rank: number;
    regionName: string;
    careItem: string;
    demand: number;
    services: number;
    vacancy: number;
    demandPerService: number;
    shortfall: number;
  }[];
  bottlenecks: {
    regionName: string;
    careItem: string | null;
    kind: string;
    note: string | null;
    createdAt: string;
  }[];
  shortageRule: { ja: string; en: string };
};

/**
 * The gap analysis for councils (.xlsx): shortages ranked, region × item matrix, municipalities, bottlenecks.
 * Figures are numeric cells; the day a bottleneck was recorded is a date cell (the day in Japan).
 */
export async function gapsXlsx(
  g: GapsData,
  lang: 'ja' | 'en',
  labels: { kind: Record<string, { ja: string; en: string }> },
): Promise<Buffer> {
  const ja = lang === 'ja';
  const itemName = new Map(g.careItems.map((c) => [c.code, ja ? c.ja : c.en]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tsunagu';
  const rank = wb.addWorksheet(ja ? '不足の順位' : 'Shortages');
  rank.addRow(
    ja
      ? [
          '順位',
          '圏域',
          'ケア項目',
          '需要（人）',
          '受け入れ事業所',
          '空き',
          '事業所あたり需要',
          '不足数（需要−空き）',
        ]
      : [
          'Rank',
          'Region',
          'Care item',
          'Demand',
          'Accepting services',
          'Vacancy',
          'Demand per service',
          'Shortfall (demand − vacancy)',
        ],
  ).font = { bold: true };
  for (const s of g.shortages)
    rank.addRow([
      s.rank,
      s.regionName,
      itemName.get(s.careItem) ?? s.careItem,
      s.demand,
      s.services,
      s.vacancy,
      s.demandPerService,
      s.shortfall,
    ]);
  rank.addRow([]);
  rank.addRow([ja ? g.shortageRule.ja : g.shortageRule.en]);
  rank.getColumn(3).width = 40;

  const matrix = (title: string, areas: GapsData['regions']) => {
    const ws = wb.addWorksheet(title);
    ws.addRow([
      ja ? '地域' : 'Area',
      ja ? 'ケア項目' : 'Care item',
      ja ? '需要' : 'Demand',
      ...g.lifeStages.map(
        (st) => `${ja ? '需要：' : 'Demand: '}${LIFE_STAGE_LABELS[st as LifeStage]?.[lang] ?? st}`,
      ),
      ja ? '受け入れ事業所' : 'Services',
      ja ? '定員' : 'Capacity',
      ja ? '空き' : 'Vacancy',
      ja ? '事業所あたり需要' : 'Demand per service',
      ja ? '不足数' : 'Shortfall',
    ]).font = { bold: true };
    for (const a of areas) {
      for (const c of a.cells) {
        ws.addRow([
          a.name,
          itemName.get(c.careItem) ?? c.careItem,
          c.demand,
          ...g.lifeStages.map((s) => c.demandByStage[s] ?? 0),
          c.services,
          c.capacity,
          c.vacancy,
          c.demandPerService,
          c.shortfall,
        ]);
      }
    }
    ws.getColumn(2).width = 40;
  };
  matrix(ja ? '圏域別' : 'By region', g.regions);
  matrix(ja ? '市区町村別' : 'By municipality', g.municipalities);

  const bn = wb.addWorksheet(ja ? 'ボトルネック' : 'Bottlenecks');
  bn.addRow(
    ja ? ['圏域', 'ケア項目', '種類', 'メモ', '登録日'] : ['Region', 'Care item', 'Kind', 'Note', 'Recorded'],
  ).font = { bold: true };
  for (const b of g.bottlenecks) {
    bn.addRow([
      b.regionName,
      b.careItem ? (itemName.get(b.careItem) ?? b.careItem) : '',
      labels.kind[b.kind]?.[lang] ?? b.kind,
      b.note ?? '',
      japanDateCell(b.createdAt),
    ]);
  }
  bn.getColumn(5).numFmt = DATE_FORMAT;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

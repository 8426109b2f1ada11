import ExcelJS from 'exceljs';
import { DATE_FORMAT, japanDateCell } from '../../server/xlsx';
import type { LifeStage } from '../../shared/age';
import { labelOf } from '../../shared/vocab/label';
import { LIFE_STAGE_LABELS } from '../../shared/vocab/registry';
import { GAP_LEVEL_LABELS, SERVICE_TYPE_LABELS } from '../../shared/vocab/resources';
import type { gaps } from './gaps';

/** What the workbook needs of the gaps answer (`gaps.ts`). */
type GapsData = Awaited<ReturnType<typeof gaps>>;
type Lang = 'ja' | 'en';

const stageName = (st: string, lang: Lang) => LIFE_STAGE_LABELS[st as LifeStage]?.[lang] ?? st;
const typeName = (type: string, lang: Lang) => labelOf(SERVICE_TYPE_LABELS, type, lang);
/** Who counts in one cell, in words: "小学生 3人：放課後等デイサービス 1、訪問看護 2（不足 0人）; …". */
function whoCounts(c: GapsData['regions'][number]['cells'][number], lang: Lang) {
  const ja = lang === 'ja';
  return c.stages
    .map((s) => {
      const types = s.byType.map((t) => `${typeName(t.type, lang)} ${t.services}`).join(ja ? '、' : ', ');
      return ja
        ? `${stageName(s.stage, lang)} ${s.demand}人：${types || '対象の事業所なし'}（不足 ${s.shortage}人）`
        : `${stageName(s.stage, lang)} ${s.demand}: ${types || 'no service'} (short ${s.shortage})`;
    })
    .join(ja ? '／' : ' / ');
}

/**
 * The gap analysis for councils (.xlsx): shortages ranked, region × item matrix, municipalities, the life-stage
 * view (MI-4), the rule and bottlenecks. Figures are numeric cells; the day a bottleneck was recorded is a date
 * cell (the day in Japan).
 */
export async function gapsXlsx(
  g: GapsData,
  lang: Lang,
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
          '対象の事業所',
          '受け入れの目安（人）',
          '不足数（人）',
          '事業所がない年代の子ども（人）',
          '内訳',
        ]
      : [
          'Rank',
          'Region',
          'Care item',
          'Demand',
          'Services counted',
          'Places',
          'Shortage',
          'Children with no service',
          'Who counts',
        ],
  ).font = { bold: true };
  const regionCell = (regionId: string, item: string) =>
    g.regions.find((r) => r.id === regionId)?.cells.find((c) => c.careItem === item);
  for (const s of g.shortages) {
    const cell = regionCell(s.regionId, s.careItem);
    rank.addRow([
      s.rank,
      s.regionName,
      itemName.get(s.careItem) ?? s.careItem,
      s.demand,
      s.services,
      s.places,
      s.shortage,
      s.uncovered,
      cell ? whoCounts(cell, lang) : '',
    ]);
  }
  rank.addRow([]);
  rank.addRow([ja ? g.shortageRule.ja : g.shortageRule.en]);
  rank.getColumn(3).width = 40;
  rank.getColumn(9).width = 80;

  const matrix = (title: string, areas: GapsData['regions'] | GapsData['municipalities']) => {
    const ws = wb.addWorksheet(title);
    ws.addRow([
      ja ? '地域' : 'Area',
      ja ? 'ケア項目' : 'Care item',
      ja ? '需要' : 'Demand',
      ...g.lifeStages.map((st) => `${ja ? '需要：' : 'Demand: '}${stageName(st, lang)}`),
      ja ? '対象の事業所' : 'Services counted',
      ja ? '定員' : 'Capacity',
      ja ? '空き' : 'Vacancy',
      ja ? '定員不明の事業所' : 'Services without capacity',
      ja ? '受け入れの目安' : 'Places',
      ja ? '不足数' : 'Shortage',
      ja ? '事業所がない年代の子ども' : 'Children with no service',
      ja ? '判定' : 'Level',
      ja ? '内訳' : 'Who counts',
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
          c.capacityUnknown,
          c.places,
          c.shortage,
          c.uncovered,
          GAP_LEVEL_LABELS[c.level][lang],
          whoCounts(c, lang),
        ]);
      }
    }
    ws.getColumn(2).width = 40;
  };
  matrix(ja ? '圏域別' : 'By region', g.regions);
  matrix(ja ? '市区町村別' : 'By municipality', g.municipalities);

  const view = wb.addWorksheet(ja ? 'ライフステージ別' : 'By life stage');
  view.addRow([
    ja ? '地域' : 'Area',
    ja ? 'ライフステージ' : 'Life stage',
    ja ? '医療的ケア児（人）' : 'Children with medical care',
    ja ? '誰でも使えるサービス' : 'Services anyone can use',
    ja ? '医療的ケアを受け入れるサービス' : 'Services accepting medical care',
    ...g.careItems.map((c) => `${ja ? '受け入れ：' : 'Accepting: '}${ja ? c.ja : c.en}`),
  ]).font = { bold: true };
  for (const a of g.lifeStageView)
    for (const s of a.stages)
      view.addRow([
        a.id === 'all' ? (ja ? '全域' : 'Whole prefecture') : a.name,
        stageName(s.stage, lang),
        s.children,
        s.all,
        s.anyCare,
        ...g.careItems.map((c) => s.accepting[c.code] ?? 0),
      ]);

  const rule = wb.addWorksheet(ja ? '数え方' : 'Rule');
  rule.addRow(
    ja
      ? ['ライフステージ', '対象年齢（下限）', '対象年齢（上限）', '数える事業所の種類']
      : ['Life stage', 'From age', 'To age', 'Service types counted'],
  ).font = { bold: true };
  for (const s of g.rule.stages)
    rule.addRow([
      stageName(s.stage, lang),
      s.minAge,
      s.maxAge,
      s.types.map((t) => typeName(t, lang)).join(ja ? '、' : ', '),
    ]);
  rule.addRow([]);
  rule.addRow([ja ? g.shortageRule.ja : g.shortageRule.en]);
  rule.getColumn(4).width = 100;

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

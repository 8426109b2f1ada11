/**
 * The registry list as an .xlsx file: every visible row matching the filters, no paging. The ids are read
 * first (they go into the audit entry, written before any byte leaves), then the rows are read back in
 * batches by id — through the same scope, so a row that left the actor's area meanwhile is dropped — and
 * streamed through exceljs's WorkbookWriter, keeping memory flat however long the list.
 */
import type { Writable } from 'node:stream';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import {
  childCareItems,
  childDevices,
  children,
  municipalities,
  regionMunicipalities,
  regions,
} from '../../db/schema';
import { DATE_FORMAT, dateCell, formattedColumn, numberCell, WAREKI_FORMAT } from '../../server/xlsx';
import { ageOn, lifeStage } from '../../shared/age';
import { CARE_ITEMS } from '../../shared/care-score';
import { DEVICE_KIND_LABELS, type DeviceKind } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import type { ChildFilter } from './filters';
import { LIFE_STAGE_LABELS, SEX_LABELS, STATUS_LABELS } from './labels';
import { childScope } from './scope';
import { childFilterOrder, childFilterWhere } from './search';

/** The most rows one export may hold; more asks the user to narrow the filter. */
export const EXPORT_MAX_CHILDREN = 100_000;

/** Language of the headings and coded values. */
export type ExportLang = 'ja' | 'en';

/** Column headings in both languages, in order. */
export const CHILD_EXPORT_HEADERS = {
  ja: [
    '氏名',
    'ふりがな',
    '生年月日',
    '生年月日（和暦）',
    '年齢',
    '性別',
    '市町村コード',
    '市町村',
    '圏域',
    '状態',
    '医療的ケアスコア',
    'ライフステージ',
    '記録ID',
    '医療的ケア',
    '医療機器',
    '最短バッテリー駆動時間（時間）',
  ],
  en: [
    'Name',
    'Name (kana)',
    'Date of birth',
    'Date of birth (Japanese era)',
    'Age',
    'Sex',
    'Municipality code',
    'Municipality',
    'Region',
    'Status',
    'Care score',
    'Life stage',
    'Record ID',
    'Care items',
    'Medical devices',
    'Shortest battery life (hours)',
  ],
} as const satisfies Record<ExportLang, readonly string[]>;

const WIDTHS = [18, 22, 12, 18, 6, 8, 12, 14, 16, 16, 10, 14, 38, 40, 40, 14];

/**
 * Ids of every child the actor may see that match the filters, in list order; at most `limit` of them
 * (ask for one more than the cap to learn that it is exceeded).
 */
export async function exportChildIds(
  db: DbOrTx,
  actor: Actor,
  f: ChildFilter,
  today: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: children.id })
    .from(children)
    .where(childFilterWhere(actor, f, today))
    .orderBy(...childFilterOrder(f))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** One row of the export. */
export type ChildExportRow = {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  birthDate: string;
  sex: keyof typeof SEX_LABELS;
  municipalityCode: string;
  municipalityName: string;
  regionName: string | null;
  status: keyof typeof STATUS_LABELS;
  careScore: number | null;
  /** Care item codes, in the official table's order. */
  careItems: string[];
  devices: ExportDevice[];
};

/** One medical device of a row: its kind, the name written on the record and its battery life in hours. */
export type ExportDevice = { kind: DeviceKind; name: string | null; batteryHours: number | null };

const CARE_ITEM_ORDER = new Map(CARE_ITEMS.map((item, i) => [item.code, i]));
const CARE_ITEM_NAMES = new Map(CARE_ITEMS.map((item) => [item.code, item]));

/**
 * The rows of the given ids, in the ids' order, `batchSize` at a time. Scope is applied again, so the rows
 * are always a subset of the ids (and of what the actor may see now).
 */
export async function* exportChildRows(
  db: DbOrTx,
  actor: Actor,
  ids: string[],
  batchSize = 2_000,
): AsyncGenerator<ChildExportRow[]> {
  for (let i = 0; i < ids.length; i += batchSize) {
    const chunk = ids.slice(i, i + batchSize);
    const rows = await db
      .select({
        id: children.id,
        familyName: children.familyName,
        givenName: children.givenName,
        familyKana: children.familyKana,
        givenKana: children.givenKana,
        birthDate: children.birthDate,
        sex: children.sex,
        municipalityCode: children.municipalityCode,
        municipalityName: municipalities.name,
        regionName: regions.name,
        status: children.status,
        careScore: children.careScore,
      })
      .from(children)
      .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
      .leftJoin(
        regionMunicipalities,
        and(
          eq(regionMunicipalities.municipalityCode, children.municipalityCode),
          isNull(regionMunicipalities.validTo),
        ),
      )
      .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
      .where(and(inArray(children.id, chunk), childScope(actor)));
    // Care items and devices only of the rows the scope (and, for a municipality, the consent) let through.
    const visible = rows.map((r) => r.id);
    const care = new Map<string, string[]>();
    const devices = new Map<string, ExportDevice[]>();
    if (visible.length > 0) {
      const items = await db
        .select({ childId: childCareItems.childId, code: childCareItems.code })
        .from(childCareItems)
        .where(inArray(childCareItems.childId, visible));
      for (const it of items) care.set(it.childId, [...(care.get(it.childId) ?? []), it.code]);
      const devs = await db
        .select({
          childId: childDevices.childId,
          kind: childDevices.kind,
          name: childDevices.name,
          batteryHours: childDevices.batteryHours,
        })
        .from(childDevices)
        .where(inArray(childDevices.childId, visible))
        .orderBy(asc(childDevices.createdAt), asc(childDevices.id));
      for (const { childId, ...d } of devs) devices.set(childId, [...(devices.get(childId) ?? []), d]);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield chunk.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const codes = (care.get(id) ?? []).sort(
        (a, b) => (CARE_ITEM_ORDER.get(a) ?? 999) - (CARE_ITEM_ORDER.get(b) ?? 999) || a.localeCompare(b),
      );
      return [{ ...row, careItems: codes, devices: devices.get(id) ?? [] }];
    });
  }
}

/**
 * One row's cells: the birth date as a date cell twice (西暦, then the 和暦 format), the age and care score as
 * numbers or blank (not yet born, not yet scored).
 */
function cellsOf(r: ChildExportRow, lang: ExportLang, today: string): (string | number | Date | null)[] {
  const born = r.birthDate <= today;
  return [
    lang === 'ja' ? `${r.familyName}　${r.givenName}` : `${r.familyName} ${r.givenName}`,
    lang === 'ja' ? `${r.familyKana}　${r.givenKana}` : `${r.familyKana} ${r.givenKana}`,
    dateCell(r.birthDate),
    dateCell(r.birthDate),
    born ? ageOn(r.birthDate, today) : null,
    SEX_LABELS[r.sex][lang],
    r.municipalityCode,
    r.municipalityName,
    r.regionName ?? '',
    STATUS_LABELS[r.status][lang],
    numberCell(r.careScore),
    born ? LIFE_STAGE_LABELS[lifeStage(r.birthDate, today)][lang] : '',
    r.id,
    r.careItems.map((code) => CARE_ITEM_NAMES.get(code)?.[lang] ?? code).join(lang === 'ja' ? '、' : ', '),
    r.devices.map((d) => deviceText(d, lang)).join(lang === 'ja' ? '、' : ', '),
    numberCell(shortestBattery(r.devices)),
  ];
}

/** A device as 「人工呼吸器（トリロジー）8時間」 / "Ventilator (Trilogy) 8 h". */
function deviceText(d: ExportDevice, lang: ExportLang): string {
  const kind = DEVICE_KIND_LABELS[d.kind]?.[lang] ?? d.kind;
  const name = d.name ? (lang === 'ja' ? `（${d.name}）` : ` (${d.name})`) : '';
  const hours =
    d.batteryHours == null ? '' : lang === 'ja' ? ` ${d.batteryHours}時間` : ` ${d.batteryHours} h`;
  return `${kind}${name}${hours}`;
}

/** The shortest battery life among the devices that give one (what a power cut allows), or null. */
export function shortestBattery(devices: readonly ExportDevice[]): number | null {
  const hours = devices.map((d) => d.batteryHours).filter((h): h is number => h != null);
  return hours.length > 0 ? Math.min(...hours) : null;
}

/**
 * Writes the rows as one sheet to `out` with the streaming writer and resolves with the number of rows once
 * the workbook is complete. Ages and life stages are as on `today` (ISO, in Japan).
 */
export async function writeChildrenXlsx(
  out: Writable,
  batches: AsyncIterable<ChildExportRow[]>,
  opts: { lang: ExportLang; today: string },
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Tsunagu';
  const ws = wb.addWorksheet(opts.lang === 'ja' ? '医療的ケア児一覧' : 'Children', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = CHILD_EXPORT_HEADERS[opts.lang].map((header, i) => {
    const width = WIDTHS[i] ?? 14;
    if (i === 2) return formattedColumn(header, width, DATE_FORMAT);
    if (i === 3) return formattedColumn(header, width, WAREKI_FORMAT);
    if (i === 15) return formattedColumn(header, width, '0.0');
    return { header, width };
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  for await (const batch of batches) {
    for (const r of batch) ws.addRow(cellsOf(r, opts.lang, opts.today)).commit();
    n += batch.length;
  }
  ws.commit();
  await wb.commit();
  return n;
}

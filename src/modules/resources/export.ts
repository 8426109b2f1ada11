import { asc, inArray, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import { resourceOrganizations, resourceServices } from '../../db/schema';
import { DATE_FORMAT, japanDateCell, numberCell } from '../../server/xlsx';
import { CARE_ITEMS } from '../../shared/care-score';
import { SERVICE_TYPE_LABELS, type ServiceType } from '../../shared/vocab/resources';
import { areaSql, municipalityNames, presentService, selectServices } from './queries';
import type { ServiceOut } from './schemas-service';
import type { ResourceWriter } from './write-service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The listings of the caller's read area (and filters), as the API presents them. */
export async function exportServices(
  db: DbOrTx,
  w: ResourceWriter,
  f: { municipalityCode?: string | undefined; type?: string | undefined },
) {
  const conds: SQL[] = [areaSql(w.prefectureCode, w.policy.read)];
  if (f.municipalityCode) conds.push(sql`${resourceServices.municipalityCode} = ${f.municipalityCode}`);
  if (f.type) conds.push(sql`${resourceServices.type} = ${f.type}`);
  const rows = await selectServices(db)
    .where(sql.join(conds, sql` and `))
    .orderBy(asc(resourceServices.municipalityCode), asc(resourceServices.name), asc(resourceServices.id));
  const names = await municipalityNames(
    db,
    rows.flatMap((r) => r.s.areaCodes),
  );
  const orgIds = [...new Set(rows.map((r) => r.s.organizationId))];
  const orgs = orgIds.length
    ? await db.select().from(resourceOrganizations).where(inArray(resourceOrganizations.id, orgIds))
    : [];
  return { services: rows.map((r) => presentService(r, names, w.at)), orgs };
}

const ACCEPT_LABEL = { accepted: '○', accepted_with_conditions: '△', not_accepted: '×' } as const;

/**
 * The directory as .xlsx: one row per service, one column per care item (○ / △ conditions / × / blank).
 * Coordinates, ages, capacity and vacancy are numbers (blank when unknown); 最終確認日 is a date cell, the day
 * in Japan.
 */
export async function directoryXlsx(
  services: Omit<ServiceOut, 'allowed'>[],
  lang: 'ja' | 'en',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tsunagu';
  const ws = wb.addWorksheet(lang === 'ja' ? '社会資源' : 'Resources', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  const ja = lang === 'ja';
  const fixed = ja
    ? [
        '事業所番号',
        '名称',
        '法人・運営主体',
        'サービス種別',
        '市区町村コード',
        '市区町村',
        '住所',
        '緯度',
        '経度',
        '対象年齢（下限）',
        '対象年齢（上限）',
        '定員',
        '空き',
        '送迎',
        '入浴',
        '電話',
        '利用の始め方',
        '最終確認日',
        '確認者',
        '要確認（12か月超）',
        'ID',
      ]
    : [
        'Office number',
        'Name',
        'Organization',
        'Service type',
        'Municipality code',
        'Municipality',
        'Address',
        'Latitude',
        'Longitude',
        'Min age',
        'Max age',
        'Capacity',
        'Vacancy',
        'Transport',
        'Bathing',
        'Phone',
        'How to apply',
        'Last confirmed',
        'Confirmed by',
        'Stale (12 months+)',
        'ID',
      ];
  ws.columns = [...fixed, ...CARE_ITEMS.map((c) => (ja ? c.ja : c.en))].map((header, i) => ({
    header,
    width: i < fixed.length ? ([14, 30, 24, 20, 10, 12, 36][i] ?? 12) : 8,
  }));
  ws.getRow(1).font = { bold: true };
  const yn = (v: boolean | null) => (v === null ? '' : v ? (ja ? 'あり' : 'yes') : ja ? 'なし' : 'no');
  for (const s of services) {
    const care = new Map(s.careItems.map((c) => [c.code, c]));
    ws.addRow([
      s.officeNumber ?? '',
      s.name,
      s.organizationName,
      SERVICE_TYPE_LABELS[s.type as ServiceType][lang],
      s.location.municipalityCode,
      s.location.municipalityName ?? '',
      s.location.address,
      numberCell(s.location.latitude),
      numberCell(s.location.longitude),
      numberCell(s.minAge),
      numberCell(s.maxAge),
      numberCell(s.capacity),
      numberCell(s.vacancy),
      yn(s.transport),
      yn(s.bathing),
      s.phone ?? '',
      s.howToApply ?? '',
      japanDateCell(s.lastConfirmed?.at),
      s.lastConfirmed?.by ?? '',
      s.stale ? (ja ? '要確認' : 'stale') : '',
      s.id,
      ...CARE_ITEMS.map((ci) => {
        const c = care.get(ci.code);
        if (!c) return '';
        return c.conditions ? `${ACCEPT_LABEL[c.acceptance]} ${c.conditions}` : ACCEPT_LABEL[c.acceptance];
      }),
    ]);
  }
  ws.getColumn(fixed.indexOf(ja ? '最終確認日' : 'Last confirmed') + 1).numFmt = DATE_FORMAT;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

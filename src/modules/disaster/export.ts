/**
 * The municipality's list as files (docs/disaster.md §2) for import into the municipality's own 名簿 system: an
 * .xlsx and a CP932 CSV whose first columns follow the items of the 避難行動要支援者名簿 in the order of 災害対策基本法
 * 49条の10 第2項 — 氏名, 生年月日, 性別, 住所又は居所, 電話番号その他の連絡先, 避難支援等を必要とする事由 — and then
 * "other items the mayor finds necessary" (同項第7号): what the disaster profile holds.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DATE_FORMAT, dateCell } from '../../server/xlsx';
import { careItemLabel } from '../../shared/vocab/care-items';
import {
  BACKUP_POWER_LABELS,
  DISASTER_CONTACT_KIND_LABELS,
  EVACUATION_INTENT_LABELS,
  PLAN_STATUS_LABELS,
} from '../../shared/vocab/disaster';
import { labelOf } from '../../shared/vocab/label';
import { DEVICE_KIND_LABELS, SEX_LABELS } from '../../shared/vocab/registry';
import { csvField } from '../audit/export';
import type { ListRow, MunicipalityList } from './list';

type Lang = 'ja' | 'en';

/** The columns in the 名簿's order (法49条の10第2項 第1〜6号), then その他 (第7号). */
export const MEIBO_HEADERS = {
  ja: [
    '氏名',
    '生年月日',
    '性別',
    '住所又は居所',
    '電話番号その他の連絡先',
    '避難支援等を必要とする事由',
    'ふりがな',
    '電源が必要な医療機器',
    'バッテリー合計（時間）',
    '予備電源',
    '日常生活用具の給付',
    '酸素業者',
    '電力会社への事前登録',
    '緊急連絡先',
    '名簿への掲載',
    '個別避難計画',
    '計画の見直し日',
    '避難先の意向',
    'MEIS登録',
    '避難訓練の実施日',
  ],
  en: [
    'Name',
    'Date of birth',
    'Sex',
    'Address or residence',
    'Telephone and other contacts',
    'Reason evacuation support is needed',
    'Kana',
    'Devices needing mains power',
    'Battery total (hours)',
    'Back-up power',
    'Subsidised (daily-life equipment)',
    'Oxygen supplier',
    'Pre-registered with the electricity company',
    'Emergency contacts',
    'On the 名簿',
    'Individual evacuation plan',
    'Plan reviewed on',
    'Intended evacuation',
    'MEIS registered',
    'Drills',
  ],
} as const;

const yesNo = (v: boolean | null, lang: Lang) =>
  v === null ? '' : v ? (lang === 'ja' ? 'あり' : 'Yes') : lang === 'ja' ? 'なし' : 'No';

/** One child's cells in the header order (dates as ISO strings; the workbook makes them date cells). */
export function meiboCells(r: ListRow, lang: Lang): (string | number | null)[] {
  const sep = lang === 'ja' ? '、' : '; ';
  const guardian = r.guardian
    ? `${r.guardian.name}（${r.guardian.relationship}）${r.guardian.phone ? ` ${r.guardian.phone}` : ''}`
    : '';
  const mains = r.devices.filter((d) => d.needsMains);
  const reason = [
    ...(r.electricityDependent
      ? [lang === 'ja' ? '医療機器に電源が必要' : 'Medical devices need mains power']
      : []),
    ...r.careItems.map((c) => careItemLabel(c, lang)),
  ].join(sep);
  return [
    `${r.familyName} ${r.givenName}`,
    r.birthDate,
    labelOf(SEX_LABELS, r.sex, lang),
    r.address ?? '',
    guardian,
    reason,
    `${r.familyKana} ${r.givenKana}`,
    mains
      .map(
        (d) =>
          `${labelOf(DEVICE_KIND_LABELS, d.kind, lang)}${d.batteryHours !== null ? `（${d.batteryHours}h）` : ''}`,
      )
      .join(sep),
    r.batteryHours,
    r.backupPower.map((b) => labelOf(BACKUP_POWER_LABELS, b, lang)).join(sep),
    yesNo(r.backupSubsidised, lang),
    r.oxygenSupplier ?? '',
    `${yesNo(r.electricityRegistered, lang)}${r.electricityCompany ? `（${r.electricityCompany}）` : ''}`,
    r.contacts
      .map(
        (c) =>
          `${labelOf(DISASTER_CONTACT_KIND_LABELS, c.kind, lang)}: ${[c.organisation, c.name, c.phone].filter(Boolean).join(' ')}`,
      )
      .join(sep),
    yesNo(r.onMeibo, lang),
    labelOf(PLAN_STATUS_LABELS, r.planStatus, lang),
    r.planReviewedOn,
    r.evacuation ? labelOf(EVACUATION_INTENT_LABELS, r.evacuation, lang) : '',
    yesNo(r.meisRegistered, lang),
    r.drillDates.join(sep),
  ];
}

const DATE_COLUMNS = new Set([1, 16]);

export async function listXlsx(list: MunicipalityList, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '避難行動要支援者名簿' : 'Evacuation support list', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = MEIBO_HEADERS[lang];
  ws.addRow([...headers]).font = { bold: true };
  for (const r of list.rows) {
    ws.addRow(meiboCells(r, lang).map((v, i) => (DATE_COLUMNS.has(i) ? dateCell(v as string | null) : v)));
  }
  for (const i of DATE_COLUMNS) ws.getColumn(i + 1).numFmt = DATE_FORMAT;
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(12, h.length * 2));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const counts = wb.addWorksheet(lang === 'ja' ? '件数' : 'Counts');
  const c = list.counts;
  counts.addRows(
    lang === 'ja'
      ? [
          ['市町村', list.municipality.name],
          ['対象の子ども', c.children],
          ['災害対策への同意あり（名簿に記載）', c.consented],
          ['電源が必要な子ども', c.electricityDependent],
          ['うち同意なし（件数のみ）', c.electricityDependentWithheld],
        ]
      : [
          ['Municipality', list.municipality.name],
          ['Children', c.children],
          ['Consented to disaster planning (listed)', c.consented],
          ['Electricity-dependent', c.electricityDependent],
          ['… of whom without consent (counted only)', c.electricityDependentWithheld],
        ],
  );
  counts.getColumn(1).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same columns as CP932 CSV with CRLF lines (Excel on Windows); characters outside CP932 become '?'. */
export function listCsv(list: MunicipalityList, lang: Lang): Buffer {
  const lines = [MEIBO_HEADERS[lang].map(csvField).join(',')];
  for (const r of list.rows) {
    lines.push(
      meiboCells(r, lang)
        .map((v) => csvField(v === null ? '' : String(v)))
        .join(','),
    );
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}

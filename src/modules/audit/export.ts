import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DATE_TIME_SECONDS_FORMAT, dateTimeCell, formattedColumn } from '../../server/xlsx';
import { AUDIT_ACTION_LABELS } from '../../shared/vocab/audit';
import { labelOf } from '../../shared/vocab/label';
import { ROLE_LABELS } from '../../shared/vocab/roles';
import type { AuditEntryView } from './queries';
import { formatJapanDateTime } from './time';

/** The most rows one export may hold; more asks the user to narrow the filter. */
export const EXPORT_MAX_ROWS = 100_000;

/** Column headings of both export formats, in Japanese as the centres' staff read them. */
export const EXPORT_HEADERS = [
  '日時',
  '利用者',
  '役割',
  '操作',
  '対象種別',
  '対象ID',
  '詳細',
  'IPアドレス',
  'リクエストID',
] as const;

type Cells = [Date, string, string, string, string, string, string, string, string];

function cellsOf(e: AuditEntryView): Cells {
  const role = e.actorRole ? labelOf(ROLE_LABELS, e.actorRole, 'ja') : '';
  const action = labelOf(AUDIT_ACTION_LABELS, e.action, 'ja');
  return [
    e.at,
    e.actorEmail ?? e.actorUserId ?? '',
    role,
    action,
    e.entityType,
    e.entityIds.join(' '),
    JSON.stringify(e.detail),
    e.ip ?? '',
    e.requestId ?? '',
  ];
}

/**
 * A CSV field per RFC 4180. A text starting with = + - @ (or a tab / CR) is prefixed with an apostrophe so a
 * spreadsheet never runs it as a formula (CSV injection; the log records text typed by users and clients).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The entries as CSV (CRLF lines, as Excel writes them). cp932 is Shift_JIS as Windows Excel opens it by
 * double-click; characters outside it become '?'. utf8 carries a BOM so Excel detects the encoding.
 */
export function auditCsv(entries: AuditEntryView[], encoding: 'cp932' | 'utf8'): Buffer {
  const lines = [EXPORT_HEADERS.map(csvField).join(',')];
  for (const e of entries) {
    const [at, ...rest] = cellsOf(e);
    lines.push([formatJapanDateTime(at), ...rest].map(csvField).join(','));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  if (encoding === 'utf8') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, 'Shift_JIS');
}

/**
 * The entries as one xlsx sheet, written with the streaming writer to keep memory flat at 100,000 rows. The
 * time is a date-time cell in Japan time, to the second as in the CSV: entries of one minute keep their order.
 */
export async function auditXlsx(entries: AuditEntryView[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Tsunagu';
  const ws = wb.addWorksheet('監査ログ', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    formattedColumn(EXPORT_HEADERS[0], 20, DATE_TIME_SECONDS_FORMAT),
    { header: EXPORT_HEADERS[1], width: 30 },
    { header: EXPORT_HEADERS[2], width: 18 },
    { header: EXPORT_HEADERS[3], width: 14 },
    { header: EXPORT_HEADERS[4], width: 14 },
    { header: EXPORT_HEADERS[5], width: 40 },
    { header: EXPORT_HEADERS[6], width: 50 },
    { header: EXPORT_HEADERS[7], width: 16 },
    { header: EXPORT_HEADERS[8], width: 38 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const e of entries) {
    const [at, ...rest] = cellsOf(e);
    ws.addRow([dateTimeCell(at), ...rest]).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A municipality's discrepancy list as an .xlsx workbook to send back (ME-3's feedback loop), in Japanese:
 * 'リストにない児童' — children other sources place in the municipality that its own lists lack — and '相違' —
 * conflicting birth date, sex or residence, one row per other source's record next to the municipality's own.
 * Birth dates are real date cells, shown in 西暦 (yyyy/mm/dd) and again in 和暦 in the next column, as municipal
 * staff compare them with their 住民基本台帳; a missing one is a blank cell. A few hundred rows: built in memory.
 */
import type { z } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell, formattedColumn, WAREKI_FORMAT } from '../../server/xlsx';
import { formatNendo } from '../../shared/nendo';
import type { ZDiscrepancyList, ZMember } from './schemas';

type Member = z.infer<typeof ZMember>;

export const MISSING_SHEET = 'リストにない児童';
export const CONFLICT_SHEET = '相違';

const SEX_JA = { female: '女', male: '男' } as const;
const KIND_JA = {
  missing: 'リストにない',
  birth_date: '生年月日',
  sex: '性別',
  residence: '住所（市町村）',
} as const;

const sexJa = (s: Member['sex']) => (s ? SEX_JA[s] : '');
const municipality = (m: Member) => m.municipalityName ?? m.municipalityCode ?? '';
const where = (m: Member) =>
  m.kind === 'registry' ? m.sourceName : `${m.sourceName}（${m.fileName ?? ''} ${m.row}行目）`;

const MISSING_HEADERS = [
  '照合番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '生年月日（和暦）',
  '性別',
  '市町村',
  '住所',
  '学校名',
  '学年',
  '把握している名簿',
];
const CONFLICT_HEADERS = [
  '相違の項目',
  '照合番号',
  '貴市町村の名簿の行',
  '氏名（貴市町村）',
  '生年月日（貴市町村）',
  '生年月日（和暦）（貴市町村）',
  '性別（貴市町村）',
  '市町村（貴市町村）',
  '他の名簿',
  '氏名（他の名簿）',
  '生年月日（他の名簿）',
  '生年月日（和暦）（他の名簿）',
  '性別（他の名簿）',
  '市町村（他の名簿）',
  '住所（他の名簿）',
];

/** The workbook of one municipality's discrepancies in a run of a 年度. */
export async function discrepancyXlsx(
  list: z.infer<typeof ZDiscrepancyList>,
  nendo: number,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tsunagu';
  wb.title = `${formatNendo(nendo)} 実態把握 相違一覧 ${list.municipalityName}`;
  const sheet = (name: string, headers: string[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((header) => {
      const width = Math.max(12, header.length * 2 + 4);
      if (header.startsWith('生年月日（和暦）')) return formattedColumn(header, width, WAREKI_FORMAT);
      if (header.startsWith('生年月日')) return formattedColumn(header, width, DATE_FORMAT);
      return { header, width };
    });
    ws.getRow(1).font = { bold: true };
    return ws;
  };
  const missing = sheet(MISSING_SHEET, MISSING_HEADERS);
  const conflicts = sheet(CONFLICT_SHEET, CONFLICT_HEADERS);
  for (const d of list.items) {
    if (d.kind === 'missing') {
      // The record that says most about the child: the registry's, else the first other list's.
      const m = d.others.find((o) => o.kind === 'registry') ?? d.others[0];
      if (!m) continue;
      missing.addRow([
        d.cluster,
        m.name ?? '',
        m.kana ?? '',
        dateCell(m.birthDate),
        dateCell(m.birthDate),
        sexJa(m.sex),
        municipality(m),
        m.address ?? '',
        m.school ?? '',
        m.grade ?? '',
        d.others.map(where).join('、'),
      ]);
      continue;
    }
    const own = d.own!;
    for (const o of d.others) {
      conflicts.addRow([
        KIND_JA[d.kind],
        d.cluster,
        own.row,
        own.name ?? '',
        dateCell(own.birthDate),
        dateCell(own.birthDate),
        sexJa(own.sex),
        municipality(own),
        where(o),
        o.name ?? '',
        dateCell(o.birthDate),
        dateCell(o.birthDate),
        sexJa(o.sex),
        municipality(o),
        o.address ?? '',
      ]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Percent-encoding of RFC 5987 (encodeURIComponent leaves ' ( ) * unencoded, which attr-char does not allow). */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition of the workbook: an ASCII name, and the Japanese one per RFC 5987 / 6266. */
export function discrepancyDisposition(nendo: number, code: string, name: string): string {
  const ascii = `census-discrepancies-${nendo}-${code}.xlsx`;
  const utf8 = `実態把握_相違一覧_${formatNendo(nendo)}_${name}.xlsx`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(utf8)}`;
}

/**
 * Two workbooks of the census upload:
 *
 * - **The rejected rows** of a file (an import of the good rows only leaves them out): each row as it was in the
 *   file, with its data row number and the reasons it cannot be imported, in the reader's language — to fix and
 *   send again.
 * - **The common sheet** (共通様式): the columns the reader recognises without any mapping, a header row in
 *   Japanese, input lists for 性別, 市町村, 訪問教育 and 夜間ケア, and a sheet of instructions. Any source may
 *   use it; the import reads it as it is.
 */
import ExcelJS from 'exceljs';
import { CARE_ITEMS } from '../../shared/care-score';
import { municipalitiesOf } from '../../shared/municipalities';
import { rawKeys } from './read/parse';
import type { CensusRecord, RowIssue } from './types';

type Lang = 'ja' | 'en';

/** The rows of `records` that `rejectedRows` names, each with its error reasons, as an .xlsx. */
export async function rejectedRowsXlsx(
  list: { columns: { header: string }[]; records: CensusRecord[]; issues: RowIssue[] },
  rejectedRows: readonly number[],
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '取り込まない行' : 'Rows not imported');
  const keys = rawKeys(list.columns.map((c) => c.header));
  ws.columns = [
    { header: lang === 'ja' ? 'データ行' : 'Data row', width: 10 },
    { header: lang === 'ja' ? '取り込まない理由' : 'Why it is not imported', width: 60 },
    ...keys.map((k) => ({ header: k, width: 16 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const rejected = new Set(rejectedRows);
  const reasons = new Map<number, string[]>();
  for (const i of list.issues) {
    if (i.severity !== 'error' || !rejected.has(i.row)) continue;
    reasons.set(i.row, [...(reasons.get(i.row) ?? []), lang === 'ja' ? i.ja : i.en]);
  }
  for (const r of list.records) {
    if (!rejected.has(r.row)) continue;
    const row = ws.addRow([
      r.row,
      (reasons.get(r.row) ?? []).join(lang === 'ja' ? '／' : ' / '),
      ...keys.map((k) => r.raw[k] ?? ''),
    ]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The common sheet's columns: each header is one the reader recognises (read/headers.ts). */
export const COMMON_SHEET_COLUMNS = [
  { header: '氏名', width: 18, note: '児童の氏名（姓と名の間に空白）。必須。' },
  { header: 'フリガナ', width: 20, note: 'カタカナ。氏名かフリガナのどちらかは必須。' },
  { header: '生年月日', width: 14, note: '2019/04/05、R1.5.10、令和元年5月10日 など。' },
  { header: '性別', width: 8, note: '男 または 女（一覧から選べます）。' },
  { header: '住所', width: 30, note: '市町村名から。' },
  { header: '市町村', width: 14, note: '居住する市町村（一覧から選べます）。' },
  { header: '学校名', width: 20, note: '在籍校・園。未就学は「未就学」。' },
  { header: '学年', width: 8, note: '小3、中1、年長 など。' },
  { header: '医療的ケア', width: 30, note: '項目名を「、」で区切って（記入方法シートの一覧）。' },
  { header: '訪問教育', width: 10, note: '訪問教育を受けている：有 / 無。' },
  { header: '夜間ケア', width: 10, note: '夜間にも医療的ケアが必要：有 / 無。' },
] as const;

export const COMMON_SHEET_NAME = '名簿';
const LISTS_SHEET = '選択肢';
/** Rows of the main sheet that carry the input lists. */
const INPUT_ROWS = 2000;

/** The common sheet of the prefecture (its municipalities in the 市町村 list), as an .xlsx. */
export async function commonSheetXlsx(prefectureCode: string, nendo: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(COMMON_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COMMON_SHEET_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  COMMON_SHEET_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note = c.note;
  });

  const munis = municipalitiesOf(prefectureCode);
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.getColumn(1).values = ['性別', '男', '女'];
  lists.getColumn(2).values = ['有無', '有', '無'];
  lists.getColumn(3).values = ['市町村', ...munis.map((m) => m.name)];
  const col = (header: string) => COMMON_SHEET_COLUMNS.findIndex((c) => c.header === header) + 1;
  const listRule = (formula: string, what: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: what,
    error: `${what}は一覧から選んでください。`,
  });
  const rules: [number, ExcelJS.DataValidation][] = [
    [col('性別'), listRule(`${LISTS_SHEET}!$A$2:$A$3`, '性別')],
    [col('訪問教育'), listRule(`${LISTS_SHEET}!$B$2:$B$3`, '訪問教育')],
    [col('夜間ケア'), listRule(`${LISTS_SHEET}!$B$2:$B$3`, '夜間ケア')],
    ...(munis.length > 0
      ? ([[col('市町村'), listRule(`${LISTS_SHEET}!$C$2:$C$${munis.length + 1}`, '市町村')]] as [
          number,
          ExcelJS.DataValidation,
        ][])
      : []),
  ];
  for (let r = 2; r <= INPUT_ROWS + 1; r++) {
    const row = ws.getRow(r);
    for (const [c, rule] of rules) row.getCell(c).dataValidation = rule;
  }

  const help = wb.addWorksheet('記入方法');
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 80;
  help.addRow([`医療的ケア児の把握 共通様式（${nendo}年度）`]).font = { bold: true, size: 14 };
  help.addRow([]);
  for (const line of [
    '「名簿」シートの2行目から、1人1行で記入してください。見出し（1行目）は変えないでください。',
    '列の順番を変えたり、使わない列を空欄のままにしたりしてもかまいません。',
    '取り込むときに列の対応付けは要りません。読めない行は理由付きで知らせ、問題のない行だけを取り込むこともできます。',
    '市町村の担当者が自分の市町村の名簿を出すときは、自分の市町村の児童だけを載せてください。',
  ])
    help.addRow(['', line]);
  help.addRow([]);
  help.addRow(['列', '書き方']).font = { bold: true };
  for (const c of COMMON_SHEET_COLUMNS) help.addRow([c.header, c.note]);
  help.addRow([]);
  help.addRow(['医療的ケアの項目', '（医療的ケア判定スコアの表の項目名）']).font = { bold: true };
  for (const item of CARE_ITEMS) help.addRow(['', item.ja]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

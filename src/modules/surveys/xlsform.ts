/**
 * Survey questions written in Excel, XLSForm-style (https://xlsform.org): a "survey" sheet with the columns
 * type, name, label, required, hint and relevant, and a "choices" sheet with list_name, name, label; an optional
 * "settings" sheet's form_title names the survey. Types: select_one LIST, select_multiple LIST, text (with
 * appearance multiline: a long text), integer, decimal, date. relevant accepts the two simple forms
 * `${q} = 'v'` and `selected(${q}, 'v')`, joined with `or`. The result is checked like any definition.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors';
import type { SurveyChoice, SurveyCondition, SurveyDefinition, SurveyQuestion } from '../../shared/survey';

type Sheet = { headers: string[]; rows: Record<string, string>[] };

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

function readSheet(ws: ExcelJS.Worksheet | undefined): Sheet | null {
  if (!ws) return null;
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    headers[col - 1] = text(cell.value).toLowerCase();
  });
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) r[h] = text(row.getCell(i + 1).value);
    });
    if (Object.values(r).some((v) => v !== '')) rows.push(r);
  });
  return { headers, rows };
}

/** The first column whose name is `name` or starts with `name::` (a language: label::Japanese). */
function pick(r: Record<string, string>, name: string): string {
  if (r[name]) return r[name]!;
  const key = Object.keys(r).find((k) => k.startsWith(`${name}::`) && r[k]);
  return key ? r[key]! : '';
}

const RELEVANT_PART = /^\s*(?:\$\{(\w+)\}\s*=\s*'([^']*)'|selected\(\s*\$\{(\w+)\}\s*,\s*'([^']*)'\s*\))\s*$/;

function condition(relevant: string): SurveyCondition | 'unsupported' | undefined {
  if (!relevant) return undefined;
  let question = '';
  const anyOf: string[] = [];
  for (const part of relevant.split(/\s+or\s+/)) {
    const m = RELEVANT_PART.exec(part);
    if (!m) return 'unsupported';
    const q = m[1] ?? m[3]!;
    if (question && q !== question) return 'unsupported';
    question = q;
    anyOf.push(m[2] ?? m[4]!);
  }
  return { question, anyOf };
}

/** A row of the sheet that could not be read as asked: its code (worded by the page), row and what it named. */
export type SheetIssue = {
  path: string;
  message: string;
  code: 'condition_unsupported' | 'no_choice_list' | 'type_unsupported';
  row: number;
  detail: string;
};

const YES = new Set(['yes', 'true', '1', 'true()', 'はい', '必須']);

export async function definitionFromXlsx(
  file: ArrayBuffer,
): Promise<{ title: string; definition: SurveyDefinition; issues: SheetIssue[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file);
  } catch {
    throw new AppError('survey_sheet_unreadable');
  }
  const survey = readSheet(wb.getWorksheet('survey'));
  const choicesSheet = readSheet(wb.getWorksheet('choices'));
  if (!survey?.headers.includes('type') || !survey.headers.includes('name')) {
    throw new AppError('survey_sheet_unreadable');
  }
  const lists = new Map<string, SurveyChoice[]>();
  for (const r of choicesSheet?.rows ?? []) {
    const list = r.list_name ?? '';
    if (!list) continue;
    const label = pick(r, 'label') || (r.name ?? '');
    lists.set(list, [...(lists.get(list) ?? []), { value: r.name ?? '', label }]);
  }
  const issues: SheetIssue[] = [];
  const questions: SurveyQuestion[] = [];
  survey.rows.forEach((r, i) => {
    const row = i + 2;
    const [kind = '', list = ''] = (r.type ?? '').split(/\s+/);
    const base = {
      id: r.name ?? '',
      title: pick(r, 'label') || (r.name ?? ''),
      required: YES.has((r.required ?? '').toLowerCase()),
      ...(pick(r, 'hint') ? { help: pick(r, 'hint') } : {}),
    };
    const cond = condition(r.relevant ?? '');
    if (cond === 'unsupported') {
      issues.push({
        path: `survey.${row}.relevant`,
        message: `Row ${row}: this condition form is not supported.`,
        code: 'condition_unsupported',
        row,
        detail: r.relevant ?? '',
      });
    }
    const showIf = cond && cond !== 'unsupported' ? { showIf: cond } : {};
    switch (kind) {
      case 'select_one':
      case 'select_multiple': {
        const choices = lists.get(list);
        if (!choices)
          issues.push({
            path: `survey.${row}.type`,
            message: `Row ${row}: no choices named ${list}.`,
            code: 'no_choice_list',
            row,
            detail: list,
          });
        questions.push({
          ...base,
          ...showIf,
          type: kind === 'select_one' ? 'single' : 'multiple',
          choices: choices ?? [],
        });
        return;
      }
      case 'text':
        questions.push({
          ...base,
          ...showIf,
          type: /multiline/.test(r.appearance ?? '') ? 'long_text' : 'text',
        });
        return;
      case 'integer':
      case 'decimal':
        questions.push({ ...base, ...showIf, type: 'number' });
        return;
      case 'date':
        questions.push({ ...base, ...showIf, type: 'date' });
        return;
      case 'note':
      case 'start':
      case 'end':
      case 'today':
        return;
      default:
        issues.push({
          path: `survey.${row}.type`,
          message: `Row ${row}: the type ${r.type} is not supported.`,
          code: 'type_unsupported',
          row,
          detail: r.type ?? '',
        });
    }
  });
  const settings = readSheet(wb.getWorksheet('settings'));
  const title = settings?.rows[0] ? pick(settings.rows[0], 'form_title') : '';
  return { title, definition: { questions }, issues };
}

/**
 * A survey's answers as files: an .xlsx with the answers (one row each, one column per question, a matrix one
 * column per row) and the results by region (each choice's count per region), and the answers as CP932 CSV
 * for Excel on Windows. An anonymous survey's rows carry only the day and are ordered by day and random id,
 * never by arrival; a named survey's rows name the person whose link was used.
 */
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DbOrTx } from '../../db/client';
import { regions, surveyAnswers, surveyInvitations } from '../../db/schema';
import { DATE_FORMAT, DATE_TIME_FORMAT, dateCell, dateTimeCell } from '../../server/xlsx';
import { findMunicipality } from '../../shared/municipalities';
import type { SurveyAnswerValue, SurveyQuestion } from '../../shared/survey';
import { SURVEY_CHANNEL_LABELS } from '../../shared/vocab/surveys';
import { csvField } from '../audit/export';
import { formatJapanDateTime } from '../audit/time';
import { countedSurveyResults } from './results-cache';
import type { Survey } from './surveys';

type Lang = 'ja' | 'en';

const FIXED = {
  ja: ['番号', '回答日', '回答日時', '経路', '圏域', '市町村', '回答者'],
  en: ['No.', 'Answered on', 'Answered at', 'Channel', 'Region', 'Municipality', 'Respondent'],
} as const;

/** The columns of one question: a matrix gives one per row. */
function columnsOf(
  q: SurveyQuestion,
): { header: string; cell: (v: SurveyAnswerValue | undefined) => string | number }[] {
  const label = (value: string) => q.choices?.find((c) => c.value === value)?.label ?? value;
  if (q.type === 'matrix') {
    return (q.rows ?? []).map((r) => ({
      header: `${q.title}［${r.label}］`,
      cell: (v) => (v && typeof v === 'object' && !Array.isArray(v) && v[r.value] ? label(v[r.value]!) : ''),
    }));
  }
  return [
    {
      header: q.title,
      cell: (v) => {
        if (v === undefined) return '';
        if (Array.isArray(v)) return v.map(label).join('、');
        if (typeof v === 'number') return v;
        if (typeof v === 'string') return q.type === 'single' ? label(v) : v;
        return '';
      },
    },
  ];
}

async function answerRows(db: DbOrTx, survey: Survey) {
  return db
    .select({
      a: surveyAnswers,
      regionName: regions.name,
      respondent: surveyInvitations.name,
    })
    .from(surveyAnswers)
    .leftJoin(regions, eq(regions.id, surveyAnswers.regionId))
    .leftJoin(surveyInvitations, eq(surveyInvitations.id, surveyAnswers.invitationId))
    .where(eq(surveyAnswers.surveyId, survey.id))
    .orderBy(asc(surveyAnswers.submittedOn), asc(surveyAnswers.submittedAt), asc(surveyAnswers.id));
}

type Prepared = {
  headers: string[];
  rows: { fixed: (string | Date | null)[]; cells: (string | number)[] }[];
};

async function prepare(db: DbOrTx, survey: Survey, lang: Lang): Promise<Prepared> {
  const cols = survey.definition.questions.flatMap(columnsOf);
  const fixed = survey.anonymous ? FIXED[lang].filter((_, i) => i !== 2 && i !== 6) : [...FIXED[lang]];
  const rows = (await answerRows(db, survey)).map((r, i) => {
    const m = r.a.municipalityCode
      ? (findMunicipality(r.a.municipalityCode)?.name ?? r.a.municipalityCode)
      : '';
    const base: (string | Date | null)[] = [
      String(i + 1),
      r.a.submittedOn,
      r.a.submittedAt ? r.a.submittedAt.toISOString() : null,
      SURVEY_CHANNEL_LABELS[r.a.channel][lang],
      r.regionName ?? '',
      m,
      r.respondent ?? '',
    ];
    return {
      fixed: survey.anonymous ? base.filter((_, j) => j !== 2 && j !== 6) : base,
      cells: survey.definition.questions.flatMap((q) => columnsOf(q).map((c) => c.cell(r.a.answers[q.id]))),
    };
  });
  return { headers: [...fixed, ...cols.map((c) => c.header)], rows };
}

export async function answersXlsx(db: DbOrTx, survey: Survey, lang: Lang): Promise<Buffer> {
  const { headers, rows } = await prepare(db, survey, lang);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '回答一覧' : 'Answers', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) {
    const fixed = r.fixed.map((v, j) => {
      if (j === 1) return dateCell(v as string);
      if (j === 2 && !survey.anonymous) return dateTimeCell(v as string | null);
      return v;
    });
    ws.addRow([...fixed, ...r.cells]);
  }
  ws.getColumn(2).numFmt = DATE_FORMAT;
  if (!survey.anonymous) ws.getColumn(3).numFmt = DATE_TIME_FORMAT;
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length * 2));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  const results = await countedSurveyResults(db, survey, {}, lang);
  const byRegion = wb.addWorksheet(lang === 'ja' ? '圏域別集計' : 'By region');
  byRegion.addRow([lang === 'ja' ? '圏域' : 'Region', lang === 'ja' ? '回答数' : 'Answers']).font = {
    bold: true,
  };
  for (const r of results.byRegion) byRegion.addRow([r.name, r.count]);
  for (const q of results.questions.filter((x) => x.counts.length > 0)) {
    byRegion.addRow([]);
    byRegion.addRow([q.title]).font = { bold: true };
    byRegion.addRow([lang === 'ja' ? '圏域' : 'Region', ...q.counts.map((c) => c.label)]).font = {
      bold: true,
    };
    for (const r of q.byRegion) byRegion.addRow([r.name, ...r.counts]);
    byRegion.addRow([lang === 'ja' ? '合計' : 'Total', ...q.counts.map((c) => c.count)]);
  }
  byRegion.getColumn(1).width = 28;
  const byMunicipality = wb.addWorksheet(lang === 'ja' ? '市町村別回答数' : 'By municipality');
  byMunicipality.addRow(
    lang === 'ja' ? ['市町村', '圏域', '回答数'] : ['Municipality', 'Region', 'Answers'],
  ).font = { bold: true };
  for (const m of results.byMunicipality) byMunicipality.addRow([m.name, m.regionName, m.count]);
  byMunicipality.getColumn(1).width = 20;
  byMunicipality.getColumn(2).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The answers as CSV in CP932 (Shift_JIS as Windows Excel opens it by double-click), CRLF lines. */
export async function answersCsv(db: DbOrTx, survey: Survey, lang: Lang): Promise<Buffer> {
  const { headers, rows } = await prepare(db, survey, lang);
  const lines = [headers.map(csvField).join(',')];
  for (const r of rows) {
    const fixed = r.fixed.map((v, j) =>
      j === 2 && !survey.anonymous && typeof v === 'string'
        ? formatJapanDateTime(new Date(v))
        : String(v ?? ''),
    );
    lines.push([...fixed, ...r.cells.map(String)].map(csvField).join(','));
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}

const LINK_HEADERS = {
  ja: ['宛名', '市町村', 'メール', '住所', '回答用リンク'],
  en: ['Name', 'Municipality', 'E-mail', 'Address', 'Link'],
} as const;

type LinkRow = { name: string; municipalityName: string; email: string; address: string; url: string };

export async function linksXlsx(rows: LinkRow[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '回答用リンク' : 'Survey links', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.addRow([...LINK_HEADERS[lang]]).font = { bold: true };
  for (const r of rows) ws.addRow([r.name, r.municipalityName, r.email, r.address, r.url]);
  [28, 12, 28, 36, 70].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function linksCsv(rows: LinkRow[], lang: Lang): Buffer {
  const lines = [LINK_HEADERS[lang].map(csvField).join(',')];
  for (const r of rows)
    lines.push([r.name, r.municipalityName, r.email, r.address, r.url].map(csvField).join(','));
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}

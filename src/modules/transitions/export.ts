import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell, formattedColumn, WAREKI_FORMAT } from '../../server/xlsx';
import { isoDateInJapan } from '../../shared/dates';
import { formatNendo } from '../../shared/nendo';
import { FOLLOW_UP_STATUS_LABELS } from '../../shared/vocab/transitions';
import type { FollowUp } from './follow-ups';
import type { TransitionsList } from './queries';
import { TRANSITION_KINDS } from './rules';

type Lang = 'ja' | 'en';

const LIST_HEADERS: Record<Lang, string[]> = {
  ja: [
    '区分',
    '氏名',
    'ふりがな',
    '生年月日',
    '生年月日（和暦）',
    '市町村コード',
    '市町村',
    '圏域',
    '現在の所属',
    '対応状況',
    '担当者',
    '対応の更新日',
    '記録ID',
  ],
  en: [
    'Transition',
    'Name',
    'Name (kana)',
    'Date of birth',
    'Date of birth (Japanese era)',
    'Municipality code',
    'Municipality',
    'Region',
    'Current affiliation',
    'Follow-up',
    'Owner',
    'Follow-up updated',
    'Record ID',
  ],
};

/** The list with each row's follow-up (follow-ups.ts `withFollowUps`). */
type ListWithFollowUps = Omit<TransitionsList, 'groups'> & {
  groups: (TransitionsList['groups'][number] & {
    items: (TransitionsList['groups'][number]['items'][number] & { followUp: FollowUp })[];
  })[];
};

/**
 * The transitions of a 年度 as .xlsx: one sheet listing each child under each transition with where its
 * follow-up stands (status, owner, when it last changed), one sheet of counts
 * per municipality, and one stating the rule of each kind. Birth dates (and the rules' ranges) are date cells,
 * the birth date shown in 西暦 and again in 和暦. A few hundred rows: built in memory.
 */
export async function transitionsXlsx(list: ListWithFollowUps, lang: Lang): Promise<Buffer> {
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
  const title = formatNendo(list.nendo, lang === 'ja' ? 'ja' : 'en');

  const ws = wb.addWorksheet(lang === 'ja' ? `${title}の移行予定` : `Transitions ${title}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = LIST_HEADERS[lang].map((header, i) => {
    const width = [34, 18, 22, 12, 18, 12, 14, 16, 28, 12, 18, 12, 38][i] ?? 14;
    if (i === 3) return formattedColumn(header, width, DATE_FORMAT);
    if (i === 4) return formattedColumn(header, width, WAREKI_FORMAT);
    if (i === 11) return formattedColumn(header, width, DATE_FORMAT);
    return { header, width };
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const sep = lang === 'ja' ? '　' : ' ';
  for (const g of list.groups) {
    for (const c of g.items) {
      ws.addRow([
        g.label[lang],
        `${c.familyName}${sep}${c.givenName}`,
        `${c.familyKana}${sep}${c.givenKana}`,
        dateCell(c.birthDate),
        dateCell(c.birthDate),
        c.municipalityCode,
        c.municipalityName,
        c.regionName ?? '',
        c.affiliation ?? '',
        FOLLOW_UP_STATUS_LABELS[c.followUp.status][lang],
        c.followUp.ownerName ?? '',
        c.followUp.updatedAt ? dateCell(isoDateInJapan(new Date(c.followUp.updatedAt))) : null,
        c.id,
      ]).commit();
    }
  }
  ws.commit();

  const kinds = TRANSITION_KINDS.filter((k) => list.groups.some((g) => g.kind === k));
  const sum = wb.addWorksheet(lang === 'ja' ? '市町村別' : 'By municipality');
  const labelOf = new Map(list.groups.map((g) => [g.kind, g.label[lang]]));
  sum.columns = [
    { header: lang === 'ja' ? '市町村コード' : 'Municipality code', width: 12 },
    { header: lang === 'ja' ? '市町村' : 'Municipality', width: 14 },
    ...kinds.map((k) => ({ header: labelOf.get(k) ?? k, width: 16 })),
  ];
  sum.getRow(1).font = { bold: true };
  sum.getRow(1).commit();
  for (const m of list.byMunicipality)
    sum.addRow([m.code, m.name, ...kinds.map((k) => m.counts[k])]).commit();
  sum.commit();

  const rules = wb.addWorksheet(lang === 'ja' ? '区分の決め方' : 'Rules');
  rules.columns = [
    { header: lang === 'ja' ? '区分' : 'Transition', width: 34 },
    formattedColumn(lang === 'ja' ? '生年月日（から）' : 'Born from', 14, DATE_FORMAT),
    formattedColumn(lang === 'ja' ? '生年月日（まで）' : 'Born to', 14, DATE_FORMAT),
    { header: lang === 'ja' ? '決め方' : 'Rule', width: 90 },
  ];
  rules.getRow(1).font = { bold: true };
  rules.getRow(1).commit();
  for (const g of list.groups)
    rules.addRow([g.label[lang], dateCell(g.birthFrom), dateCell(g.birthTo), g.rule[lang]]).commit();
  rules.commit();

  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

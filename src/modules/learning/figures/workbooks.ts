/**
 * The roster and the training figures as .xlsx workbooks (src/server/xlsx.ts cells: dates are date cells,
 * counts numbers, rates percentages, nothing to measure a blank cell), codes named in the workbook's language.
 */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell, PERCENT_FORMAT } from '../../../server/xlsx';
import { formatNendo } from '../../../shared/nendo';
import { type Lang, labelOf } from '../../../shared/vocab/label';
import {
  COURSE_KIND_LABELS,
  PROFESSION_GROUP_LABELS,
  PROFESSION_LABELS,
} from '../../../shared/vocab/learning';
import { COORDINATOR_ACTIVITY_LABELS } from '../../../shared/vocab/learning-roster';
import type { Roster } from '../roster/roster';
import type { TrainingFigures } from './figures';

const T = {
  ja: {
    roster: '名簿',
    byMunicipality: '市町村別',
    byRegion: '圏域別',
    name: '氏名',
    nendo: '修了年度',
    completedOn: '修了日',
    profession: '職種',
    group: '職種区分',
    workplace: '勤務先',
    municipality: '市町村',
    region: '圏域',
    activity: '活動状況',
    confirmedOn: '確認日',
    note: 'メモ',
    trained: '修了者',
    active: '活動中',
    none: '（未登録）',
    summary: '概要',
    kind: '研修の種類',
    professions: '職種別',
    groups: '職種区分別',
    courses: 'コース別修了率',
    sessions: '回別修了率',
    followUp: '研修後の相談',
    participants: '受講者',
    attendees: '出席者',
    completed: '修了者',
    rate: '修了率',
    course: 'コース',
    session: '研修の回',
    firstDay: '初日',
    sessionsN: '回数',
    newlyTrained: '新たに研修を受けた機関',
    trainedOrgs: '研修を受けた機関（累計）',
    consultations: '研修後の相談件数',
    askingOrgs: '相談のあった機関',
  },
  en: {
    roster: 'Roster',
    byMunicipality: 'By municipality',
    byRegion: 'By region',
    name: 'Name',
    nendo: 'Year completed',
    completedOn: 'Completed on',
    profession: 'Profession',
    group: 'Profession group',
    workplace: 'Workplace',
    municipality: 'Municipality',
    region: 'Region',
    activity: 'Activity',
    confirmedOn: 'Confirmed on',
    note: 'Note',
    trained: 'Trained',
    active: 'Active',
    none: '(not given)',
    summary: 'Summary',
    kind: 'Course kind',
    professions: 'By profession',
    groups: 'By profession group',
    courses: 'Completion by course',
    sessions: 'Completion by session',
    followUp: 'Consultations after training',
    participants: 'Participants',
    attendees: 'Attendees',
    completed: 'Completed',
    rate: 'Completion rate',
    course: 'Course',
    session: 'Session',
    firstDay: 'First day',
    sessionsN: 'Sessions',
    newlyTrained: 'Organisations newly trained',
    trainedOrgs: 'Organisations trained (to date)',
    consultations: 'Consultations after training',
    askingOrgs: 'Organisations that asked',
  },
} as const;

const year = (n: number, lang: Lang) => (lang === 'ja' ? formatNendo(n) : formatNendo(n, 'en'));

export async function rosterXlsx(r: Roster, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.roster);
  ws.addRow([
    t.name,
    t.nendo,
    t.completedOn,
    t.profession,
    t.group,
    t.workplace,
    t.municipality,
    t.region,
    t.activity,
    t.confirmedOn,
    t.note,
  ]);
  for (const x of r.rows) {
    ws.addRow([
      x.name,
      year(x.nendo, lang),
      dateCell(x.firstCompletedOn),
      x.profession ? labelOf(PROFESSION_LABELS, x.profession, lang) : null,
      x.professionGroup ? labelOf(PROFESSION_GROUP_LABELS, x.professionGroup, lang) : null,
      x.workplace,
      x.municipalityName,
      x.regionName,
      labelOf(COORDINATOR_ACTIVITY_LABELS, x.activity, lang),
      dateCell(x.confirmedOn),
      x.note,
    ]);
  }
  ws.getColumn(3).numFmt = DATE_FORMAT;
  ws.getColumn(10).numFmt = DATE_FORMAT;
  const counts = (name: string, head: string, rows: Roster['byRegion']) => {
    const s = wb.addWorksheet(name);
    s.addRow([head, t.trained, t.active]);
    for (const c of rows) s.addRow([c.name ?? t.none, c.trained, c.active]);
  };
  counts(t.byMunicipality, t.municipality, r.byMunicipality);
  counts(t.byRegion, t.region, r.byRegion);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function figuresXlsx(f: TrainingFigures, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet(t.summary);
  summary.addRows([
    [lang === 'ja' ? '年度' : 'Fiscal year', year(f.nendo, lang)],
    [lang === 'ja' ? '期間' : 'Period', dateCell(f.range.start), dateCell(f.range.end)],
    [t.sessionsN, f.totals.sessions],
    [t.participants, f.totals.participants],
    [t.attendees, f.totals.attendees],
    [lang === 'ja' ? '延べ出席日数' : 'Attendance days', f.totals.attendanceDays],
    [t.completed, f.totals.completed],
    [t.rate, f.totals.rate],
  ]);
  for (const c of [2, 3]) summary.getRow(2).getCell(c).numFmt = DATE_FORMAT;
  summary.getRow(8).getCell(2).numFmt = PERCENT_FORMAT;
  const tally = (
    name: string,
    head: string,
    rows: { participants: number; attendees: number }[],
    label: (i: number) => string,
    extra?: [string, (i: number) => string],
  ) => {
    const s = wb.addWorksheet(name);
    s.addRow(extra ? [head, extra[0], t.participants, t.attendees] : [head, t.participants, t.attendees]);
    rows.forEach((r, i) => {
      s.addRow(
        extra
          ? [label(i), extra[1](i), r.participants, r.attendees]
          : [label(i), r.participants, r.attendees],
      );
    });
  };
  tally(t.kind, t.kind, f.byCourseKind, (i) => labelOf(COURSE_KIND_LABELS, f.byCourseKind[i]!.key, lang));
  tally(
    t.professions,
    t.profession,
    f.byProfession,
    (i) => labelOf(PROFESSION_LABELS, f.byProfession[i]!.key, lang),
    [t.group, (i) => labelOf(PROFESSION_GROUP_LABELS, f.byProfession[i]!.group, lang)],
  );
  tally(t.groups, t.group, f.byProfessionGroup, (i) =>
    labelOf(PROFESSION_GROUP_LABELS, f.byProfessionGroup[i]!.key, lang),
  );
  tally(t.byRegion, t.region, f.byRegion, (i) => f.byRegion[i]!.name ?? t.none);
  const courses = wb.addWorksheet(t.courses);
  courses.addRow([t.course, t.kind, t.sessionsN, t.participants, t.completed, t.rate]);
  for (const c of f.byCourse) {
    courses.addRow([
      c.title,
      labelOf(COURSE_KIND_LABELS, c.kind, lang),
      c.sessions,
      c.participants,
      c.completed,
      c.rate,
    ]);
  }
  courses.getColumn(6).numFmt = PERCENT_FORMAT;
  const sessions = wb.addWorksheet(t.sessions);
  sessions.addRow([t.session, t.course, t.kind, t.firstDay, t.participants, t.completed, t.rate]);
  for (const s of f.bySession) {
    sessions.addRow([
      s.title,
      s.courseTitle,
      labelOf(COURSE_KIND_LABELS, s.kind, lang),
      dateCell(s.firstDay),
      s.participants,
      s.completed,
      s.rate,
    ]);
  }
  sessions.getColumn(4).numFmt = DATE_FORMAT;
  sessions.getColumn(7).numFmt = PERCENT_FORMAT;
  const fu = wb.addWorksheet(t.followUp);
  fu.addRow([
    lang === 'ja' ? '年度' : 'Fiscal year',
    t.newlyTrained,
    t.trainedOrgs,
    t.consultations,
    t.askingOrgs,
  ]);
  for (const y of f.followUp) {
    fu.addRow([
      year(y.nendo, lang),
      y.newlyTrainedOrganisations,
      y.trainedOrganisations,
      y.consultations,
      y.askingOrganisations,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

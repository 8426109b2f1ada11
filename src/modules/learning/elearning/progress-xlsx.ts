import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DATE_TIME_FORMAT, dateTimeCell, formattedColumn, PERCENT_FORMAT } from '../../../server/xlsx';
import type { LessonCell } from './overview';

type Lang = 'ja' | 'en';

export type CourseProgressData = {
  course: { title: string };
  lessons: { partId: string; title: string; hasVideo: boolean; hasQuiz: boolean }[];
  learners: { displayName: string; email: string; completedCount: number; cells: LessonCell[] }[];
};

const WORDS = {
  ja: {
    sheet: '受講状況',
    learner: '受講者',
    email: 'メールアドレス',
    completed: '修了した講義数',
    all: '全講義修了',
    watched: '視聴割合',
    quiz: '確認テスト',
    best: '最高得点',
    attempts: '受験回数',
    complete: '修了',
    last: '最終の受講',
    yes: 'はい',
    no: 'いいえ',
    passed: '合格',
    notPassed: '未合格',
    none: '—',
  },
  en: {
    sheet: 'Progress',
    learner: 'Learner',
    email: 'E-mail',
    completed: 'Lessons complete',
    all: 'Every lesson complete',
    watched: 'watched',
    quiz: 'quiz',
    best: 'best score',
    attempts: 'attempts',
    complete: 'complete',
    last: 'last activity',
    yes: 'yes',
    no: 'no',
    passed: 'passed',
    notPassed: 'not passed',
    none: '—',
  },
} as const;

/**
 * A course's learners × lessons as .xlsx: per lesson the share watched (a percentage cell), the quiz (passed or
 * not, best score, attempts), complete or not and the last activity (a date-time cell in Japan time). Built in
 * memory: a course has hundreds of learners, not millions.
 */
export async function courseProgressXlsx(data: CourseProgressData, lang: Lang): Promise<Buffer> {
  const w = WORDS[lang];
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
  const ws = wb.addWorksheet(w.sheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const sep = lang === 'ja' ? '：' : ': ';
  const columns: Partial<ExcelJS.Column>[] = [
    { header: w.learner, width: 28 },
    { header: w.email, width: 32 },
    { header: w.completed, width: 12 },
    { header: w.all, width: 12 },
  ];
  for (const l of data.lessons) {
    if (l.hasVideo) columns.push(formattedColumn(`${l.title}${sep}${w.watched}`, 14, PERCENT_FORMAT));
    if (l.hasQuiz) {
      columns.push({ header: `${l.title}${sep}${w.quiz}`, width: 14 });
      columns.push({ header: `${l.title}${sep}${w.best}`, width: 12 });
      columns.push({ header: `${l.title}${sep}${w.attempts}`, width: 10 });
    }
    columns.push({ header: `${l.title}${sep}${w.complete}`, width: 10 });
    columns.push(formattedColumn(`${l.title}${sep}${w.last}`, 18, DATE_TIME_FORMAT));
  }
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const learner of data.learners) {
    const row: (string | number | Date | null)[] = [
      learner.displayName,
      learner.email,
      learner.completedCount,
      learner.completedCount === data.lessons.length ? w.yes : w.no,
    ];
    for (const [i, l] of data.lessons.entries()) {
      const c = learner.cells[i]!;
      if (l.hasVideo) row.push(c.percent / 100);
      if (l.hasQuiz) row.push(c.passed ? w.passed : w.notPassed, c.bestScorePercent, c.attemptsUsed);
      row.push(c.complete ? w.yes : w.no, dateTimeCell(c.lastActivityAt));
    }
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

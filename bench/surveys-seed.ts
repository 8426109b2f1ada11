/**
 * Data of `npm run bench:surveys`: one prefecture (神奈川県 by default) with its municipalities in eight regions, a
 * centre and a whole-prefecture centre staff member (TOTP enrolled, as the role needs); a parent survey of every
 * question kind; and answers written straight into the table, as many as asked, spread over the prefecture's
 * municipalities, the two channels and the last 30 days — the shape the answering page sends.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../src/db/client';
import { surveyAnswers } from '../src/db/schema';
import { addDays, isoDateInJapan } from '../src/shared/dates';
import type { SurveyAnswers, SurveyDefinition } from '../src/shared/survey';
import { generateTotpSecret, makeCentre, makePrefecture, makeRegion, makeUser } from '../src/test/factories';

const choices = (...labels: string[]) => labels.map((label, i) => ({ value: `c${i + 1}`, label }));

/** A parent survey of every kind of question (a condition on the second). */
export const BENCH_SURVEY: { title: string; definition: SurveyDefinition } = {
  title: '医療的ケア児の保護者アンケート（ベンチマーク）',
  definition: {
    questions: [
      {
        id: 'satisfied',
        type: 'single',
        title: 'センターの相談に満足していますか',
        required: true,
        choices: choices('満足', 'やや満足', 'どちらともいえない', 'やや不満', '不満'),
      },
      {
        id: 'needs',
        type: 'multiple',
        title: '足りないと感じる支援',
        required: false,
        choices: choices(
          '短期入所',
          '保育所での受け入れ',
          '通学・通所の送迎',
          '訪問看護',
          '相談窓口',
          'きょうだい支援',
        ),
        showIf: { question: 'satisfied', anyOf: ['c3', 'c4', 'c5'] },
      },
      { id: 'age', type: 'number', title: 'お子さんの年齢', required: true, min: 0, max: 25 },
      { id: 'first_contact', type: 'date', title: '初めて相談した日', required: false },
      {
        id: 'services',
        type: 'matrix',
        title: 'サービスの使いやすさ',
        required: true,
        choices: choices('使いやすい', 'ふつう', '使いにくい', '使っていない'),
        rows: choices('訪問看護', '短期入所', '児童発達支援', '放課後等デイサービス'),
      },
      { id: 'municipality_window', type: 'text', title: '最初に相談した窓口', required: false },
      { id: 'comment', type: 'long_text', title: 'ご意見・ご要望', required: false },
    ],
  },
};

/** A small repeatable generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  '相談先がわかって安心しました。',
  '短期入所の空きが少なく、予約が取りにくいです。',
  '学校での医療的ケアについてもっと情報がほしいです。',
  '夜間に相談できる窓口があると助かります。',
  '',
  '',
];

/** One answer as the answering page sends it (valid for BENCH_SURVEY). */
export function benchAnswer(rnd: () => number, today: string): SurveyAnswers {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const satisfied = pick(['c1', 'c2', 'c3', 'c4', 'c5']);
  const a: SurveyAnswers = { satisfied, age: Math.floor(rnd() * 19) };
  if (['c3', 'c4', 'c5'].includes(satisfied)) {
    a.needs = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].filter(() => rnd() < 0.35);
    if ((a.needs as string[]).length === 0) delete a.needs;
  }
  if (rnd() < 0.7) a.first_contact = addDays(today, -Math.floor(rnd() * 2000));
  a.services = Object.fromEntries(['c1', 'c2', 'c3', 'c4'].map((r) => [r, pick(['c1', 'c2', 'c3', 'c4'])]));
  if (rnd() < 0.3) a.municipality_window = pick(['障害福祉課', '保健センター', '子育て支援課']);
  const comment = pick(COMMENTS);
  if (comment) a.comment = comment;
  return a;
}

export type SurveysSeed = {
  staff: { email: string; totpSecret: string };
  municipalities: { code: string; regionId: string }[];
};

export async function seedSurveysWorld(
  db: DbOrTx,
  opts: { prefectureCode: string; secretKey: string },
): Promise<SurveysSeed> {
  await makePrefecture(db, opts.prefectureCode);
  const codes = rowsOf<{ code: string }>(
    await db.execute(
      sql`select code from municipalities where prefecture_code = ${opts.prefectureCode} order by code`,
    ),
  ).map((r) => r.code);
  const regionCount = 8;
  const municipalities: SurveysSeed['municipalities'] = [];
  const regionIds: string[] = [];
  for (let r = 0; r < regionCount; r++) {
    const mine = codes.filter((_, i) => i % regionCount === r);
    const region = await makeRegion(db, opts.prefectureCode, `第${r + 1}圏域`, mine);
    regionIds.push(region.id);
    for (const code of mine) municipalities.push({ code, regionId: region.id });
  }
  const centre = await makeCentre(db, opts.prefectureCode, { name: '医療的ケア児支援センター', regionIds });
  const totpSecret = generateTotpSecret();
  const staff = await makeUser(
    db,
    'centre_staff',
    { prefectureCode: opts.prefectureCode, totpSecret, centreId: centre.id },
    opts.secretKey,
  );
  return { staff: { email: staff.email, totpSecret }, municipalities };
}

/** Writes `count` answers of the survey straight into the table (in batches), then analyses it. */
export async function seedAnswers(
  db: DbOrTx,
  opts: { surveyId: string; prefectureCode: string; count: number; seed: SurveysSeed; now: Date },
): Promise<void> {
  const rnd = random(7);
  const today = isoDateInJapan(opts.now);
  const munis = opts.seed.municipalities;
  for (let done = 0; done < opts.count; done += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, opts.count - done) }, () => {
      const m = rnd() < 0.9 ? munis[Math.floor(rnd() * munis.length)]! : null;
      const day = addDays(today, -Math.floor(rnd() * 30));
      return {
        surveyId: opts.surveyId,
        prefectureCode: opts.prefectureCode,
        channel: rnd() < 0.6 ? ('personal_link' as const) : ('open_link' as const),
        municipalityCode: m?.code ?? null,
        regionId: m?.regionId ?? null,
        submittedOn: day,
        submittedAt: new Date(`${day}T10:00:00+09:00`),
        answers: benchAnswer(rnd, today),
      };
    });
    await db.insert(surveyAnswers).values(rows);
  }
  await db.execute(sql`vacuum analyze survey_answers`);
}

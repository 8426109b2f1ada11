/**
 * The demo's surveys (docs/knowledge.md §5): a published parents' questionnaire sent by personal links across
 * the prefecture, most of them answered (so the results by region and municipality have content, and a few
 * wait for a reminder); an anonymous training evaluation through the open link with answers; a municipal
 * survey answered by three municipalities (survey-municipal.ts). Every name is invented, every answer drawn from a fixed seed.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  municipalities,
  regionMunicipalities,
  regions,
  surveyAnswers,
  surveyInvitations,
  surveys,
  users,
} from '../db/schema';
import { tokenHash } from '../modules/surveys/answer';
import { addDays, isoDateInJapan } from '../shared/dates';
import type { SurveyAnswers, SurveyDefinition } from '../shared/survey';
import { pickAdultGivenName, pickFamilyName } from './names';
import { createRng, hashString, type Rng } from './random';
import { seedMunicipalSurvey } from './survey-municipal';
import { seedProviderSurvey } from './survey-providers';

const c = (...labels: string[]) => labels.map((label, i) => ({ value: String(i + 1), label }));

const PARENTS: SurveyDefinition = {
  questions: [
    {
      id: 'age',
      type: 'single',
      title: 'お子さんの年齢を教えてください。',
      required: true,
      choices: c('0〜2歳', '3〜5歳（就学前）', '小学生', '中学生以上'),
    },
    {
      id: 'services',
      type: 'multiple',
      title: '利用しているサービスをすべて選んでください。',
      required: false,
      choices: c(
        '訪問看護',
        '児童発達支援',
        '放課後等デイサービス',
        '短期入所',
        '居宅介護',
        '保育所・幼稚園',
      ),
    },
    {
      id: 'short_stay',
      type: 'single',
      title: '必要なときに短期入所（ショートステイ）を利用できていますか。',
      required: true,
      choices: c('利用できている', '利用したいができていない', '今は必要ない'),
    },
    {
      id: 'short_stay_why',
      type: 'long_text',
      title: '利用できていない理由や、困っていることを教えてください。',
      required: false,
      showIf: { question: 'short_stay', anyOf: ['2'] },
    },
    {
      id: 'satisfaction',
      type: 'matrix',
      title: '次のことについて、どのくらい満足していますか。',
      required: false,
      rows: c('相談のしやすさ', '情報の得やすさ', '災害時の備え'),
      choices: c('満足', 'やや満足', 'やや不満', '不満'),
    },
    {
      id: 'visits',
      type: 'number',
      title: '1か月の通院回数（だいたいで構いません）',
      required: false,
      min: 0,
      max: 60,
    },
  ],
};

const TRAINING: SurveyDefinition = {
  questions: [
    {
      id: 'overall',
      type: 'single',
      title: '研修全体の満足度',
      required: true,
      choices: c('とても満足', '満足', 'ふつう', '不満'),
    },
    {
      id: 'useful',
      type: 'multiple',
      title: '役に立った内容をすべて選んでください。',
      required: false,
      choices: c('制度の概要', '事例検討', '多職種連携の演習', '災害時の個別避難計画'),
    },
    { id: 'comment', type: 'long_text', title: 'ご意見・ご感想', required: false },
  ],
};

const WHY_TEXTS = [
  '近くに受け入れてくれる事業所がなく、片道1時間かかる。',
  '人工呼吸器を使っているため、受け入れ先が見つからない。',
  '空きが少なく、予約が2か月先になる。',
  'きょうだいの行事のときに使いたいが、急な申し込みができない。',
];
const COMMENTS = [
  '事例検討で、ほかの市町村のやり方を知ることができた。',
  '演習の時間がもう少し長いとよかった。',
  '災害時の計画づくりをすぐ職場で試したい。',
  '',
];

/** A token of the demo that is the same on every run (the demo's links are shown on screen, never printed). */
const demoToken = (prefecture: string, label: string) =>
  createHash('sha256').update(`tsunagu-demo-survey:${prefecture}:${label}`).digest('base64url').slice(0, 24);

type Place = { code: string; regionId: string };

function parentAnswer(rng: Rng): SurveyAnswers {
  const a: SurveyAnswers = { age: rng.pick(['1', '2', '2', '3', '3', '3', '4']) };
  const services = ['1', '2', '3', '4', '5', '6'].filter((_, i) =>
    rng.chance([0.7, 0.4, 0.5, 0.3, 0.3, 0.2][i]!),
  );
  if (services.length) a.services = services;
  a.short_stay = rng.pick(['1', '2', '2', '3']);
  if (a.short_stay === '2' && rng.chance(0.8)) a.short_stay_why = rng.pick(WHY_TEXTS);
  a.satisfaction = {
    '1': rng.pick(['1', '2', '2', '3']),
    '2': rng.pick(['2', '3', '3', '4']),
    '3': rng.pick(['2', '3', '4', '4']),
  };
  if (rng.chance(0.8)) a.visits = rng.int(1, 8);
  return a;
}

export async function seedSurveys(
  tx: DbOrTx,
  opts: { prefectureCode: string; municipalityCode: string; now: Date },
): Promise<number> {
  const pref = opts.prefectureCode;
  const rng = createRng(hashString(`demo-surveys:${pref}`));
  const [author] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.prefectureCode, pref), eq(users.role, 'centre_staff')))
    .orderBy(asc(users.email))
    .limit(1);
  const places: Place[] = await tx
    .select({ code: municipalities.code, regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .innerJoin(municipalities, eq(municipalities.code, regionMunicipalities.municipalityCode))
    .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(eq(regions.prefectureCode, pref), isNull(regionMunicipalities.validTo)))
    .orderBy(asc(municipalities.code));
  if (!author || places.length === 0) return 0;
  // The demo municipality's region weighs more, and every region has some answers.
  const own = places.find((p) => p.code === opts.municipalityCode) ?? places[0]!;
  const byRegion = new Map<string, Place[]>();
  for (const p of places) byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p]);
  const regionLists = [...byRegion.values()];
  const pickPlace = (r: Rng): Place => (r.chance(0.3) ? own : r.pick(r.pick(regionLists)));
  const today = isoDateInJapan(opts.now);
  const at = (days: number, hour = 10) =>
    new Date(`${addDays(today, days)}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  const base = { prefectureCode: pref, createdBy: author.id };

  const [parents, training] = await tx
    .insert(surveys)
    .values([
      {
        ...base,
        title: '令和8年度 医療的ケア児の保護者アンケート',
        description:
          'お子さんの暮らしと、サービスの使いやすさについて伺います。回答は集計して、支援の体制づくりに使います。5分ほどで終わります。',
        audience: 'parents',
        anonymous: false,
        status: 'open',
        openLink: false,
        openToken: demoToken(pref, 'parents'),
        definition: PARENTS,
        closesAt: at(25, 23),
        publishedAt: at(-20),
        createdAt: at(-24),
        updatedAt: at(-20),
        version: 2,
      },
      {
        ...base,
        title: '医療的ケア児等コーディネーター養成研修 受講後アンケート（無記名）',
        description: '今後の研修をよくするため、率直なご意見をお聞かせください。回答者は記録されません。',
        audience: 'training_evaluation',
        anonymous: true,
        status: 'open',
        openLink: true,
        openToken: demoToken(pref, 'training'),
        definition: TRAINING,
        closesAt: at(10, 23),
        publishedAt: at(-6),
        createdAt: at(-8),
        updatedAt: at(-6),
        version: 2,
      },
    ])
    .returning({ id: surveys.id });
  if (!parents || !training) return 0;

  // Parents: 30 personal links across the prefecture; 22 answered, 8 waiting (3 of them reminded once).
  const invited = Array.from({ length: 30 }, (_, i) => {
    const r = rng.fork(`parent-${i}`);
    const family = pickFamilyName(r);
    const given = pickAdultGivenName(r, r.chance(0.85) ? 'female' : 'male');
    const place = pickPlace(r);
    return { i, r, place, name: `${family.kanji} ${given.kanji}`, answered: i < 22 };
  });
  const invitationRows = await tx
    .insert(surveyInvitations)
    .values(
      invited.map((p) => ({
        surveyId: parents.id,
        prefectureCode: pref,
        name: p.name,
        municipalityCode: p.place.code,
        email: `parent${String(p.i + 1).padStart(2, '0')}@example.jp`,
        tokenHash: tokenHash(demoToken(pref, `parents-link-${p.i}`)),
        answered: p.answered,
        issuedCount: !p.answered && p.i % 3 === 0 ? 2 : 1,
        createdAt: at(-20),
      })),
    )
    .returning({ id: surveyInvitations.id });
  const answerRows: (typeof surveyAnswers.$inferInsert)[] = invited
    .filter((p) => p.answered)
    .map((p) => {
      const submitted = at(-19 + (p.i % 18), 9 + (p.i % 10));
      return {
        surveyId: parents.id,
        prefectureCode: pref,
        channel: 'personal_link',
        invitationId: invitationRows[p.i]!.id,
        municipalityCode: p.place.code,
        regionId: p.place.regionId,
        submittedOn: isoDateInJapan(submitted),
        submittedAt: submitted,
        answers: parentAnswer(p.r),
      };
    });
  // Training evaluation: anonymous, by the open link; no invitation and no time, only the day (decision 0027).
  for (let i = 0; i < 14; i++) {
    const r = rng.fork(`training-${i}`);
    const place = r.chance(0.85) ? pickPlace(r) : null;
    const comment = r.pick(COMMENTS);
    const useful = ['1', '2', '3', '4'].filter(() => r.chance(0.5));
    answerRows.push({
      surveyId: training.id,
      prefectureCode: pref,
      channel: 'open_link',
      invitationId: null,
      municipalityCode: place?.code ?? null,
      regionId: place?.regionId ?? null,
      submittedOn: addDays(today, -5 + (i % 5)),
      submittedAt: null,
      answers: {
        overall: r.pick(['1', '2', '2', '2', '3', '4']),
        ...(useful.length ? { useful } : {}),
        ...(comment ? { comment } : {}),
      },
    });
  }
  await tx.insert(surveyAnswers).values(answerRows);
  // The municipal survey, its counts of children waiting for the census review (survey-municipal.ts); the
  // providers' survey of the demo municipality's listings, answers waiting for the care review.
  const municipal = await seedMunicipalSurvey(tx, { ...opts, authorId: author.id, places });
  return 2 + municipal + (await seedProviderSurvey(tx, { ...opts, authorId: author.id }));
}

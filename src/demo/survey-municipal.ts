/**
 * The demo's municipal survey (docs/knowledge.md §5, ME-3): the centre's yearly questionnaire to the
 * municipalities about their support, sent by a personal link per municipality, with the children with medical
 * care each knows of asked as a number marked `maps: 'census_children'`. The demo municipality and two others have
 * answered and one waits, so 実態把握への人数の反映 (/surveys/{id}/census) has work on arrival: the demo
 * municipality's count stands beside its census source (src/demo/census.ts) and the 年度's linked count, ready to
 * apply as the source's reported figure; the others have no census source of their own yet.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import { surveyAnswers, surveyInvitations, surveys } from '../db/schema';
import { tokenHash } from '../modules/surveys/answer';
import { addDays, isoDateInJapan } from '../shared/dates';
import { findMunicipality } from '../shared/municipalities';
import type { SurveyAnswers, SurveyDefinition } from '../shared/survey';

const c = (...labels: string[]) => labels.map((label, i) => ({ value: String(i + 1), label }));

export const MUNICIPAL: SurveyDefinition = {
  questions: [
    {
      id: 'children',
      type: 'number',
      title: '貴市町村で把握している医療的ケア児の人数（4月1日時点）',
      required: true,
      min: 0,
      max: 5000,
      maps: 'census_children',
    },
    {
      id: 'coordinator',
      type: 'single',
      title: '医療的ケア児等コーディネーターを配置していますか。',
      required: true,
      choices: c('配置している', '配置を予定している', '配置していない'),
    },
    {
      id: 'coordinators',
      type: 'number',
      title: '配置している人数',
      required: false,
      min: 0,
      max: 50,
      showIf: { question: 'coordinator', anyOf: ['1'] },
    },
    { id: 'contact_division', type: 'text', title: '回答した課の名前', required: true },
  ],
};

/** A token of the demo that is the same on every run (the demo's links are shown on screen, never printed). */
const demoToken = (prefecture: string, label: string) =>
  createHash('sha256').update(`tsunagu-demo-survey:${prefecture}:${label}`).digest('base64url').slice(0, 24);

const ANSWERS: SurveyAnswers[] = [
  { children: 14, coordinator: '1', coordinators: 2, contact_division: '障害福祉課' },
  { children: 6, coordinator: '2', contact_division: '子育て支援課' },
  { children: 9, coordinator: '1', coordinators: 1, contact_division: '保健予防課' },
];

/**
 * Seeds the survey to the demo municipality and three others (the first of other regions first); returns 1, or 0
 * without municipalities.
 */
export async function seedMunicipalSurvey(
  tx: DbOrTx,
  opts: {
    prefectureCode: string;
    municipalityCode: string;
    authorId: string;
    now: Date;
    places: readonly { code: string; regionId: string }[];
  },
): Promise<number> {
  const pref = opts.prefectureCode;
  const own = opts.places.find((p) => p.code === opts.municipalityCode) ?? opts.places[0];
  if (!own) return 0;
  const others = [
    ...opts.places.filter((p) => p.regionId !== own.regionId),
    ...opts.places.filter((p) => p.regionId === own.regionId && p.code !== own.code),
  ];
  const asked = [own, ...others.slice(0, 3)];
  const today = isoDateInJapan(opts.now);
  const at = (days: number, hour = 10) =>
    new Date(`${addDays(today, days)}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  const [survey] = await tx
    .insert(surveys)
    .values({
      prefectureCode: pref,
      createdBy: opts.authorId,
      title: '令和8年度 市町村の医療的ケア児支援体制に関する調査',
      description:
        '各市町村の支援体制と、把握している医療的ケア児の人数を伺います。人数は、センターが実態把握の照合結果と突き合わせます。',
      audience: 'municipalities',
      anonymous: false,
      status: 'open',
      openLink: false,
      openToken: demoToken(pref, 'municipal'),
      definition: MUNICIPAL,
      closesAt: at(15, 23),
      publishedAt: at(-9),
      createdAt: at(-11),
      updatedAt: at(-9),
      version: 2,
    })
    .returning({ id: surveys.id });
  if (!survey) return 0;
  const invitations = await tx
    .insert(surveyInvitations)
    .values(
      asked.map((p, i) => ({
        surveyId: survey.id,
        prefectureCode: pref,
        name: `${findMunicipality(p.code)?.name ?? p.code} ${ANSWERS[i]?.contact_division ?? '障害福祉課'}`,
        municipalityCode: p.code,
        email: `municipal${String(i + 1).padStart(2, '0')}@example.jp`,
        tokenHash: tokenHash(demoToken(pref, `municipal-link-${i}`)),
        answered: i < ANSWERS.length,
        createdAt: at(-9),
      })),
    )
    .returning({ id: surveyInvitations.id });
  const answered = asked.slice(0, ANSWERS.length).map((p, i) => {
    const submitted = at(-7 + i * 2, 14 + i);
    return {
      surveyId: survey.id,
      prefectureCode: pref,
      channel: 'personal_link',
      invitationId: invitations[i]!.id,
      municipalityCode: p.code,
      regionId: p.regionId,
      submittedOn: isoDateInJapan(submitted),
      submittedAt: submitted,
      answers: ANSWERS[i]!,
    } satisfies typeof surveyAnswers.$inferInsert;
  });
  await tx.insert(surveyAnswers).values(answered);
  return 1;
}

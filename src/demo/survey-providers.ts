/**
 * The demo's provider survey (docs/knowledge.md §5, NA-4): the yearly questionnaire to the directory's services of
 * the demo municipality, sent by a personal link per listing, with the care items each accepts asked as a matrix
 * marked `maps: 'accepted_care'`. Three providers have answered and each answer differs from its listing on a
 * few items, so 受け入れ可能なケアの確認 (/surveys/{id}/care) has real work on arrival: staff choose which changes
 * to apply to the directory.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  type ResourceCareRow,
  regionMunicipalities,
  resourceServices,
  surveyAnswers,
  surveyInvitations,
  surveys,
} from '../db/schema';
import { tokenHash } from '../modules/surveys/answer';
import { addDays, isoDateInJapan } from '../shared/dates';
import type { SurveyAnswers, SurveyDefinition } from '../shared/survey';
import { CARE_ITEM_SHORT_LABELS } from '../shared/vocab/care-items';
import { ACCEPTANCE_LABELS, type Acceptance } from '../shared/vocab/resources';

/** The items asked: the ones a day service's acceptance most often changes on. */
const ASKED = ['ventilator', 'tracheostomy', 'oxygen', 'suction', 'tube_feeding_gastric'] as const;

const PROVIDERS: SurveyDefinition = {
  questions: [
    {
      id: 'care',
      type: 'matrix',
      title: '次の医療的ケアについて、いまの受け入れを教えてください。',
      required: true,
      maps: 'accepted_care',
      rows: ASKED.map((code) => ({ value: code, label: CARE_ITEM_SHORT_LABELS[code]!.ja })),
      choices: (['accepted', 'accepted_with_conditions', 'not_accepted'] as const).map((a) => ({
        value: a,
        label: ACCEPTANCE_LABELS[a].ja,
      })),
    },
    {
      id: 'nurses',
      type: 'number',
      title: '常勤換算の看護師の人数',
      required: false,
      min: 0,
      max: 50,
    },
    { id: 'note', type: 'long_text', title: '受け入れの条件や、今後の予定', required: false },
  ],
};

const NOTES = [
  '看護師を1名増員したため、人工呼吸器の子の受け入れを始めました。',
  '酸素療法は、主治医の指示書がある場合に受け入れます。',
  '',
];

/** The answer of the n-th provider: its listing's acceptances with one or two moved, so that changes are proposed. */
function answerFor(current: readonly ResourceCareRow[], n: number): SurveyAnswers {
  const now = new Map(current.map((c) => [c.code, c.acceptance]));
  const care: Record<string, Acceptance> = {};
  ASKED.forEach((code, i) => {
    const was = now.get(code) ?? 'not_accepted';
    // Item n and n+2 change: a provider that did not take it now does (with conditions), one that did now does not.
    const moved = i === n % ASKED.length || i === (n + 2) % ASKED.length;
    care[code] = !moved ? was : was === 'not_accepted' ? 'accepted_with_conditions' : 'not_accepted';
  });
  const a: SurveyAnswers = { care, nurses: 2 + n };
  if (NOTES[n % NOTES.length]) a.note = NOTES[n % NOTES.length]!;
  return a;
}

const demoToken = (prefecture: string, label: string) =>
  createHash('sha256')
    .update(`tsunagu-demo-provider-survey:${prefecture}:${label}`)
    .digest('base64url')
    .slice(0, 24);

/** Seeds the provider survey; 0 when the demo municipality has no open listing to ask. */
export async function seedProviderSurvey(
  tx: DbOrTx,
  opts: { prefectureCode: string; municipalityCode: string; now: Date; authorId: string },
): Promise<number> {
  const pref = opts.prefectureCode;
  const listings = await tx
    .select({
      id: resourceServices.id,
      name: resourceServices.name,
      careItems: resourceServices.careItems,
      municipalityCode: resourceServices.municipalityCode,
    })
    .from(resourceServices)
    .where(
      and(
        eq(resourceServices.prefectureCode, pref),
        eq(resourceServices.municipalityCode, opts.municipalityCode),
        eq(resourceServices.status, 'active'),
        sql`${resourceServices.type} in ('child_development_support', 'after_school_day_service', 'home_visit_nursing')`,
      ),
    )
    .orderBy(asc(resourceServices.name))
    .limit(5);
  if (listings.length === 0) return 0;
  const [region] = await tx
    .select({ id: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .where(
      and(
        eq(regionMunicipalities.municipalityCode, opts.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    );
  const today = isoDateInJapan(opts.now);
  const at = (days: number, hour = 10) =>
    new Date(`${addDays(today, days)}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  const [survey] = await tx
    .insert(surveys)
    .values({
      prefectureCode: pref,
      createdBy: opts.authorId,
      title: '令和8年度 事業所の医療的ケア受け入れ状況調査',
      description:
        '社会資源の一覧と公開検索サイトの掲載内容を新しくするため、医療的ケアの受け入れを伺います。回答はセンターが確かめてから掲載に反映します。',
      audience: 'providers',
      anonymous: false,
      status: 'open',
      openLink: false,
      openToken: demoToken(pref, 'providers'),
      definition: PROVIDERS,
      closesAt: at(20, 23),
      publishedAt: at(-12),
      createdAt: at(-14),
      updatedAt: at(-12),
      version: 2,
    })
    .returning({ id: surveys.id });
  if (!survey) return 0;
  // One link per listing; the first three have answered, the others wait.
  const invitations = await tx
    .insert(surveyInvitations)
    .values(
      listings.map((l, i) => ({
        surveyId: survey.id,
        prefectureCode: pref,
        name: l.name,
        municipalityCode: l.municipalityCode,
        email: `provider${String(i + 1).padStart(2, '0')}@example.jp`,
        tokenHash: tokenHash(demoToken(pref, `providers-link-${i}`)),
        answered: i < 3,
        serviceId: l.id,
        createdAt: at(-12),
      })),
    )
    .returning({ id: surveyInvitations.id });
  const answered = listings.slice(0, 3).map((l, i) => {
    const submitted = at(-10 + i * 3, 11 + i);
    return {
      surveyId: survey.id,
      prefectureCode: pref,
      channel: 'personal_link',
      invitationId: invitations[i]!.id,
      municipalityCode: l.municipalityCode,
      regionId: region?.id ?? null,
      submittedOn: isoDateInJapan(submitted),
      submittedAt: submitted,
      answers: answerFor(l.careItems, i),
    } satisfies typeof surveyAnswers.$inferInsert;
  });
  await tx.insert(surveyAnswers).values(answered);
  return 1;
}

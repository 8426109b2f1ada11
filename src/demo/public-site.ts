/**
 * The demo centre's public site (synthetic): the five fixed pages written as a real centre would — what it does
 * and what to ask, the three tiers (KU-1), FAQ, news and events, the privacy notice — in Japanese, most also in
 * English and the first in やさしい日本語; a draft page still being written; a past emergency notice (ended, so
 * no page of the demo shows it); and the demo municipality's first window chosen with its coordinator named.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  municipalContacts,
  organisations,
  people,
  publicFirstWindows,
  publicPages,
  publicPageVersions,
  users,
} from '../db/schema';
import type { PublicPageKind, PublicPageStatus } from '../shared/vocab/public-site';

type DemoPage = {
  kind: PublicPageKind;
  slug: string;
  status: PublicPageStatus;
  titleJa: string;
  bodyJa: string;
  titleEn?: string;
  bodyEn?: string;
  titleEasy?: string;
  bodyEasy?: string;
  window?: [number, number];
};

const PAGES: DemoPage[] = [
  {
    kind: 'about',
    slug: 'about',
    status: 'published',
    titleJa: 'センターの役割と相談できること',
    bodyJa: `医療的ケア児支援センターは、医療的ケアが必要なお子さんとご家族、支援者のための県の相談窓口です。

## 相談できること

- 退院して家で暮らすための準備（訪問看護、福祉サービス、物品の手配）
- 保育所・幼稚園・学校に通うための準備（就学相談、看護師の配置）
- 短期入所（ショートステイ）やレスパイトの探し方
- 災害への備え（個別避難計画、電源の確保）

## まずはお住まいの市町村へ

身近な相談は、お住まいの市町村の窓口と医療的ケア児等コーディネーターが受けます。どこに相談すればよいか分からないときは、[市町村の最初の相談窓口](/public/first-window)をご覧いただくか、センターにお電話ください。

相談は無料です。秘密は守ります。`,
    titleEn: 'What the centre does and what to ask it',
    bodyEn: `The support centre for children with medical care needs is the prefecture's help desk for children who need medical care at home, their families and the people who support them.

## What you can ask

- Preparing to go home from hospital (home nursing, welfare services, equipment)
- Nursery, kindergarten and school (school entry, nurses at school)
- Short stays and respite
- Preparing for disasters (individual evacuation plans, power)

## Start with your municipality

Your municipality's first window and care coordinator answer everyday questions. If you do not know where to ask, see [the first window in each municipality](/public/first-window) or call the centre.

Consultation is free and confidential.`,
    titleEasy: 'センターの しごと',
    bodyEasy: `いりょうてき ケアが ひつような こどもと かぞくの そうだんを ききます。

- いえで くらす じゅんび
- ほいくえん・がっこうの じゅんび
- さいがいの そなえ

どこに そうだんするか わからない ときは、[しちょうそんの まどぐち](/public/first-window)を みてください。

そうだんは むりょうです。`,
  },
  {
    kind: 'tiers',
    slug: 'tiers',
    status: 'published',
    titleJa: '三層の支援体制と役割分担',
    bodyJa: `県では、市町村・圏域・県の三層で医療的ケア児とご家族を支えています。

| 層 | 主な担い手 | 役割 |
|---|---|---|
| 市町村 | 市町村の担当課、市町村コーディネーター | 身近な相談、サービスの調整、保育・就学の支援 |
| 圏域 | 圏域コーディネーター、センター支所 | 市町村だけでは難しい調整、地域の協議の場 |
| 県 | 医療的ケア児支援センター（本部） | 専門的な相談、研修、人材育成、県全体の課題の整理 |

困ったときは、まず市町村へ。市町村で解決が難しいときは、市町村から圏域・センターにつなぎます。`,
    titleEn: 'The three tiers and who does what',
    bodyEn: `Support is organised in three tiers: municipality, region and prefecture.

| Tier | Who | Role |
|---|---|---|
| Municipality | Municipal divisions, municipal coordinators | Everyday questions, arranging services, nursery and school |
| Region | Regional coordinators, centre branches | What a municipality cannot arrange alone, regional councils |
| Prefecture | The support centre (HQ) | Specialist advice, training, prefecture-wide issues |

Start with your municipality; it connects you to the region and the centre when needed.`,
  },
  {
    kind: 'faq',
    slug: 'faq',
    status: 'published',
    titleJa: 'よくある質問',
    bodyJa: `## 相談にお金はかかりますか
かかりません。

## 医療的ケア児の台帳に登録すると何が変わりますか
災害時の安否確認や、市町村・センターからのお知らせが届きやすくなります。登録は[こちら](/public/register)からできます。

## 医療的ケアの判定スコアはどこで分かりますか
[判定スコアの計算](/public/care-score)で目安を計算できます。正式な判定は市町村が行います。

## 近くのショートステイを探したい
[社会資源の検索](/public/resources)で、ケアの内容と地域から探せます。`,
    titleEn: 'Frequently asked questions',
    bodyEn: `## Does a consultation cost anything?
No.

## What changes when my child is registered?
Safety checks in a disaster and notices from your municipality and the centre reach you more easily. [Register here](/public/register).

## How do I know the care score?
[The care-score calculator](/public/care-score) gives an estimate; the municipality makes the official assessment.

## I am looking for a short stay nearby
[Search services](/public/resources) by care needed and area.`,
  },
  {
    kind: 'news',
    slug: 'news',
    status: 'published',
    titleJa: 'お知らせ・研修やイベント',
    bodyJa: `- 医療的ケア児等コーディネーター養成研修の受講者を募集しています。
- 年末年始（12月29日〜1月3日）は電話相談をお休みします。
- 「災害への備え」家族向け学習会の資料を公開しました。`,
    titleEn: 'News and events',
    bodyEn: `- Applications are open for the care coordinator training.
- Phone consultation is closed from 29 December to 3 January.
- Materials of the family workshop on disaster preparedness are online.`,
  },
  {
    kind: 'privacy',
    slug: 'privacy',
    status: 'published',
    titleJa: '個人情報の取扱い',
    bodyJa: `センターは、ご相談や登録でお預かりした個人情報を、ご本人とご家族の支援のためにだけ使います。

- 市町村や関係機関と共有するときは、事前にご本人・ご家族の同意をいただきます。
- 法令に基づく場合を除き、同意なく第三者に提供することはありません。
- 開示・訂正・利用停止のご請求は、センターへご連絡ください。`,
    titleEn: 'Privacy notice',
    bodyEn: `The centre uses the personal information you give in consultations and registrations only to support you and your family.

- It is shared with your municipality or other services only with your consent.
- It is not given to others without consent except where the law requires.
- Contact the centre to see, correct or stop the use of your information.`,
  },
  {
    kind: 'free',
    slug: 'school-entry',
    status: 'draft',
    titleJa: '就学の準備（年長さんのご家族へ）',
    bodyJa: `就学相談は、多くの市町村で年長の春から始まります。看護師の配置や通学方法は早めにご相談ください。`,
  },
  {
    kind: 'emergency',
    slug: 'typhoon-closure',
    status: 'published',
    titleJa: '台風接近に伴う電話相談の休止',
    bodyJa: '台風の接近に伴い、電話相談を休止しました。停電に備え、医療機器の予備電源をご確認ください。',
    titleEn: 'Phone consultation suspended: typhoon',
    bodyEn:
      'Phone consultation was suspended while the typhoon passed. Check the backup power of medical devices.',
    // Days before today: the notice has ended, so no page of the demo shows it.
    window: [-60, -58],
  },
];

export async function seedPublicSite(
  tx: DbOrTx,
  opts: { prefectureCode: string; municipalityCode: string; now: Date },
): Promise<number> {
  const [editor] = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.prefectureCode, opts.prefectureCode), inArray(users.role, ['centre_admin'])))
    .orderBy(asc(users.email))
    .limit(1);
  if (!editor) return 0;
  const day = 86_400_000;
  const edited = new Date(opts.now.getTime() - 14 * day);
  for (const p of PAGES) {
    const values = {
      prefectureCode: opts.prefectureCode,
      kind: p.kind,
      slug: p.slug,
      status: p.status,
      titleJa: p.titleJa,
      titleEn: p.titleEn ?? '',
      titleEasy: p.titleEasy ?? '',
      bodyJa: p.bodyJa,
      bodyEn: p.bodyEn ?? '',
      bodyEasy: p.bodyEasy ?? '',
      startsAt: p.window ? new Date(opts.now.getTime() + p.window[0] * day) : null,
      endsAt: p.window ? new Date(opts.now.getTime() + p.window[1] * day) : null,
      publishedAt: p.status === 'published' ? edited : null,
      createdBy: editor.id,
      updatedBy: editor.id,
      createdAt: edited,
      updatedAt: edited,
    };
    const [row] = await tx.insert(publicPages).values(values).returning({ id: publicPages.id });
    await tx.insert(publicPageVersions).values({
      pageId: row!.id,
      version: 1,
      status: values.status,
      titleJa: values.titleJa,
      titleEn: values.titleEn,
      titleEasy: values.titleEasy,
      bodyJa: values.bodyJa,
      bodyEn: values.bodyEn,
      bodyEasy: values.bodyEasy,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      editedBy: editor.id,
      editedByRole: editor.role,
      editedAt: edited,
    });
  }
  // The demo municipality's first window: its disability welfare division, with its municipal coordinator named.
  const [contact] = await tx
    .select({ division: municipalContacts.division })
    .from(municipalContacts)
    .where(
      and(
        eq(municipalContacts.municipalityCode, opts.municipalityCode),
        eq(municipalContacts.division, 'disability_welfare'),
      ),
    );
  if (contact) {
    const [coordinator] = await tx
      .select({ id: people.id })
      .from(people)
      .innerJoin(organisations, eq(organisations.id, people.organisationId))
      .where(
        and(eq(organisations.municipalityCode, opts.municipalityCode), isNotNull(people.coordinatorTier)),
      )
      .orderBy(asc(people.familyKana))
      .limit(1);
    await tx.insert(publicFirstWindows).values({
      municipalityCode: opts.municipalityCode,
      prefectureCode: opts.prefectureCode,
      division: contact.division,
      coordinatorPersonId: coordinator?.id ?? null,
      note: '平日 8:30〜17:15（土日祝・年末年始を除く）',
      updatedBy: editor.id,
      updatedAt: edited,
    });
  }
  return PAGES.length;
}

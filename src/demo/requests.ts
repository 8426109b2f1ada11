/**
 * 研修の依頼 (MI-6): a few training requests of the demo prefecture in every state — one just received from the
 * demo municipality, one in dialogue with the demo provider, one whose need is written down, one with its
 * made-to-order session, one done and one declined — handled by the demo region's branch and the HQ, so the
 * list, the dialogue and the actions show on arrival (docs/learning.md §6). Fictional; deterministic for a date.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  organisations,
  trainingCourses,
  trainingRequestEntries,
  trainingRequests,
  trainingSessionDays,
  trainingSessions,
  users,
} from '../db/schema';
import { addDays, isoDateInJapan } from '../shared/dates';
import type { RequestEntryKind, RequestSide, RequestStatus } from '../shared/vocab/learning-requests';

type Entry = [daysAgo: number, side: RequestSide, kind: RequestEntryKind, body: string | null];

export async function seedTrainingRequests(
  tx: DbOrTx,
  opts: { prefectureCode: string; branchId: string; municipalityCode: string; now: Date },
): Promise<number> {
  const pref = opts.prefectureCode;
  const ago = (d: number) => new Date(opts.now.getTime() - d * 86_400_000);
  const userOf = async (role: 'centre_staff' | 'municipal_staff' | 'provider_staff') => {
    const [u] = await tx
      .select({ id: users.id, organisationId: users.scopeOrganisationId })
      .from(users)
      .where(and(eq(users.prefectureCode, pref), eq(users.role, role)))
      .orderBy(asc(users.email))
      .limit(1);
    return u;
  };
  const staff = await userOf('centre_staff');
  const municipal = await userOf('municipal_staff');
  const provider = await userOf('provider_staff');
  if (!staff || !municipal || !provider?.organisationId) return 0;
  const [providerOrg] = await tx
    .select()
    .from(organisations)
    .where(eq(organisations.id, provider.organisationId));
  const [school] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.prefectureCode, pref), eq(organisations.kind, 'school')))
    .orderBy(asc(organisations.name))
    .limit(1);
  const branch = { ownerCentreId: opts.branchId, ownerRegionId: null };
  const hq = { ownerCentreId: null, ownerRegionId: null };

  // The made-to-order course the answered requests led to, with a session held and one being prepared.
  const today = isoDateInJapan(opts.now);
  const [course] = await tx
    .insert(trainingCourses)
    .values({
      prefectureCode: pref,
      kind: 'made_to_order',
      title: 'オーダーメイド研修（保育所・学校の職員向け 吸引と経管栄養）',
      summary: '依頼に応じて、受け入れ先の職員が日々のケアと緊急時の対応を学びます。',
      ...branch,
      isPublic: false,
      createdAt: opts.now,
      updatedAt: opts.now,
    })
    .returning({ id: trainingCourses.id });
  const session = async (title: string, day: number, status: 'completed' | 'draft') => {
    const [s] = await tx
      .insert(trainingSessions)
      .values({
        courseId: course!.id,
        prefectureCode: pref,
        ...branch,
        title,
        delivery: 'in_person',
        place: title.includes('保育園') ? 'ひまわり保育園 職員室' : '依頼元の会議室',
        capacity: 20,
        status,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning({ id: trainingSessions.id });
    await tx
      .insert(trainingSessionDays)
      .values({ sessionId: s!.id, seq: 1, heldOn: addDays(today, day), startsAt: '14:00', endsAt: '16:00' });
    return s!.id;
  };
  const held = await session('ひまわり保育園 職員研修（吸引）', -20, 'completed');
  const coming = await session(`${school?.name ?? '特別支援学校'} 教員研修（経管栄養）`, 25, 'draft');

  const requests: {
    status: RequestStatus;
    daysAgo: number;
    values: Omit<typeof trainingRequests.$inferInsert, 'prefectureCode' | 'status'>;
    entries: Entry[];
  }[] = [
    {
      status: 'received',
      daysAgo: 2,
      values: {
        requesterKind: 'municipality',
        requesterMunicipalityCode: opts.municipalityCode,
        requesterName: '障害福祉課（市町村からの依頼）',
        contactName: '地域支援係',
        askedFor: '放課後等デイサービスの職員向けに、人工呼吸器を使う子どもの受け入れの研修',
        reason: '市内の事業所から、呼吸器のある子どもの受け入れ相談が続いているため',
        createdBy: municipal.id,
      },
      entries: [],
    },
    {
      status: 'in_dialogue',
      daysAgo: 9,
      values: {
        requesterKind: 'organisation',
        requesterOrganisationId: providerOrg?.id ?? null,
        requesterName: providerOrg?.name ?? '訪問看護ステーション',
        askedFor: '新人看護師向けの小児の気管切開ケアの研修',
        reason: '小児の利用者が増え、新人が対応する場面が出てきたため',
        createdBy: provider.id,
        handlerUserId: staff.id,
      },
      entries: [
        [7, 'centre', 'message', '対象の看護師は何名で、いつ頃を希望されますか。'],
        [5, 'requester', 'message', '新人3名です。来月中に、ステーションで実技を含めてお願いしたいです。'],
      ],
    },
    {
      status: 'need_written',
      daysAgo: 30,
      values: {
        requesterKind: 'organisation',
        requesterOrganisationId: school?.id ?? null,
        requesterName: school?.name ?? '県立特別支援学校',
        contactName: '教頭',
        askedFor: '教員向けの経管栄養の研修',
        reason: '来年度、経管栄養のある児童が入学するため',
        need: '担任と養護教諭の5名が、注入の手順、トラブル時の判断、看護師への連絡の流れを学ぶ（4月までに）',
        needWrittenAt: ago(20),
        createdBy: staff.id,
        handlerUserId: staff.id,
        ...hq,
      },
      entries: [
        [28, 'centre', 'message', '学校を訪問し、教頭・養護教諭と面談しました。'],
        [
          20,
          'centre',
          'need_written',
          '担任と養護教諭の5名が、注入の手順、トラブル時の判断、看護師への連絡の流れを学ぶ（4月までに）',
        ],
      ],
    },
    {
      status: 'session_linked',
      daysAgo: 45,
      values: {
        requesterKind: 'organisation',
        requesterOrganisationId: school?.id ?? null,
        requesterName: school?.name ?? '県立特別支援学校',
        courseKind: 'made_to_order',
        askedFor: '教員向けの経管栄養の研修（2回目）',
        reason: '前回参加できなかった教員がいるため',
        need: '前回欠席の教員4名に、同じ内容を実技中心で',
        needWrittenAt: ago(35),
        sessionId: coming,
        createdBy: staff.id,
        handlerUserId: staff.id,
      },
      entries: [
        [40, 'requester', 'message', '前回参加できなかった教員向けにもう一度お願いできますか。'],
        [35, 'centre', 'need_written', '前回欠席の教員4名に、同じ内容を実技中心で'],
        [30, 'centre', 'session_linked', null],
      ],
    },
    {
      status: 'done',
      daysAgo: 75,
      values: {
        requesterKind: 'organisation',
        requesterName: 'ひまわり保育園',
        contactName: '園長',
        askedFor: '保育士向けの吸引の研修',
        reason: '医療的ケアのある子どもが入園するため',
        need: '保育士6名が口腔内・鼻腔内吸引の手順と観察を学ぶ',
        needWrittenAt: ago(60),
        sessionId: held,
        closedAt: ago(18),
        createdBy: staff.id,
        handlerUserId: staff.id,
      },
      entries: [
        [70, 'centre', 'message', '園を訪問し、受け入れの準備状況を伺いました。'],
        [60, 'centre', 'need_written', '保育士6名が口腔内・鼻腔内吸引の手順と観察を学ぶ'],
        [50, 'centre', 'session_linked', null],
        [18, 'centre', 'done', null],
      ],
    },
    {
      status: 'declined',
      daysAgo: 40,
      values: {
        requesterKind: 'municipality',
        requesterMunicipalityCode: opts.municipalityCode,
        requesterName: '子育て支援課（市町村からの依頼）',
        askedFor: '一般の保護者向けの救急法講習',
        reason: '子育て講座の一つとして',
        closedAt: ago(33),
        closeReason: '医療的ケア児の支援の研修ではないため、消防署の救命講習をご案内しました。',
        createdBy: municipal.id,
        handlerUserId: staff.id,
      },
      entries: [
        [
          33,
          'centre',
          'declined',
          '医療的ケア児の支援の研修ではないため、消防署の救命講習をご案内しました。',
        ],
      ],
    },
  ];
  for (const r of requests) {
    const [row] = await tx
      .insert(trainingRequests)
      .values({
        prefectureCode: pref,
        ...branch,
        ...r.values,
        status: r.status,
        createdAt: ago(r.daysAgo),
        updatedAt: opts.now,
      })
      .returning({ id: trainingRequests.id });
    if (r.entries.length) {
      await tx.insert(trainingRequestEntries).values(
        r.entries.map(([d, side, kind, body], i) => ({
          requestId: row!.id,
          seq: i + 1,
          kind,
          side,
          body,
          authorUserId: side === 'centre' ? staff.id : r.values.createdBy!,
          createdAt: ago(d),
        })),
      );
    }
  }
  return requests.length;
}

/**
 * 協議の場 (docs/municipal-support.md §3): the demo prefecture's councils at each tier — the prefectural council,
 * the intra-government liaison, the centre–prefecture liaison, the HQ–branch meeting, the demo region's council
 * and coordinator liaison, and the demo branch's meeting — with members (the demo accounts among them), a year of
 * meetings from each body's schedule (held ones with attendance, minutes and decisions; the prefectural and
 * regional councils' minutes published), the coming ones planned with their agenda, and action items owned by the
 * demo accounts (some overdue, some done) so that each has work on arrival. Fictional; deterministic for a date.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  councilActionItems,
  councilAttendance,
  councilBodies,
  councilDecisions,
  councilMeetings,
  councilMembers,
  users,
} from '../db/schema';
import { meetingTimes, nextDates, type ScheduleRule } from '../modules/councils/schedule';
import { addDays, isoDateInJapan } from '../shared/dates';
import type { CouncilBodyKind, CouncilMemberCategory, CouncilMemberRole } from '../shared/vocab/councils';

type Who = 'admin' | 'staff' | 'branch' | 'coordinator' | 'municipal';
type MemberSpec = [
  name: string,
  affiliation: string,
  category: CouncilMemberCategory,
  role?: CouncilMemberRole,
  who?: Who,
];
type BodySpec = {
  kind: CouncilBodyKind;
  name: string;
  owner: 'prefecture' | 'branch' | 'region';
  place: string;
  rule: Omit<ScheduleRule, 'kind'> & { kind: 'monthly_day' | 'monthly_weekday' };
  members: MemberSpec[];
  publish: boolean;
  agenda: string[];
  decisions: string[];
  items: [title: string, owner: Who][];
};

const weekday = (
  intervalMonths: number,
  weekOfMonth: number,
  wd: number,
  startTime: string,
  durationMinutes: number,
) => ({
  kind: 'monthly_weekday' as const,
  intervalMonths,
  dayOfMonth: null,
  weekOfMonth,
  weekday: wd,
  startTime,
  durationMinutes,
});

const BODIES: BodySpec[] = [
  {
    kind: 'prefectural_council',
    name: '神奈川県医療的ケア児等支援検討会議',
    owner: 'prefecture',
    place: '神奈川県庁 新庁舎 8階 議会第1会議室',
    rule: weekday(3, 2, 1, '14:00', 120),
    members: [
      ['相模 誠一', '県立保健福祉大学', 'academic', 'chair'],
      ['大山 里美', '県小児科医会', 'medical', 'vice_chair'],
      ['丹沢 和也', '県訪問看護ステーション協議会', 'medical'],
      ['江ノ島 陽子', '県相談支援従事者協会', 'welfare'],
      ['箱根 直樹', '県教育委員会 特別支援教育課', 'education'],
      ['湘南 花', '医療的ケア児の家族の会', 'family'],
      ['三浦 恵', 'かながわ重症児親の会', 'parents_group'],
      ['港 未来', '当事者（成人）', 'person_concerned'],
      ['藤沢市 障害福祉課', '藤沢市', 'government', 'member', 'municipal'],
      ['センター 管理者', '神奈川県医療的ケア児支援センター', 'welfare', 'secretariat', 'admin'],
    ],
    publish: true,
    agenda: ['各圏域からの報告', '医療型短期入所の整備状況', '災害時の電源確保', 'その他'],
    decisions: [
      '医療型短期入所の不足を県への提言に盛り込む',
      '次回までに各圏域の災害時個別避難計画の作成状況を集約する',
    ],
    items: [
      ['各圏域の個別避難計画の作成状況を集約する', 'staff'],
      ['短期入所の空床状況の調査票を作成する', 'admin'],
    ],
  },
  {
    kind: 'intra_government_liaison',
    name: '医療的ケア児支援 庁内連絡会議',
    owner: 'prefecture',
    place: '神奈川県庁 本庁舎 3階 大会議場',
    rule: weekday(2, 3, 4, '10:00', 90),
    members: [
      ['障害サービス課', '神奈川県 福祉子どもみらい局', 'government', 'chair'],
      ['子ども家庭課', '神奈川県 福祉子どもみらい局', 'government'],
      ['医療課', '神奈川県 健康医療局', 'government'],
      ['保健医療計画課', '神奈川県 健康医療局', 'government'],
      ['特別支援教育課', '神奈川県教育委員会', 'education'],
      ['危機管理防災課', '神奈川県 くらし安全防災局', 'government'],
      ['センター 職員', '神奈川県医療的ケア児支援センター', 'welfare', 'secretariat', 'staff'],
    ],
    publish: false,
    agenda: ['各課の事業の進み具合', '来年度予算の要求状況', 'その他'],
    decisions: ['保育所等への看護師配置補助の周知を各課で連携して行う'],
    items: [['各課の事業一覧を更新して共有する', 'staff']],
  },
  {
    kind: 'centre_prefecture_liaison',
    name: 'センター・県 連絡会議',
    owner: 'prefecture',
    place: 'オンライン（県庁とセンター）',
    rule: weekday(1, 2, 2, '15:00', 60),
    members: [
      ['障害サービス課 担当', '神奈川県', 'government'],
      ['センター 管理者', '神奈川県医療的ケア児支援センター', 'welfare', 'chair', 'admin'],
      ['センター 職員', '神奈川県医療的ケア児支援センター', 'welfare', 'member', 'staff'],
    ],
    publish: false,
    agenda: ['相談の状況', '研修の予定', '県への報告事項'],
    decisions: ['月次の相談件数を翌月第1週に県へ報告する'],
    items: [['月次の相談件数を県に報告する', 'admin']],
  },
  {
    kind: 'hq_branch_meeting',
    name: '本部・支部会議',
    owner: 'prefecture',
    place: '神奈川県医療的ケア児支援センター 会議室',
    rule: weekday(2, 1, 5, '13:30', 90),
    members: [
      ['センター 管理者', '本部', 'welfare', 'chair', 'admin'],
      ['センター 職員', '本部', 'welfare', 'member', 'staff'],
      ['支部 職員', '支部', 'welfare', 'member', 'branch'],
    ],
    publish: false,
    agenda: ['各支部の相談と支援の状況', 'ケースの引き継ぎ', '研修の分担'],
    decisions: ['支部間の引き継ぎは相談支援の画面で記録する'],
    items: [['支部の困難事例を次回までにまとめる', 'branch']],
  },
  {
    kind: 'regional_council',
    name: '湘南東部圏域 医療的ケア児等支援協議会',
    owner: 'region',
    place: '藤沢市役所 本庁舎 5階 5-1会議室',
    rule: weekday(2, 2, 3, '14:00', 90),
    members: [
      ['湘南 圏域コーディネーター', '湘南東部圏域', 'welfare', 'chair', 'coordinator'],
      ['藤沢市 障害福祉課', '藤沢市', 'government', 'member', 'municipal'],
      ['茅ヶ崎市 障がい福祉課', '茅ヶ崎市', 'government'],
      ['寒川町 福祉課', '寒川町', 'government'],
      ['辻堂 恵美', '湘南東部総合病院 小児科', 'medical'],
      ['鵠沼 聡', '藤沢市教育委員会', 'education'],
      ['片瀬 由美', '湘南医ケアっ子の会', 'parents_group'],
    ],
    publish: true,
    agenda: ['各市町の状況報告', '保育所での受け入れ', '地域課題の整理（県の検討会議へ上げるもの）'],
    decisions: ['保育所の看護師不足を地域課題として県の検討会議に上げる'],
    items: [
      ['保育所の受け入れ状況を市内で調べる', 'municipal'],
      ['地域課題の提出資料を作る', 'coordinator'],
    ],
  },
  {
    kind: 'coordinator_liaison',
    name: '湘南東部圏域 コーディネーター連絡会',
    owner: 'region',
    place: '湘南東部圏域 基幹相談支援センター',
    rule: weekday(1, 4, 4, '18:30', 90),
    members: [
      ['湘南 圏域コーディネーター', '湘南東部圏域', 'welfare', 'chair', 'coordinator'],
      ['藤沢 相談員', '藤沢市基幹相談支援センター', 'welfare'],
      ['茅ヶ崎 相談員', 'ちがさき相談支援事業所', 'welfare'],
    ],
    publish: false,
    agenda: ['事例検討', '社会資源の情報交換'],
    decisions: ['事例検討の記録は個人が分からない形で共有する'],
    items: [['次回の事例を準備する', 'coordinator']],
  },
  {
    kind: 'branch_meeting',
    name: '湘南東部支部 支部会議',
    owner: 'branch',
    place: '支部 事務所',
    rule: weekday(1, 1, 3, '10:00', 60),
    members: [
      ['支部 職員', '支部', 'welfare', 'chair', 'branch'],
      ['湘南 圏域コーディネーター', '湘南東部圏域', 'welfare', 'member', 'coordinator'],
    ],
    publish: false,
    agenda: ['今月の相談', '市町への訪問予定'],
    decisions: ['4課協議の予定を支部で共有する'],
    items: [['市町への訪問予定表を更新する', 'branch']],
  },
];

const PUBLIC_MINUTES = [
  '各構成員から取組の報告があった。医療型短期入所の受け入れ先が地域によって偏っていることが共有された。',
  '災害時の電源確保について、市町の取組と課題が共有された。今後、個別避難計画との連携を進める。',
  '保育所・学校での受け入れについて、看護師の確保と研修の必要性が確認された。',
];
const PRIVATE_MINUTES = [
  '個別の事例（人工呼吸器を使う幼児の退院支援）について支援の状況を確認した。詳細は相談記録を参照。',
  '受け入れを断られた家族からの相談について、関係機関で対応を協議した。',
];

/** Seeds the councils of the demo prefecture; returns the number of meetings. */
export async function seedCouncils(
  tx: DbOrTx,
  opts: { prefectureCode: string; regionId: string; branchId: string; now: Date },
): Promise<number> {
  const pref = opts.prefectureCode;
  const byRole = async (
    role: 'centre_admin' | 'centre_staff' | 'regional_coordinator' | 'municipal_staff',
    branch?: boolean,
  ) => {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.prefectureCode, pref),
          eq(users.role, role),
          branch === undefined
            ? undefined
            : branch
              ? isNotNull(users.scopeCentreId)
              : isNull(users.scopeCentreId),
        ),
      )
      .orderBy(asc(users.email))
      .limit(1);
    return u?.id;
  };
  const who: Record<Who, string | undefined> = {
    admin: await byRole('centre_admin'),
    staff: await byRole('centre_staff', false),
    branch: await byRole('centre_staff', true),
    coordinator: await byRole('regional_coordinator'),
    municipal: await byRole('municipal_staff'),
  };
  const today = isoDateInJapan(opts.now);
  const yearAgo = addDays(today, -365);
  let meetings = 0;
  for (const [bi, spec] of BODIES.entries()) {
    const owner =
      spec.owner === 'branch'
        ? { ownerCentreId: opts.branchId, ownerRegionId: null }
        : spec.owner === 'region'
          ? { ownerCentreId: null, ownerRegionId: opts.regionId }
          : { ownerCentreId: null, ownerRegionId: null };
    const [body] = await tx
      .insert(councilBodies)
      .values({
        prefectureCode: pref,
        kind: spec.kind,
        name: spec.name,
        ...owner,
        purpose: `${spec.name}の目的：医療的ケア児とその家族への支援について、関係者が情報を共有し、課題を協議する。`,
        charter: `# ${spec.name} 設置要綱\n\n## 第1条（目的）\n医療的ケア児等の支援に関する課題を協議するため、この会議を置く。\n\n## 第2条（構成）\n別表に掲げる者で構成する。任期は2年とし、再任を妨げない。\n\n## 第3条（会議）\n会議は定例で開催し、必要に応じて臨時に開催する。`,
        defaultPlace: spec.place,
        scheduleKind: spec.rule.kind,
        scheduleIntervalMonths: spec.rule.intervalMonths,
        scheduleWeekOfMonth: spec.rule.weekOfMonth,
        scheduleWeekday: spec.rule.weekday,
        scheduleStartTime: spec.rule.startTime,
        scheduleDurationMinutes: spec.rule.durationMinutes,
        createdBy: who.admin ?? null,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning({ id: councilBodies.id });
    const memberIds: string[] = [];
    for (const [name, affiliation, category, role, w] of spec.members) {
      const [m] = await tx
        .insert(councilMembers)
        .values({
          bodyId: body!.id,
          name,
          affiliation,
          category,
          role: role ?? 'member',
          userId: w ? (who[w] ?? null) : null,
          termFrom: addDays(today, -540),
          termTo: null,
          createdAt: opts.now,
          updatedAt: opts.now,
        })
        .returning({ id: councilMembers.id });
      memberIds.push(m!.id);
    }
    // A member whose term ended before this year's meetings (they appear under 任期終了).
    await tx.insert(councilMembers).values({
      bodyId: body!.id,
      name: '前任 委員',
      affiliation: '（前期）',
      category: spec.members[0]![2],
      termFrom: addDays(today, -1270),
      termTo: addDays(today, -541),
    });
    const rule: ScheduleRule = spec.rule;
    const dates = nextDates(rule, yearAgo, 40, yearAgo.slice(0, 7)).filter((d) => d <= addDays(today, 100));
    let n = 0;
    for (const d of dates) {
      const past = d < today;
      n++;
      const { startsAt, endsAt } = meetingTimes(d, rule.startTime!, rule.durationMinutes);
      const pub = PUBLIC_MINUTES[(n + bi) % PUBLIC_MINUTES.length]!;
      const [meeting] = await tx
        .insert(councilMeetings)
        .values({
          bodyId: body!.id,
          prefectureCode: pref,
          title: `${spec.name} 第${n}回`,
          startsAt,
          endsAt,
          place: spec.place,
          status: past ? 'held' : 'planned',
          agenda: spec.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n'),
          minutesPublic: past ? pub : '',
          minutesPrivate: past ? PRIVATE_MINUTES[n % PRIVATE_MINUTES.length]! : '',
          minutesPublishedAt: past && spec.publish ? new Date(endsAt.getTime() + 14 * 86_400_000) : null,
          createdAt: opts.now,
          updatedAt: opts.now,
        })
        .returning({ id: councilMeetings.id });
      meetings++;
      if (!past) continue;
      await tx.insert(councilAttendance).values(
        memberIds.map((memberId, i) => ({
          meetingId: meeting!.id,
          memberId,
          status:
            (i + n) % 5 === 0
              ? ('absent' as const)
              : (i + n) % 7 === 0
                ? ('online' as const)
                : ('present' as const),
        })),
      );
      await tx
        .insert(councilDecisions)
        .values(spec.decisions.map((text, i) => ({ meetingId: meeting!.id, seq: i + 1, text })));
      // The last two meetings held leave action items: the latest open, the one before partly done.
      const heldCount = dates.filter((x) => x < today).length;
      if (n < heldCount - 1) continue;
      const latest = n === heldCount;
      for (const [ii, [title, w]] of spec.items.entries()) {
        const ownerId = who[w];
        if (!ownerId) continue;
        // The latest meeting's items are due in the coming weeks; of the one before, some are done and the
        // rest overdue.
        const done = !latest && (bi + ii) % 2 === 0;
        const due = latest ? addDays(today, 10 + ii * 14) : addDays(d, 28);
        await tx.insert(councilActionItems).values({
          meetingId: meeting!.id,
          bodyId: body!.id,
          prefectureCode: pref,
          title: latest ? title : `${title}（前回分）`,
          ownerUserId: ownerId,
          dueOn: due,
          status: done ? 'done' : 'open',
          doneAt: done ? new Date(endsAt.getTime() + 10 * 86_400_000) : null,
          doneBy: done ? ownerId : null,
          createdBy: who.admin ?? null,
          createdAt: opts.now,
          updatedAt: opts.now,
        });
      }
    }
  }
  return meetings;
}

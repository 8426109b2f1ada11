/**
 * 研修: a training year for the demo prefecture (decision 0020) — courses of several kinds owned by the HQ, a
 * branch and a region, with sessions before, around and after today, so centre staff see a year on arrival and
 * the public catalogue lists open sessions. Fictional; deterministic for a given date.
 */
import type { DbOrTx } from '../db/client';
import { trainingCourseParts, trainingCourses, trainingSessionDays, trainingSessions } from '../db/schema';
import { addDays, isoDateInJapan } from '../shared/dates';
import type { CourseKind, CoursePartKind, DeliveryMode, SessionStatus } from '../shared/vocab/learning';

type Owner = { ownerCentreId: string | null; ownerRegionId: string | null };
type DemoSession = {
  title: string;
  delivery: DeliveryMode;
  place: string;
  capacity: number | null;
  status: SessionStatus;
  /** Days from today of each day held, and of the application window. */
  days: number[];
  window?: [number, number];
  coHosts?: string[];
  operatorName?: string;
  owner?: Owner;
};
type DemoCourse = {
  kind: CourseKind;
  title: string;
  summary: string;
  owner: Owner;
  parts: [CoursePartKind, string, number | null][];
  requiresAssignment?: boolean;
  sessions: DemoSession[];
};

export async function generateTrainings(
  tx: DbOrTx,
  opts: {
    prefectureCode: string;
    branchId: string;
    branchName: string;
    regionId: string;
    regionName: string;
    now: Date;
  },
): Promise<{ courses: number; sessions: number }> {
  const hq: Owner = { ownerCentreId: null, ownerRegionId: null };
  const branch: Owner = { ownerCentreId: opts.branchId, ownerRegionId: null };
  const region: Owner = { ownerCentreId: null, ownerRegionId: opts.regionId };
  const courses: DemoCourse[] = [
    {
      kind: 'coordinator_course',
      title: '医療的ケア児等コーディネーター養成研修',
      summary:
        '医療的ケア児等の支援を総合調整するコーディネーターを養成します。2日間の講義・演習と事例レポート。',
      owner: hq,
      requiresAssignment: true,
      parts: [
        ['day', '1日目 制度と支援の基礎（講義）', 360],
        ['day', '2日目 支援計画の作成（演習）', 360],
        ['assignment', '担当事例の支援計画レポート', null],
      ],
      sessions: [
        {
          title: '養成研修（定員40名・選考あり）',
          delivery: 'in_person',
          place: 'かながわ県民センター 2階ホール（横浜市神奈川区鶴屋町2-24-2）',
          capacity: 40,
          status: 'open',
          days: [45, 52],
          window: [-10, 20],
          coHosts: ['神奈川県医師会', '神奈川県看護協会'],
          operatorName: '一般社団法人かながわ在宅支援研修機構',
        },
      ],
    },
    {
      kind: 'supporter_elearning',
      title: '医療的ケア児支援者向けeラーニング（基礎）',
      summary: 'すべての動画を視聴し、確認テストに合格すると修了です。いつでも受講できます。',
      owner: hq,
      parts: [
        ['lesson', '医療的ケア児とは', 30],
        ['lesson', '喀痰吸引と経管栄養の基礎', 45],
        ['lesson', '災害時の備え', 30],
      ],
      sessions: [
        {
          title: '通年受講',
          delivery: 'online',
          place: 'オンライン（受講者ページから視聴）',
          capacity: null,
          status: 'open',
          days: [-30],
        },
      ],
    },
    {
      kind: 'follow_up',
      title: 'コーディネーター フォローアップ研修',
      summary: '養成研修修了者向け。事前アンケートをもとに圏域ごとのグループで事例を検討します。',
      owner: hq,
      parts: [['day', '圏域別グループワーク', 240]],
      sessions: [
        {
          title: 'フォローアップ研修（前期）',
          delivery: 'hybrid',
          place: '神奈川県総合医療会館 会議室（オンライン併用）',
          capacity: 60,
          status: 'completed',
          days: [-40],
          window: [-80, -50],
        },
        {
          title: 'フォローアップ研修（後期）',
          delivery: 'hybrid',
          place: '神奈川県総合医療会館 会議室（オンライン併用）',
          capacity: 60,
          status: 'draft',
          days: [110],
        },
      ],
    },
    {
      kind: 'case_study',
      title: `${opts.branchName} 事例検討会`,
      summary: '支部圏域の支援者が担当事例を持ち寄り、多職種で検討します。',
      owner: branch,
      parts: [['day', '事例検討', 120]],
      sessions: [
        {
          title: '第2回 事例検討会',
          delivery: 'in_person',
          place: `${opts.branchName} 会議室`,
          capacity: 30,
          status: 'open',
          days: [21],
          window: [-14, 14],
        },
        {
          title: '第1回 事例検討会',
          delivery: 'online',
          place: 'オンライン',
          capacity: 30,
          status: 'completed',
          days: [-35],
        },
      ],
    },
    {
      kind: 'nurse_recruitment',
      title: `${opts.regionName} 看護職員確保研修`,
      summary: '医療的ケア児の受け入れに関心のある看護職の方向けに、現場の仕事を紹介します。',
      owner: region,
      parts: [['day', '講義と施設見学', 180]],
      sessions: [
        {
          title: '看護職員確保研修',
          delivery: 'in_person',
          place: `${opts.regionName}の福祉会館`,
          capacity: 25,
          status: 'closed',
          days: [14],
          window: [-30, -1],
          coHosts: ['神奈川県看護協会'],
        },
      ],
    },
    {
      kind: 'brush_up',
      title: 'ブラッシュアップ研修 災害時の個別避難計画',
      summary: '修了者向け。災害時の個別避難計画づくりを演習で学びます。',
      owner: hq,
      parts: [['day', '講義と演習', 180]],
      sessions: [
        {
          title: 'ブラッシュアップ研修',
          delivery: 'online',
          place: 'オンライン（Web会議）',
          capacity: 100,
          status: 'cancelled',
          days: [60],
        },
      ],
    },
  ];

  const today = isoDateInJapan(opts.now);
  const at = (days: number) => new Date(`${addDays(today, days)}T09:00:00+09:00`);
  let sessionCount = 0;
  for (const c of courses) {
    const [course] = await tx
      .insert(trainingCourses)
      .values({
        prefectureCode: opts.prefectureCode,
        kind: c.kind,
        title: c.title,
        summary: c.summary,
        ...c.owner,
        completionRequiresAssignment: c.requiresAssignment ?? false,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning({ id: trainingCourses.id });
    const parts = await tx
      .insert(trainingCourseParts)
      .values(
        c.parts.map(([kind, title, minutes], i) => ({
          courseId: course!.id,
          seq: i + 1,
          kind,
          title,
          durationSeconds: minutes === null ? null : minutes * 60,
        })),
      )
      .returning({ id: trainingCourseParts.id, kind: trainingCourseParts.kind });
    const dayParts = parts.filter((p) => p.kind === 'day');
    for (const s of c.sessions) {
      const [session] = await tx
        .insert(trainingSessions)
        .values({
          courseId: course!.id,
          prefectureCode: opts.prefectureCode,
          ...(s.owner ?? c.owner),
          title: s.title,
          delivery: s.delivery,
          place: s.place,
          capacity: s.capacity,
          applicationsOpenAt: s.window ? at(s.window[0]) : null,
          applicationsCloseAt: s.window ? at(s.window[1]) : null,
          coHosts: s.coHosts ?? [],
          operatorName: s.operatorName ?? null,
          status: s.status,
          createdAt: opts.now,
          updatedAt: opts.now,
        })
        .returning({ id: trainingSessions.id });
      await tx.insert(trainingSessionDays).values(
        s.days.map((d, i) => ({
          sessionId: session!.id,
          seq: i + 1,
          heldOn: addDays(today, d),
          startsAt: s.delivery === 'online' && c.kind === 'supporter_elearning' ? null : '13:30',
          endsAt: s.delivery === 'online' && c.kind === 'supporter_elearning' ? null : '16:30',
          partId: dayParts[i]?.id ?? null,
        })),
      );
      sessionCount++;
    }
  }
  return { courses: courses.length, sessions: sessionCount };
}

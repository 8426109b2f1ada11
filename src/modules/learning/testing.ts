/**
 * A prefecture for the learning module's database tests: the HQ, a branch covering region A, region B with
 * its coordinator, and a user of every staff kind, plus centre staff of another prefecture. Below, the world
 * of the application and selection tests, where each region has its branch.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { learnerProfiles, trainingCourses, trainingSessions } from '../../db/schema';
import type { TestApp, TestClient } from '../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

export type LearningWorld = {
  hq: { id: string };
  branch: { id: string };
  regionA: { id: string };
  regionB: { id: string };
  users: Record<
    'admin' | 'hqStaff' | 'branchStaff' | 'coordB' | 'auditor' | 'municipal' | 'provider' | 'other',
    TestClient
  >;
};

export async function learningWorld(t: TestApp): Promise<LearningWorld> {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const regionA = await makeRegion(db, '14', '湘南東部', ['142051']);
  const regionB = await makeRegion(db, '14', '県央', ['142123']);
  const hq = await makeCentre(db, '14', { kind: 'hq', name: '神奈川県医療的ケア児支援センター' });
  const branch = await makeCentre(db, '14', {
    kind: 'branch',
    parentId: hq.id,
    name: '湘南支部',
    regionIds: [regionA.id],
  });
  await makeCentre(db, '43', { kind: 'hq', name: '熊本県センター' });
  const u = async (...a: Parameters<typeof signedInUser> extends [unknown, ...infer R] ? R : never) =>
    (await signedInUser(t, ...a)).client;
  return {
    hq,
    branch,
    regionA,
    regionB,
    users: {
      admin: await u('centre_admin', { prefectureCode: '14' }),
      hqStaff: await u('centre_staff', { prefectureCode: '14', centreId: hq.id }),
      branchStaff: await u('centre_staff', { prefectureCode: '14', centreId: branch.id }),
      coordB: await u('regional_coordinator', { prefectureCode: '14', regionId: regionB.id }),
      auditor: await u('auditor', { prefectureCode: '14' }),
      municipal: await u('municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }),
      provider: await u('provider_staff', { prefectureCode: '14' }),
      other: await u('centre_admin', { prefectureCode: '43' }),
    },
  };
}

/** A course body with two days and an assignment. */
export function courseBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'coordinator_course',
    title: '医療的ケア児等コーディネーター養成研修',
    summary: '2日間の講義と演習、事例の課題',
    parts: [
      { kind: 'day', title: '1日目 講義', durationMinutes: 360 },
      { kind: 'day', title: '2日目 演習', durationMinutes: 360 },
      { kind: 'assignment', title: '事例レポート' },
    ],
    ...over,
  };
}

/** A session body with two days in the future of `today` (YYYY-MM-DD). */
export function sessionBody(courseId: string, over: Record<string, unknown> = {}) {
  const d = new Date();
  const day = (n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    courseId,
    delivery: 'in_person',
    place: 'かながわ県民センター 301会議室',
    capacity: 40,
    coHosts: ['神奈川県医師会', '神奈川県看護協会'],
    days: [
      { heldOn: day(30), startsAt: '09:30', endsAt: '16:30' },
      { heldOn: day(37), startsAt: '09:30', endsAt: '16:30' },
    ],
    ...over,
  };
}

export const FUJISAWA = '142051';
export const CHIGASAKI = '142077';
export const YOKOHAMA = '141003';

type Profession = 'nurse' | 'care_worker' | 'physician' | 'teacher';
type Learner = Awaited<ReturnType<typeof signedInUser>>;

/**
 * Prefecture 14 with two regions (east: Fujisawa and Chigasaki; Yokohama), each with a branch under the HQ;
 * an HQ administrator, staff of each branch and an administrator of prefecture 43; and the helpers that make
 * sessions of branch A and learners who apply to them.
 */
export type ApplicationsWorld = {
  hq: TestClient;
  branchA: TestClient;
  branchB: TestClient;
  other: TestClient;
  regionEast: string;
  regionYokohama: string;
  /** A session owned by branch A, open now (window ±10 days), with a capacity. */
  makeSession: (opts?: {
    capacity?: number | null;
    kind?: 'coordinator_course' | 'follow_up';
    status?: 'open' | 'draft';
    closed?: boolean;
  }) => Promise<string>;
  /** A signed-in learner of prefecture 14 with a profile. */
  learner: (profession: Profession, municipalityCode: string | null) => Promise<Learner>;
  apply: (
    client: TestClient,
    sessionId: string,
    profession: string,
    municipalityCode: string | null,
  ) => ReturnType<TestClient['post']>;
  /** The staff list of a session's applicants (branch A's by default). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  applicants: (sessionId: string, client?: TestClient) => Promise<any>;
  /** Eight applicants: east 2 medical + 2 welfare, Yokohama 1 medical + 2 welfare, one without a region. */
  filledSession: (capacity?: number) => Promise<{ s: string; people: Learner[]; ids: string[] }>;
};

export async function applicationsWorld(t: TestApp): Promise<ApplicationsWorld> {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const regionEast = (await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI])).id;
  const regionYokohama = (await makeRegion(db, '14', '横浜', [YOKOHAMA])).id;
  const hqCentre = await makeCentre(db, '14', { kind: 'hq' });
  const centreA = (
    await makeCentre(db, '14', { kind: 'branch', parentId: hqCentre.id, regionIds: [regionEast] })
  ).id;
  const centreB = await makeCentre(db, '14', {
    kind: 'branch',
    parentId: hqCentre.id,
    regionIds: [regionYokohama],
  });
  const hq = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  const branchA = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: centreA })).client;
  const branchB = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: centreB.id }))
    .client;
  const other = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;

  const makeSession: ApplicationsWorld['makeSession'] = async (opts = {}) => {
    const now = t.clock.now().getTime();
    const [course] = await db
      .insert(trainingCourses)
      .values({
        prefectureCode: '14',
        kind: opts.kind ?? 'coordinator_course',
        title: 'コーディネーター養成研修',
        ownerCentreId: centreA,
      })
      .returning();
    const [session] = await db
      .insert(trainingSessions)
      .values({
        courseId: course!.id,
        prefectureCode: '14',
        ownerCentreId: centreA,
        title: '令和8年度 第1回',
        delivery: 'in_person',
        place: '県立保健福祉センター',
        capacity: opts.capacity === undefined ? 4 : opts.capacity,
        status: opts.status ?? 'open',
        applicationsOpenAt: new Date(now - 10 * 86_400_000),
        applicationsCloseAt: new Date(now + (opts.closed ? -1 : 10) * 86_400_000),
      })
      .returning();
    return session!.id;
  };

  const learner: ApplicationsWorld['learner'] = async (profession, municipalityCode) => {
    const l = await signedInUser(t, 'learner', { prefectureCode: '14' });
    await db.insert(learnerProfiles).values({
      userId: l.user.id,
      prefectureCode: '14',
      profession,
      municipalityCode,
      workplaceName: '訪問看護ステーション',
    });
    return l;
  };

  const apply: ApplicationsWorld['apply'] = (client, sessionId, profession, municipalityCode) =>
    client.post(`/api/learning/sessions/${sessionId}/apply`, {
      profession,
      municipalityCode,
      workplace: '職場',
    });

  const applicants: ApplicationsWorld['applicants'] = async (sessionId, client = branchA) => {
    const res = await client.get(`/api/learning/sessions/${sessionId}/applicants`);
    expect(res.status).toBe(200);
    return res.body;
  };

  const filledSession: ApplicationsWorld['filledSession'] = async (capacity = 4) => {
    const s = await makeSession({ capacity });
    const people = [
      await learner('nurse', FUJISAWA),
      await learner('physician', CHIGASAKI),
      await learner('care_worker', FUJISAWA),
      await learner('teacher', CHIGASAKI),
      await learner('nurse', YOKOHAMA),
      await learner('care_worker', YOKOHAMA),
      await learner('teacher', YOKOHAMA),
      await learner('teacher', null),
    ];
    const ids: string[] = [];
    for (const p of people) {
      const profile = await db.select().from(learnerProfiles).where(eq(learnerProfiles.userId, p.user.id));
      const res = await apply(p.client, s, profile[0]!.profession, profile[0]!.municipalityCode);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    return { s, people, ids };
  };

  return {
    hq,
    branchA,
    branchB,
    other,
    regionEast,
    regionYokohama,
    makeSession,
    learner,
    apply,
    applicants,
    filledSession,
  };
}

/**
 * Sessions with participants for the attendance and certificate tests, written straight to the database so
 * that these tests depend on nothing but the schema: a course with its rule and parts, a session with days,
 * and learners (signed in) with their applications.
 */
import { eq } from 'drizzle-orm';
import {
  trainingApplications,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
  users,
} from '../../db/schema';
import type { TestApp, TestClient } from '../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * Prefecture 14 with its HQ, a branch covering region A, region B with its coordinator, staff of each kind,
 * and an administrator of prefecture 43 (the other tenant).
 */
export type AttendanceWorld = {
  hq: { id: string };
  branch: { id: string };
  users: Record<
    'admin' | 'branchStaff' | 'coordB' | 'auditor' | 'municipal' | 'provider' | 'other',
    TestClient
  >;
};

export async function attendanceWorld(t: TestApp): Promise<AttendanceWorld> {
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
    users: {
      admin: await u('centre_admin', { prefectureCode: '14' }),
      branchStaff: await u('centre_staff', { prefectureCode: '14', centreId: branch.id }),
      coordB: await u('regional_coordinator', { prefectureCode: '14', regionId: regionB.id }),
      auditor: await u('auditor', { prefectureCode: '14' }),
      municipal: await u('municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }),
      provider: await u('provider_staff', { prefectureCode: '14' }),
      other: await u('centre_admin', { prefectureCode: '43' }),
    },
  };
}

export type SessionSetup = {
  ownerCentreId?: string | null;
  ownerRegionId?: string | null;
  capacity?: number | null;
  days?: string[];
  requireAssignment?: boolean;
  requireAllDays?: boolean;
  lessons?: number;
  title?: string;
};

export async function makeSessionWithDays(t: TestApp, setup: SessionSetup = {}) {
  const db = t.db.systemDb;
  const [course] = await db
    .insert(trainingCourses)
    .values({
      prefectureCode: '14',
      kind: 'coordinator_course',
      title: setup.title ?? '医療的ケア児等コーディネーター養成研修',
      ownerCentreId: setup.ownerCentreId ?? null,
      ownerRegionId: setup.ownerRegionId ?? null,
      completionRequiresAllDays: setup.requireAllDays ?? true,
      completionRequiresAllLessons: true,
      completionRequiresAssignment: setup.requireAssignment ?? false,
    })
    .returning();
  const parts = [
    { seq: 1, kind: 'day' as const, title: '1日目 講義' },
    { seq: 2, kind: 'day' as const, title: '2日目 演習' },
    ...Array.from({ length: setup.lessons ?? 0 }, (_, i) => ({
      seq: 3 + i,
      kind: 'lesson' as const,
      title: `レッスン${i + 1}`,
    })),
    ...(setup.requireAssignment ? [{ seq: 10, kind: 'assignment' as const, title: '事例レポート' }] : []),
  ];
  const savedParts = await db
    .insert(trainingCourseParts)
    .values(parts.map((p) => ({ ...p, courseId: course!.id })))
    .returning();
  const [session] = await db
    .insert(trainingSessions)
    .values({
      courseId: course!.id,
      prefectureCode: '14',
      ownerCentreId: setup.ownerCentreId ?? null,
      ownerRegionId: setup.ownerRegionId ?? null,
      title: '令和8年度 第1回',
      delivery: 'in_person',
      place: 'かながわ県民センター 301会議室',
      capacity: setup.capacity === undefined ? null : setup.capacity,
      status: 'open',
    })
    .returning();
  const dayDates = setup.days ?? ['2026-06-01', '2026-06-08'];
  const days = await db
    .insert(trainingSessionDays)
    .values(
      dayDates.map((heldOn, i) => ({
        sessionId: session!.id,
        seq: i + 1,
        heldOn,
        startsAt: '09:30',
        endsAt: '16:30',
        partId: savedParts[i]?.kind === 'day' ? savedParts[i]!.id : null,
      })),
    )
    .returning();
  return { course: course!, session: session!, days, parts: savedParts };
}

export type Learner = { userId: string; applicationId: string; client: TestClient; name: string };

/** A signed-in learner of prefecture 14 with an application to the session. */
export async function addLearner(
  t: TestApp,
  sessionId: string,
  name: string,
  status: 'applied' | 'selected' | 'waiting' | 'cancelled' = 'applied',
): Promise<Learner> {
  const db = t.db.systemDb;
  const { user, client } = await signedInUser(t, 'learner', { prefectureCode: '14' });
  await db.update(users).set({ displayName: name }).where(eq(users.id, user.id));
  const [application] = await db
    .insert(trainingApplications)
    .values({
      sessionId,
      prefectureCode: '14',
      learnerUserId: user.id,
      profession: 'nurse',
      professionGroup: 'medical',
      workplace: '湘南訪問看護ステーション',
      status,
    })
    .returning();
  return { userId: user.id, applicationId: application!.id, client, name };
}

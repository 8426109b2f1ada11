/**
 * A prefecture for the learning module's database tests: the HQ, a branch covering region A, region B with
 * its coordinator, and a user of every staff kind, plus centre staff of another prefecture.
 */
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

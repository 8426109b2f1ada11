/**
 * A prefecture for the councils module's database tests: the HQ, a branch covering region A (藤沢市), region B
 * (厚木市) with its coordinator, municipal staff of each region, and the other roles, plus a centre
 * administrator of another prefecture.
 */
import type { TestApp, TestClient } from '../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

type Key =
  | 'admin'
  | 'branchStaff'
  | 'coordA'
  | 'coordB'
  | 'auditor'
  | 'municipalA'
  | 'municipalB'
  | 'provider'
  | 'learner'
  | 'other';

export type CouncilWorld = {
  hq: { id: string };
  branch: { id: string };
  regionA: { id: string };
  regionB: { id: string };
  users: Record<Key, TestClient>;
  ids: Record<Key, string>;
};

export async function councilWorld(t: TestApp): Promise<CouncilWorld> {
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
  const specs: Record<Key, Parameters<typeof signedInUser>> = {
    admin: [t, 'centre_admin', { prefectureCode: '14' }],
    branchStaff: [t, 'centre_staff', { prefectureCode: '14', centreId: branch.id }],
    coordA: [t, 'regional_coordinator', { prefectureCode: '14', regionId: regionA.id }],
    coordB: [t, 'regional_coordinator', { prefectureCode: '14', regionId: regionB.id }],
    auditor: [t, 'auditor', { prefectureCode: '14' }],
    municipalA: [t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }],
    municipalB: [t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142123' }],
    provider: [t, 'provider_staff', { prefectureCode: '14' }],
    learner: [t, 'learner', { prefectureCode: '14' }],
    other: [t, 'centre_admin', { prefectureCode: '43' }],
  };
  const users = {} as Record<Key, TestClient>;
  const ids = {} as Record<Key, string>;
  for (const [key, args] of Object.entries(specs) as [Key, Parameters<typeof signedInUser>][]) {
    const { user, client } = await signedInUser(...args);
    users[key] = client;
    ids[key] = user.id;
  }
  return { hq, branch, regionA, regionB, users, ids };
}

/** A Japan-time instant 'YYYY-MM-DDTHH:MM:00+09:00' `days` from now. */
export function jst(days: number, time = '14:00'): string {
  const d = new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  return `${d}T${time}:00+09:00`;
}

/** A body of region A with a monthly schedule (second Wednesday, 14:00 for 90 minutes). */
export function regionalBody(regionId: string, over: Record<string, unknown> = {}) {
  return {
    kind: 'regional_council',
    name: '湘南東部圏域 医療的ケア児等支援協議会',
    ownerRegionId: regionId,
    purpose: '圏域の課題を共有し、県の検討会議へ提案する',
    charter: '# 設置要綱\n\n第1条 この会は、圏域の医療的ケア児等の支援について協議する。',
    defaultPlace: '藤沢市役所 本庁舎5階 会議室',
    scheduleKind: 'monthly_weekday',
    scheduleIntervalMonths: 2,
    scheduleWeekOfMonth: 2,
    scheduleWeekday: 3,
    scheduleStartTime: '14:00',
    scheduleDurationMinutes: 90,
    ...over,
  };
}

/**
 * One body (of the region when named, else the prefecture's) with a member, a meeting and an action item owned
 * by the caller, made through the API by a centre administrator (the write endpoint matrix's records).
 */
export async function councilRecords(
  admin: TestClient,
  owner: { ownerRegionId?: string } = {},
): Promise<{
  councilBody: string;
  councilMember: string;
  councilMeeting: string;
  councilActionItem: string;
}> {
  const must = (res: { status: number; body: unknown }, what: string) => {
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are read freely
    return res.body as any;
  };
  const me = must(await admin.get('/api/auth/session'), 'session').user.id as string;
  const body = must(
    await admin.post('/api/councils/bodies', { kind: 'regional_council', name: '圏域協議会', ...owner }),
    'council body',
  );
  const withMember = must(
    await admin.post(`/api/councils/bodies/${body.id}/members`, {
      name: '委員 一郎',
      category: 'welfare',
      termFrom: '2025-04-01',
    }),
    'council member',
  );
  const meeting = must(
    await admin.post('/api/councils/meetings', {
      bodyId: body.id,
      title: '第1回',
      startsAt: jst(7),
      endsAt: jst(7, '16:00'),
    }),
    'council meeting',
  );
  const withItem = must(
    await admin.post(`/api/councils/meetings/${meeting.id}/action-items`, {
      title: '資料の送付',
      ownerUserId: me,
      dueOn: '2030-01-31',
    }),
    'council action item',
  );
  return {
    councilBody: body.id,
    councilMember: withMember.members[0].id,
    councilMeeting: meeting.id,
    councilActionItem: withItem.actionItems[0].id,
  };
}

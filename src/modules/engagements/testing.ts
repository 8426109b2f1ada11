/**
 * A small prefecture for the engagement tests: 湘南東部 (藤沢市, 茅ヶ崎市) covered by a branch, 県央 (厚木市) with its
 * regional coordinator, and a user of every role; plus a centre administrator of 熊本 (43).
 */

import type { TestApp, TestClient } from '../../test/app';
import { makeCentre, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import type { Role } from '../access/roles';

export const FUJISAWA = '142051';
export const CHIGASAKI = '142077';
export const ATSUGI = '142123';
export const KUMAMOTO = '431001';

export type EngagementWorld = {
  c: Record<
    Exclude<Role, 'centre_staff'> | 'branch_staff' | 'centre_staff' | 'chigasaki_staff' | 'kumamoto_admin',
    TestClient
  >;
  ids: { centreAdmin: string; branchStaff: string; coordinator: string };
};

export async function engagementWorld(t: TestApp): Promise<EngagementWorld> {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const east = await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  const central = await makeRegion(db, '14', '県央', [ATSUGI]);
  const hq = await makeCentre(db, '14', { kind: 'hq', name: '医療的ケア児支援センター' });
  const branch = await makeCentre(db, '14', {
    kind: 'branch',
    parentId: hq.id,
    name: '湘南支部',
    regionIds: [east.id],
  });
  const org = await makeOrganisation(db, '14', { municipalityCode: FUJISAWA });
  const p14 = { prefectureCode: '14' };
  const admin = await signedInUser(t, 'centre_admin', p14);
  const staff = await signedInUser(t, 'centre_staff', p14);
  const branchStaff = await signedInUser(t, 'centre_staff', { ...p14, centreId: branch.id });
  const coordinator = await signedInUser(t, 'regional_coordinator', { ...p14, regionId: central.id });
  const fujisawa = await signedInUser(t, 'municipal_staff', { ...p14, municipalityCode: FUJISAWA });
  const chigasaki = await signedInUser(t, 'municipal_staff', { ...p14, municipalityCode: CHIGASAKI });
  const provider = await signedInUser(t, 'provider_staff', { ...p14, organisationId: org.id });
  const auditor = await signedInUser(t, 'auditor', p14);
  const learner = await signedInUser(t, 'learner', p14);
  const system = await signedInUser(t, 'system_admin', { prefectureCode: null });
  const kumamoto = await signedInUser(t, 'centre_admin', { prefectureCode: '43' });
  return {
    c: {
      centre_admin: admin.client,
      centre_staff: staff.client,
      branch_staff: branchStaff.client,
      regional_coordinator: coordinator.client,
      municipal_staff: fujisawa.client,
      chigasaki_staff: chigasaki.client,
      provider_staff: provider.client,
      auditor: auditor.client,
      learner: learner.client,
      system_admin: system.client,
      kumamoto_admin: kumamoto.client,
    },
    ids: { centreAdmin: admin.user.id, branchStaff: branchStaff.user.id, coordinator: coordinator.user.id },
  };
}

/** A valid body of each kind for a municipality, held on the day. */
export function engagementBody(
  kind: 'hearing' | 'four_division' | 'support',
  municipalityCode: string,
  occurredOn: string,
  extra: Record<string, unknown> = {},
) {
  const base = { kind, municipalityCode, occurredOn, status: 'held' };
  if (kind === 'hearing') {
    return {
      ...base,
      subject: 'ヒアリング訪問',
      hearing: { child_finding: '乳幼児健診と手帳の交付時に把握', issues: '短期入所の不足' },
      ...extra,
    };
  }
  if (kind === 'four_division') {
    return {
      ...base,
      subject: '4課協議',
      divisions: ['maternal_child_health', 'disability_welfare', 'education'],
      ...extra,
    };
  }
  return {
    ...base,
    subject: '保育所での受け入れの相談',
    lifeElement: 'childcare',
    request: 'case_advice',
    assessment: 'weak_coordination',
    approach: 'coordination',
    municipalAction: 'service_arranged',
    outcome: 'resolved',
    analysisNotes: { request: '看護師のいない保育所から' },
    ...extra,
  };
}

/** A held support log entry recorded through the API by a client that may record for the municipality. */
export async function engagementVia(client: TestClient, municipalityCode: string): Promise<string> {
  const res = await client.post(
    '/api/engagements',
    engagementBody('support', municipalityCode, '2026-06-01'),
  );
  if (res.status !== 201) throw new Error(`engagement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

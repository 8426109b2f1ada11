import { childConsents } from '../../db/schema';
import type { TestApp, TestClient } from '../../test/app';
import { makeCentre, makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * A small world for consultation tests. 神奈川 (14): region A = 藤沢市 142051 + 茅ヶ崎市 142077 (covered by the
 * branch 湘南), region B = 平塚市 142034; the HQ centre. 熊本 (43): 熊本市 431001. One signed-in user per team.
 */
export async function consultationWorld(t: TestApp) {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const regionA = await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
  const regionB = await makeRegion(db, '14', '湘南西部', ['142034']);
  const region43 = await makeRegion(db, '43', '熊本市', ['431001']);
  const hq = await makeCentre(db, '14', { kind: 'hq', name: '神奈川県医療的ケア児支援センター' });
  const branch = await makeCentre(db, '14', {
    kind: 'branch',
    parentId: hq.id,
    name: '湘南ブランチ',
    regionIds: [regionA.id],
  });
  const u = async (...args: Parameters<typeof signedInUser> extends [TestApp, ...infer R] ? R : never) => {
    const { user, client } = await signedInUser(t, ...args);
    return { id: user.id, client };
  };
  const users = {
    fujisawa: await u('municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }),
    chigasaki: await u('municipal_staff', { prefectureCode: '14', municipalityCode: '142077' }),
    hiratsuka: await u('municipal_staff', { prefectureCode: '14', municipalityCode: '142034' }),
    coordA: await u('regional_coordinator', { prefectureCode: '14', regionId: regionA.id }),
    coordB: await u('regional_coordinator', { prefectureCode: '14', regionId: regionB.id }),
    branch: await u('centre_staff', { prefectureCode: '14', centreId: branch.id }),
    centre: await u('centre_staff', { prefectureCode: '14' }),
    centreAdmin: await u('centre_admin', { prefectureCode: '14' }),
    auditor: await u('auditor', { prefectureCode: '14' }),
    kumamoto: await u('municipal_staff', { prefectureCode: '43', municipalityCode: '431001' }),
    centre43: await u('centre_staff', { prefectureCode: '43' }),
  } satisfies Record<string, { id: string; client: TestClient }>;
  return { users, regionA, regionB, region43, hq, branch };
}

export type ConsultationWorld = Awaited<ReturnType<typeof consultationWorld>>;

/** A child of 藤沢市 with the given consents (share_municipality is granted by the factory unless told). */
export async function childWithConsents(
  t: TestApp,
  opts: { shareMunicipality?: boolean; centreContact?: boolean; familyName?: string } = {},
) {
  const child = await makeChild(t.db.systemDb, '14', '142051', {
    consent: opts.shareMunicipality ?? true,
    ...(opts.familyName ? { familyName: opts.familyName } : {}),
  });
  if (opts.centreContact) {
    await t.db.systemDb.insert(childConsents).values({
      childId: child.id,
      purpose: 'centre_contact',
      granted: true,
      decidedOn: '2024-04-01',
      method: 'paper',
    });
  }
  return child;
}

/** A valid intake body (override what a test needs). */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    municipalityCode: '142051',
    askerKind: 'family',
    channel: 'phone',
    child: { kind: 'anonymous' },
    topics: ['childcare'],
    urgency: 'normal',
    subject: '保育園入園と看護師の配置',
    narrative: '人工呼吸器を使う3歳の子の保育園入園について、看護師の配置がある園を知りたい。',
    ...overrides,
  };
}

/** Records a consultation through the API and returns the page. */
export async function intake(client: TestClient, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/consultations', intakeBody(overrides));
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; [k: string]: unknown };
}

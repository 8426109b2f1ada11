import type { TestApp, TestClient } from './app';
import { makeOrganisation, makePrefecture, makeRegion } from './factories';
import { signedInUser } from './sign-in';

/**
 * A small world for registry write tests. 神奈川 (14): region A = 藤沢市 142051 + 茅ヶ崎市 142077, region B =
 * 平塚市 142034; 熊本 (43): 熊本市 431001. One signed-in client per role and area.
 */
export async function registryWorld(t: TestApp) {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const regionA = await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
  const regionB = await makeRegion(db, '14', '湘南西部', ['142034']);
  const region43 = await makeRegion(db, '43', '熊本市', ['431001']);
  const provider = await makeOrganisation(db, '14', { kind: 'provider', municipalityCode: '142051' });
  const school = await makeOrganisation(db, '14', { kind: 'school', name: '県立藤沢支援学校' });
  const hospital = await makeOrganisation(db, '14', { kind: 'hospital', name: '県立こども医療センター' });
  const org43 = await makeOrganisation(db, '43', { kind: 'school', name: '熊本支援学校' });

  const user = async (...args: Parameters<typeof signedInUser> extends [TestApp, ...infer R] ? R : never) =>
    (await signedInUser(t, ...args)).client;
  const clients = {
    centreAdmin: await user('centre_admin', { prefectureCode: '14' }),
    centreStaff: await user('centre_staff', { prefectureCode: '14' }),
    coordA: await user('regional_coordinator', { prefectureCode: '14', regionId: regionA.id }),
    coordB: await user('regional_coordinator', { prefectureCode: '14', regionId: regionB.id }),
    fujisawa: await user('municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }),
    chigasaki: await user('municipal_staff', { prefectureCode: '14', municipalityCode: '142077' }),
    hiratsuka: await user('municipal_staff', { prefectureCode: '14', municipalityCode: '142034' }),
    provider: await user('provider_staff', { prefectureCode: '14', organisationId: provider.id }),
    auditor: await user('auditor', { prefectureCode: '14' }),
    systemAdmin: await user('system_admin', { prefectureCode: null }),
    centre43: await user('centre_staff', { prefectureCode: '43' }),
    coord43: await user('regional_coordinator', { prefectureCode: '43', regionId: region43.id }),
    kumamoto: await user('municipal_staff', { prefectureCode: '43', municipalityCode: '431001' }),
  } satisfies Record<string, TestClient>;
  return { clients, regionA, regionB, provider, school, hospital, org43 };
}

export type RegistryWorld = Awaited<ReturnType<typeof registryWorld>>;

/** A valid body for POST /api/children (override what a test needs). */
export function newChildBody(overrides: Record<string, unknown> = {}) {
  return {
    familyName: '髙橋',
    givenName: '結衣',
    familyKana: 'たかはし',
    givenKana: 'ﾕｲ',
    birthDate: '2020-05-10',
    sex: 'female',
    municipalityCode: '142051',
    address: '藤沢市鵠沼1-2-3',
    ...overrides,
  };
}

/** Creates a child through the API as the given client (centre staff by default) and returns the record. */
export async function createChildVia(client: TestClient, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/children', newChildBody(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number } & Record<string, unknown>;
}

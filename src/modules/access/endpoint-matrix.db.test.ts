/**
 * Every GET endpoint is classified by what it returns, and every role's access to each class is fixed here.
 * A new endpoint fails this test until it is classified, so no endpoint returning personal data can be added
 * without deciding who may call it. (The child-level scope of each role is proven in permission-matrix.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import {
  generateTotpSecret,
  makeChild,
  makeOrganisation,
  makePerson,
  makePrefecture,
  makeRegion,
  makeUser,
} from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { ROLES, type Role } from './roles';

type EndpointClass =
  | 'session' // the caller's own session
  | 'children' // children's personal data, scoped per role (permission-matrix)
  | 'children_figures' // aggregates over the same scope
  | 'audit' // who read or changed what: centre administrators and auditors of the prefecture
  | 'user_admin' // staff accounts: administrators
  | 'network'; // configuration and professional contacts of the caller's prefecture

const GET_ENDPOINTS: Record<string, EndpointClass> = {
  '/api/auth/session': 'session',
  '/api/children': 'children',
  '/api/children/{id}': 'children',
  '/api/home/figures': 'children_figures',
  '/api/audit': 'audit',
  '/api/audit/export': 'audit',
  '/api/audit/verify': 'audit',
  '/api/admin/users': 'user_admin',
  '/api/admin/users/{id}': 'user_admin',
  '/api/network/prefectures': 'network',
  '/api/network/municipalities': 'network',
  '/api/network/regions': 'network',
  '/api/network/centres': 'network',
  '/api/network/organisations': 'network',
  '/api/network/organisations/{id}': 'network',
  '/api/network/people': 'network',
  '/api/network/people/{id}': 'network',
};

/** Expected status of a list request of each class, per role (users of prefecture 14). */
const ACCESS: Record<Role, Record<Exclude<EndpointClass, 'session' | 'children'>, number>> = {
  system_admin: { children_figures: 200, audit: 403, user_admin: 200, network: 200 },
  centre_admin: { children_figures: 200, audit: 200, user_admin: 200, network: 200 },
  centre_staff: { children_figures: 200, audit: 403, user_admin: 403, network: 200 },
  regional_coordinator: { children_figures: 200, audit: 403, user_admin: 403, network: 200 },
  municipal_staff: { children_figures: 200, audit: 403, user_admin: 403, network: 200 },
  provider_staff: { children_figures: 200, audit: 403, user_admin: 403, network: 200 },
  auditor: { children_figures: 200, audit: 200, user_admin: 403, network: 200 },
};

let t: TestApp;
let other: { userId: string; organisationId: string; personId: string };
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const region = await makeRegion(db, '14', '湘南東部', ['142051']);
  const org = await makeOrganisation(db, '14', { municipalityCode: '142051' });
  await makeChild(db, '14', '142051', { organisationId: org.id });
  const scopes: Record<Role, Parameters<typeof makeUser>[2]> = {
    system_admin: { prefectureCode: null },
    centre_admin: { prefectureCode: '14' },
    centre_staff: { prefectureCode: '14' },
    regional_coordinator: { prefectureCode: '14', regionId: region.id },
    municipal_staff: { prefectureCode: '14', municipalityCode: '142051' },
    provider_staff: { prefectureCode: '14', organisationId: org.id },
    auditor: { prefectureCode: '14' },
  };
  for (const role of ROLES) {
    const secret = generateTotpSecret();
    const user = await makeUser(db, role, { ...scopes[role], totpSecret: secret });
    clients.set(role, await signInAs(t, user, secret));
  }
  const org43 = await makeOrganisation(db, '43');
  const person43 = await makePerson(db, '43', { familyName: '熊本', givenName: '花子' });
  const user43 = await makeUser(db, 'municipal_staff', { prefectureCode: '43', municipalityCode: '431001' });
  other = { userId: user43.id, organisationId: org43.id, personId: person43.id };
}, 60_000);
afterAll(() => t.close());

describe('endpoint matrix', () => {
  it('classifies every GET endpoint of the OpenAPI document', async () => {
    const doc = (await new TestClient(t).get('/api/openapi.json')).body;
    const gets = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, ops]) => 'get' in ops)
      .map(([p]) => p);
    const unclassified = gets.filter((p) => !(p in GET_ENDPOINTS));
    expect(unclassified, 'classify these endpoints in GET_ENDPOINTS').toEqual([]);
  });

  it.each(ROLES)('%s gets exactly the classes its role allows', async (role) => {
    const client = clients.get(role)!;
    const q = role === 'system_admin' ? '?prefecture=14' : '';
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      if (cls === 'session' || cls === 'children' || path.includes('{id}')) continue;
      const withQuery = cls === 'network' && path !== '/api/network/prefectures' ? `${path}${q}` : path;
      const res = await client.get(
        cls === 'audit' && path.endsWith('export') ? `${path}?format=csv` : withQuery,
      );
      expect(res.status, `${role} GET ${withQuery}`).toBe(ACCESS[role][cls]);
    }
  });

  it.each(ROLES)('%s gets 404 for another prefecture’s records by id', async (role) => {
    const client = clients.get(role)!;
    const paths = [
      `/api/network/organisations/${other.organisationId}`,
      `/api/network/people/${other.personId}`,
    ];
    if (ACCESS[role].user_admin === 200 && role !== 'system_admin')
      paths.push(`/api/admin/users/${other.userId}`);
    const q = role === 'system_admin' ? '?prefecture=14' : '';
    for (const p of paths) {
      const res = await client.get(`${p}${q}`);
      expect(res.status, `${role} GET ${p}`).toBe(404);
    }
  });

  it('answers 401 to every classified endpoint without a session, except the session itself', async () => {
    const anon = new TestClient(t);
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      const res = await anon.get(path.replace('{id}', '00000000-0000-4000-8000-000000000000'));
      expect(res.status, path).toBe(cls === 'session' ? 200 : 401);
    }
  });
});

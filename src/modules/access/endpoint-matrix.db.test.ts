/**
 * Every GET endpoint is classified by what it returns (endpoint-matrix-classes.ts), and every role's access to
 * each class is fixed (endpoint-matrix-access.ts). A new endpoint fails this test until it is classified, so no
 * endpoint returning personal data can be added without deciding who may call it. (The child-level scope of each
 * role is proven in permission-matrix.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations } from '../../db/schema';
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
import { notify } from '../notifications/notify';
import { ACCESS } from './endpoint-matrix-access';
import { GET_ENDPOINTS, REQUIRED_QUERY } from './endpoint-matrix-classes';
import { ROLES, type Role } from './roles';

let t: TestApp;
let child14: string;
let other: { userId: string; organisationId: string; personId: string; registrationId: string };
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const region = await makeRegion(db, '14', '湘南東部', ['142051']);
  const org = await makeOrganisation(db, '14', { municipalityCode: '142051' });
  child14 = (await makeChild(db, '14', '142051', { organisationId: org.id })).id;
  const scopes: Record<Role, Parameters<typeof makeUser>[2]> = {
    system_admin: { prefectureCode: null },
    centre_admin: { prefectureCode: '14' },
    centre_staff: { prefectureCode: '14' },
    regional_coordinator: { prefectureCode: '14', regionId: region.id },
    municipal_staff: { prefectureCode: '14', municipalityCode: '142051' },
    provider_staff: { prefectureCode: '14', organisationId: org.id },
    auditor: { prefectureCode: '14' },
    learner: { prefectureCode: '14' },
  };
  for (const role of ROLES) {
    const secret = generateTotpSecret();
    const user = await makeUser(db, role, { ...scopes[role], totpSecret: secret });
    clients.set(role, await signInAs(t, user, secret));
  }
  const org43 = await makeOrganisation(db, '43');
  const person43 = await makePerson(db, '43', { familyName: '熊本', givenName: '花子' });
  const user43 = await makeUser(db, 'municipal_staff', { prefectureCode: '43', municipalityCode: '431001' });
  const [registration43] = await db
    .insert(registrations)
    .values({
      prefectureCode: '43',
      receiptNo: 'R-20260601-43XYZ',
      submitterKind: 'family',
      municipalityCode: '431001',
      familyKana: 'クマモト',
      givenKana: 'タロウ',
      birthDate: '2024-01-01',
      payload: {},
    })
    .returning();
  other = {
    userId: user43.id,
    organisationId: org43.id,
    personId: person43.id,
    registrationId: registration43!.id,
  };
  await notify(db, {
    prefectureCode: '43',
    recipientMunicipalityCode: '431001',
    kind: 'child_moved_in',
    titleJa: '転入',
    titleEn: 'Moved in',
    at: new Date(),
  });
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
      if (
        cls === 'session' ||
        cls === 'demo' ||
        cls === 'children' ||
        cls === 'public' ||
        cls === 'own' ||
        cls === 'inbox' ||
        cls === 'learning_session' ||
        cls === 'learning_course' ||
        path.includes('{')
      )
        continue;
      const withQuery =
        cls === 'network' && path !== '/api/network/prefectures'
          ? `${path}${q}`
          : REQUIRED_QUERY[path]
            ? `${path}?${REQUIRED_QUERY[path]}`
            : path;
      const res = await client.get(
        cls === 'audit' && path.endsWith('export') ? `${path}?format=csv` : withQuery,
      );
      expect(res.status, `${role} GET ${withQuery}`).toBe(ACCESS[role][cls]);
    }
  });

  it.each(ROLES)('%s finds no demo role switch on a database the demo seeding did not mark', async (role) => {
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      if (cls === 'demo')
        expect((await clients.get(role)!.get(path)).status, `${role} GET ${path}`).toBe(404);
    }
  });

  it.each(ROLES)('%s reads its own settings', async (role) => {
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      if (cls === 'own') expect((await clients.get(role)!.get(path)).status, `${role} GET ${path}`).toBe(200);
    }
  });

  it.each(ROLES)('%s reads its own inbox, which holds nothing addressed to others', async (role) => {
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      if (cls !== 'inbox') continue;
      const res = await clients.get(role)!.get(path);
      expect(res.status, `${role} GET ${path}`).toBe(200);
      // The fixture addresses one notification to a municipality of prefecture 43 only.
      expect(res.body.items, `${role} GET ${path}`).toEqual([]);
      expect(res.body.unread).toBe(0);
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
    if (ACCESS[role].registrations === 200) paths.push(`/api/registrations/${other.registrationId}`);
    const q = role === 'system_admin' ? '?prefecture=14' : '';
    // A role refused the network altogether (learners) gets the same 403 for every id.
    const expected = ACCESS[role].network === 403 ? 403 : 404;
    for (const p of paths) {
      const res = await client.get(`${p}${q}`);
      expect(res.status, `${role} GET ${p}`).toBe(expected);
    }
  });

  it('refuses a learner every staff endpoint, real ids included, with the same 403', async () => {
    const learner = clients.get('learner')!;
    let probed = 0;
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      if (['session', 'demo', 'public', 'own', 'inbox', 'learner_own'].includes(cls)) continue;
      const query = REQUIRED_QUERY[path] ? `?${REQUIRED_QUERY[path]}` : '';
      for (const id of [child14, other.organisationId, '00000000-0000-4000-8000-000000000000']) {
        const url = `${path.replace(/\{(id|courseId|partId)\}/, id).replace('{municipalityCode}', '142051')}${query}`;
        const res = await learner.get(url);
        expect([res.status, res.body.error?.code], `learner GET ${url}`).toEqual([403, 'forbidden']);
        probed++;
        if (!path.includes('{')) break;
      }
    }
    expect(probed).toBeGreaterThan(50);
  });

  it('answers 401 to every classified endpoint without a session, except the session and public ones', async () => {
    const anon = new TestClient(t);
    for (const [path, cls] of Object.entries(GET_ENDPOINTS)) {
      // A public page of one record (a listing, a provider link) answers 404 for an unknown id or token.
      if (cls === 'public' && path.includes('{')) continue;
      const query = REQUIRED_QUERY[path] ? `?${REQUIRED_QUERY[path]}` : '';
      const res = await anon.get(
        `${path.replace('{id}', '00000000-0000-4000-8000-000000000000').replace('{municipalityCode}', '142051')}${query}`,
      );
      // The demo's role switch does not exist on a database the demo seeding did not mark.
      expect(res.status, path).toBe(cls === 'demo' ? 404 : cls === 'session' || cls === 'public' ? 200 : 401);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeCentre, makeOrganisation, makePerson, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * The denied story: nothing of prefecture 14 is visible to prefecture 43, by id or in a list, and the
 * roles that only read cannot write.
 */
let t: TestApp;
let other: { region: string; hq: string; branch: string; organisation: string; person: string };
let own: { region: string; organisation: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '43');
  await makePrefecture(db, '14');
  const region = await makeRegion(db, '14', '横浜圏域', ['141003']);
  const hq = await makeCentre(db, '14');
  const branch = await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, regionIds: [region.id] });
  const organisation = await makeOrganisation(db, '14', { name: '横浜の病院', municipalityCode: '141003' });
  const person = await makePerson(db, '14', { organisationId: organisation.id });
  other = {
    region: region.id,
    hq: hq.id,
    branch: branch.id,
    organisation: organisation.id,
    person: person.id,
  };
  const ownRegion = await makeRegion(db, '43', '熊本圏域', ['431001']);
  const ownOrg = await makeOrganisation(db, '43', { name: '熊本の病院' });
  own = { region: ownRegion.id, organisation: ownOrg.id };
});
afterAll(() => t.close());

const LISTS = ['regions', 'centres', 'organisations', 'people', 'municipalities', 'prefectures'] as const;

function idsIn(body: unknown): string[] {
  const rows = Array.isArray(body) ? body : (body as { items: unknown[] }).items;
  return (rows as { id?: string; code?: string; regionId?: string | null }[]).flatMap((r) =>
    [r.id, r.code, r.regionId].filter((v): v is string => typeof v === 'string'),
  );
}

describe('a centre administrator of prefecture 43', () => {
  let admin: TestClient;
  beforeAll(async () => {
    ({ client: admin } = await signedInUser(t, 'centre_admin'));
  });

  it("never sees prefecture 14's rows in a list", async () => {
    for (const list of LISTS) {
      const res = await admin.get(`/api/network/${list}`);
      expect(res.status, list).toBe(200);
      const ids = idsIn(res.body);
      for (const id of [...Object.values(other), '14', '141003']) expect(ids, list).not.toContain(id);
    }
    expect(idsIn((await admin.get('/api/network/regions')).body)).toContain(own.region);
  });

  it("gets 404 for each of prefecture 14's ids", async () => {
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/api/network/regions/${other.region}`, { version: 1, name: 'x' }],
      ['DELETE', `/api/network/regions/${other.region}`],
      ['PATCH', `/api/network/centres/${other.hq}`, { version: 1, name: 'x' }],
      ['PATCH', `/api/network/centres/${other.branch}`, { version: 1, regionIds: [] }],
      ['GET', `/api/network/organisations/${other.organisation}`],
      ['PATCH', `/api/network/organisations/${other.organisation}`, { version: 1, name: 'x' }],
      ['GET', `/api/network/people/${other.person}`],
      ['PATCH', `/api/network/people/${other.person}`, { version: 1, givenName: 'x' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await admin.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('gets 404 for a named foreign prefecture and for ids that are not UUIDs', async () => {
    expect((await admin.get('/api/network/regions?prefecture=14')).status).toBe(404);
    expect(
      (await admin.post('/api/network/regions?prefecture=14', { name: 'x', municipalityCodes: [] })).status,
    ).toBe(404);
    expect((await admin.get('/api/network/regions?prefecture=43')).status).toBe(200);
    expect((await admin.get('/api/network/organisations/not-a-uuid')).status).toBe(404);
    expect((await admin.patch('/api/network/regions/123', { version: 1 })).status).toBe(404);
  });

  it("cannot attach prefecture 14's rows to its own", async () => {
    const hq = await makeCentre(t.db.systemDb, '43');
    const res = await admin.post('/api/network/centres', {
      kind: 'branch',
      parentId: hq.id,
      name: '越境支部',
      regionIds: [other.region],
    });
    expect(res.status).toBe(400);
    const moved = await admin.patch(`/api/network/regions/${own.region}`, {
      version: 1,
      municipalityCodes: ['431001', '141003'],
    });
    expect(moved.body.error.code).toBe('invalid_municipality_code');
  });
});

describe('roles that only read the network', () => {
  it('lets municipal staff read their prefecture but refuses every write with 403', async () => {
    const { client } = await signedInUser(t, 'municipal_staff', { municipalityCode: '431001' });
    for (const list of LISTS) expect((await client.get(`/api/network/${list}`)).status, list).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/network/regions', { name: 'x', municipalityCodes: [] }],
      ['PATCH', `/api/network/regions/${own.region}`, { version: 1, name: 'x' }],
      ['POST', '/api/network/centres', { kind: 'hq', name: 'x' }],
      ['POST', '/api/network/organisations', { kind: 'hospital', name: 'x' }],
      ['PATCH', `/api/network/organisations/${own.organisation}`, { version: 1, name: 'x' }],
      ['POST', '/api/network/people', { familyName: 'x', givenName: 'y' }],
      ['POST', '/api/network/prefectures', { code: '12' }],
    ];
    for (const [method, path, body] of writes) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await client.request('DELETE', `/api/network/regions/${own.region}`)).status).toBe(403);
  });

  it('lets the auditor read but not write', async () => {
    const { client } = await signedInUser(t, 'auditor');
    expect((await client.get('/api/network/regions')).status).toBe(200);
    expect((await client.post('/api/network/regions', { name: 'x', municipalityCodes: [] })).status).toBe(
      403,
    );
    expect((await client.patch(`/api/network/regions/${own.region}`, { version: 1, name: 'x' })).status).toBe(
      403,
    );
    const [region] = (await client.get('/api/network/regions')).body;
    expect(region).toMatchObject({ id: own.region, version: 1, name: '熊本圏域' });
  });

  it('answers 401 without a session', async () => {
    const anon = new TestClient(t);
    expect((await anon.get('/api/network/regions')).status).toBe(401);
    expect((await anon.post('/api/network/regions', { name: 'x', municipalityCodes: [] })).status).toBe(401);
  });
});

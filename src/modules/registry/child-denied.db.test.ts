/**
 * The denied story of the child record's endpoints: users of another municipality, region or prefecture
 * (and actors with no area) get 404 for every endpoint by id; read-only roles that reach the child get 403
 * on every write; nothing changes either way.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makePerson } from '../../test/factories';
import { createChildVia, type RegistryWorld, registryWorld } from '../../test/registry-world';
import { COLLECTIONS } from './collections';

let t: TestApp;
let w: RegistryWorld;
let childId: string;
let subIds: Record<string, string>;
let consentId: string;

const BODIES: Record<string, Record<string, unknown>> = {
  guardians: { familyName: '髙橋', givenName: '花子', relationship: '母' },
  diagnoses: { name: '脳性麻痺', icd10: 'G80.0' },
  physicians: { hospitalName: '藤沢市民病院' },
  devices: { kind: 'suction_unit' },
  handbooks: { kind: 'physical', grade: '1級' },
  affiliations: {}, // needs the organisation id: filled in beforeAll
  careTeam: {}, // needs a person of the network: filled in beforeAll
};

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  BODIES.affiliations = { organisationId: w.provider.id, kind: 'day_service', startedOn: '2024-04-01' };
  const nurse = await makePerson(t.db.systemDb, '14', { familyName: '看護', givenName: '花子' });
  BODIES.careTeam = { personId: nurse.id, role: 'visiting_nurse', isKeyCoordinator: true };
  const child = await createChildVia(w.clients.centreStaff, {
    consents: [{ purpose: 'share_municipality', granted: true, decidedOn: '2024-04-01', method: 'paper' }],
  });
  childId = child.id;
  let version = child.version;
  subIds = {};
  for (const spec of COLLECTIONS) {
    const res = await w.clients.centreStaff.post(`/api/children/${childId}/${spec.path}`, {
      version,
      ...BODIES[spec.name],
    });
    if (res.status !== 201) throw new Error(`${spec.name}: ${res.status} ${JSON.stringify(res.body)}`);
    version = res.body.version;
    subIds[spec.name] = res.body[spec.name][0].id;
  }
  const detail = (await w.clients.centreStaff.get(`/api/children/${childId}`)).body;
  consentId = detail.consents[0].id;
}, 60_000);
afterAll(() => t.close());

async function currentVersion() {
  const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, childId));
  return row!.version;
}

/** Every write endpoint of one child, with a valid body at the current version. */
function writes(version: number): { method: string; path: string; body?: unknown }[] {
  const base = `/api/children/${childId}`;
  return [
    { method: 'PATCH', path: base, body: { version, givenName: '変更' } },
    { method: 'PUT', path: `${base}/care-items`, body: { version, items: [{ code: 'oxygen' }] } },
    ...COLLECTIONS.flatMap((spec) => [
      { method: 'POST', path: `${base}/${spec.path}`, body: { version, ...BODIES[spec.name] } },
      { method: 'PATCH', path: `${base}/${spec.path}/${subIds[spec.name]}`, body: { version } },
      { method: 'DELETE', path: `${base}/${spec.path}/${subIds[spec.name]}?version=${version}` },
    ]),
    {
      method: 'POST',
      path: `${base}/consents`,
      body: { version, purpose: 'statistics', granted: true, decidedOn: '2025-01-01', method: 'paper' },
    },
    {
      method: 'POST',
      path: `${base}/consents/${consentId}/withdraw`,
      body: { version, withdrawnOn: '2025-01-01' },
    },
    {
      method: 'POST',
      path: `${base}/move`,
      body: { version, municipalityCode: '142034', movedOn: '2025-01-01' },
    },
  ];
}

const reads = () => [`/api/children/${childId}`, `/api/children/${childId}/history`];

const OUTSIDERS: (keyof RegistryWorld['clients'])[] = [
  'chigasaki', // another municipality of the same region
  'hiratsuka', // another municipality and region
  'coordB', // another region
  'centre43', // another prefecture
  'coord43',
  'kumamoto',
  'systemAdmin', // no area
];

describe('denied', () => {
  it.each(OUTSIDERS)('%s gets 404 for every endpoint of the child and changes nothing', async (name) => {
    const client: TestClient = w.clients[name];
    const version = await currentVersion();
    for (const path of reads()) {
      const res = await client.get(path);
      expect(res.status, `${name} GET ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    for (const req of writes(version)) {
      const res = await client.request(req.method, req.path, req.body);
      expect(res.status, `${name} ${req.method} ${req.path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('髙橋');
    }
    expect(await currentVersion()).toBe(version);
  });

  it.each(['auditor', 'provider'] as const)(
    '%s reads the child but gets 403 on every write',
    async (name) => {
      const client: TestClient = w.clients[name];
      const version = await currentVersion();
      for (const path of reads()) expect((await client.get(path)).status, `${name} GET ${path}`).toBe(200);
      const detail = (await client.get(`/api/children/${childId}`)).body;
      expect(detail.allowedActions).toEqual({ edit: false, manageConsents: false, move: false });
      for (const req of writes(version)) {
        const res = await client.request(req.method, req.path, req.body);
        expect(res.status, `${name} ${req.method} ${req.path}`).toBe(403);
        expect(res.body.error.ja && res.body.error.en).toBeTruthy();
      }
      expect(await currentVersion()).toBe(version);
    },
  );

  it('answers unknown ids and malformed ids with 404', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await w.clients.centreAdmin.get(`/api/children/${id}`)).status).toBe(404);
      expect((await w.clients.centreAdmin.get(`/api/children/${id}/history`)).status).toBe(404);
      const res = await w.clients.centreAdmin.patch(`/api/children/${id}`, { version: 1, givenName: 'x' });
      expect(res.status).toBe(404);
    }
    const version = await currentVersion();
    const res = await w.clients.centreAdmin.patch(`/api/children/${childId}/diagnoses/not-a-uuid`, {
      version,
    });
    expect(res.status).toBe(404);
    expect(await currentVersion()).toBe(version);
  });

  it('answers 401 without a session', async () => {
    const { TestClient: Anonymous } = await import('../../test/app');
    const anon = new Anonymous(t);
    for (const path of reads()) expect((await anon.get(path)).status).toBe(401);
    expect((await anon.get('/api/notifications')).status).toBe(401);
  });
});

/**
 * The write part of the endpoint matrix (GET endpoints: endpoint-matrix.db.test.ts). Every POST, PUT, PATCH and
 * DELETE operation of the OpenAPI document is classified here, so a new write route fails this test until it is
 * decided. Every operation that names a record in its path is then probed for an existence oracle: for each role
 * that cannot see the record, a real id and an unknown id of the same shape must give the same status and the
 * same error code — 404, as for every record out of scope.
 *
 * Deliberate 403s (REFUSED_BY_ROLE): where a role may not do anything to a whole kind of record — users and the
 * network are administered by administrators, registrations reviewed by reviewers, rounds run by the centre with
 * a whole-prefecture scope, census data and supervise teams read but never changed by auditors — the route refuses
 * by role before it reads the id, so the answer is 403 for every id, real or unknown, as on the kind's read
 * routes. It tells the caller about its role, never about a record. Operations without a record id answer 403 to a
 * role that may not do them at all; ids in their bodies are checked below and in each module's own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { intakeBody } from '../consultations/testing';
import { serviceBody } from '../resources/testing';
import { ROLES, type Role } from './roles';
import {
  LOCAL_OUTSIDERS,
  OTHER_WRITES,
  PROBES,
  type Probe,
  REFUSED_BY_ROLE,
  SEES_FOREIGN,
} from './write-probes';
import { type RecordIds, unknownIds, writeWorld } from './write-world';

let t: TestApp;
let w: Awaited<ReturnType<typeof writeWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await writeWorld(t);
}, 120_000);
afterAll(() => t.close());

async function answer(client: TestClient, op: string, req: { path: string; body?: unknown }, query = '') {
  const method = op.split(' ')[0]!;
  const sep = req.path.includes('?') ? '&' : '?';
  const res = await client.request(method, query ? `${req.path}${sep}${query}` : req.path, req.body);
  return [res.status, res.body?.error?.code ?? null];
}

/** Sends the probe with the real ids and with unknown ones; both must be the same refusal. */
async function expectNoOracle(role: Role, op: string, probe: Probe, real: RecordIds) {
  const client = w.clients.get(role)!;
  // The system administrator names the prefecture it works in; the record is of another one.
  const query = role === 'system_admin' && probe.group === 'network' ? 'prefecture=14' : '';
  const withReal = await answer(client, op, probe.req(real), query);
  const withUnknown = await answer(client, op, probe.req({ ...unknownIds() }), query);
  expect(withReal, `${role} ${op}: a real id answers as an unknown one`).toEqual(withUnknown);
  const refused = REFUSED_BY_ROLE[probe.group].includes(role);
  expect(withReal, `${role} ${op}`).toEqual(refused ? [403, 'forbidden'] : [404, 'not_found']);
}

describe('endpoint matrix: writes', () => {
  it('classifies every write operation of the OpenAPI document', async () => {
    const doc = (await new TestClient(t).get('/api/openapi.json')).body;
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'get')
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const unclassified = ops.filter((op) => !(op in PROBES) && !(op in OTHER_WRITES));
    expect(unclassified, 'classify these operations in PROBES or OTHER_WRITES').toEqual([]);
    expect(
      Object.keys(PROBES).filter((op) => !ops.includes(op)),
      'probes of no operation',
    ).toEqual([]);
    // An operation naming a record in its path is probed (a provider link's token is its own credential).
    const named = ops.filter((op) => op.includes('{') && OTHER_WRITES[op] !== 'token');
    expect(named.filter((op) => !(op in PROBES))).toEqual([]);
  });

  it.each(ROLES)(
    '%s gets the same answer for another prefecture’s records as for unknown ids',
    async (role) => {
      for (const [op, probe] of Object.entries(PROBES)) {
        if (SEES_FOREIGN[probe.group]?.includes(role)) continue;
        await expectNoOracle(role, op, probe, w.foreign);
      }
    },
    120_000,
  );

  it.each(ROLES)(
    '%s gets the same answer for out-of-reach records of its prefecture as for unknown ids',
    async (role) => {
      let probed = 0;
      for (const [op, probe] of Object.entries(PROBES)) {
        if (!LOCAL_OUTSIDERS[probe.group]?.includes(role)) continue;
        await expectNoOracle(role, op, probe, { ...unknownIds(), ...w.local });
        probed++;
      }
      expect(probed).toBeGreaterThan(0);
    },
    120_000,
  );

  it('provider staff cannot tell a bottleneck of their prefecture from an unknown id', async () => {
    const provider = w.clients.get('provider_staff')!;
    const real = await provider.delete(`/api/resources/bottlenecks/${w.local.bottleneck}`);
    const unknown = await provider.delete(`/api/resources/bottlenecks/${unknownIds().bottleneck}`);
    expect([real.status, real.body.error.code]).toEqual([404, 'not_found']);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const listed = await w.clients.get('centre_admin')!.get('/api/resources/bottlenecks');
    expect(listed.body.items.map((b: { id: string }) => b.id)).toContain(w.local.bottleneck);
  });

  it.each(ROLES)(
    '%s gets the same answer for ids of another prefecture in a body as for unknown ones',
    async (role) => {
      const client = w.clients.get(role)!;
      const bodies: [string, (i: RecordIds) => unknown][] = [
        ['/api/consultations', (i) => intakeBody({ child: { kind: 'registered', childId: i.child } })],
        ['/api/resources/bottlenecks', (i) => ({ regionId: i.region, kind: 'no_transport' })],
        ['/api/resources/services', (i) => serviceBody(i.resourceOrg)],
        [
          '/api/learning/supervise-pool',
          (i) => ({ centreId: i.centre, personId: i.person, tags: ['medical'] }),
        ],
        [
          '/api/network/people',
          (i) => ({ familyName: '熊本', givenName: '一郎', organisationId: i.organisation }),
        ],
      ];
      for (const [path, body] of bodies) {
        const query = role === 'system_admin' && path.startsWith('/api/network') ? 'prefecture=14' : '';
        const real = await answer(client, 'POST x', { path, body: body(w.foreign) }, query);
        const unknown = await answer(client, 'POST x', { path, body: body(unknownIds()) }, query);
        expect(real, `${role} POST ${path}`).toEqual(unknown);
        expect(real[0], `${role} POST ${path}`).toBeGreaterThanOrEqual(400);
      }
    },
  );

  it.each(LOCAL_OUTSIDERS.child!)(
    '%s cannot tell a child of another area, named in a body, from an unknown one',
    async (role) => {
      const client = w.clients.get(role)!;
      const intakeOf = (childId: string) => ({
        path: '/api/consultations',
        body: intakeBody({ child: { kind: 'registered', childId } }),
      });
      const real = await answer(client, 'POST', intakeOf(w.local.child));
      expect(real, `${role} intake`).toEqual(await answer(client, 'POST', intakeOf(unknownIds().child)));
      expect(real[0]).toBeGreaterThanOrEqual(400);
      if (role !== 'regional_coordinator') return;
      // The coordinator reviews the registration of its region but may not merge it into a child it cannot see.
      expect((await client.get(`/api/registrations/${w.local.registration}`)).status).toBe(200);
      const mergeInto = (childId: string) => ({
        path: `/api/registrations/${w.local.registration}/merge`,
        body: { childId, version: 1 },
      });
      for (const childId of [w.local.child, w.foreign.child, unknownIds().child]) {
        expect(await answer(client, 'POST', mergeInto(childId)), childId).toEqual([404, 'not_found']);
      }
    },
  );
});

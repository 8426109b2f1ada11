import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { FUJISAWA, fujisawaYear } from '../../test/census-factory';
import { makeCentre } from '../../test/factories';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { signedInUser } from '../../test/sign-in';

/**
 * The census runs' denied story on both engines: regional coordinators, branch-scoped centre staff, providers
 * and system administrators get 404 on every run endpoint; municipal staff see the runs' counts and their own
 * municipality's discrepancies only (another municipality's, the review and the results 404); auditors read but
 * get 403 on every change; another prefecture's centre staff never find this prefecture's run or pair.
 */
let t: TestApp;
let w: RegistryWorld;
let branchStaff: TestClient;
let runId: string;
let pairId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  const branch = await makeCentre(t.db.systemDb, '14', { kind: 'branch', regionIds: [w.regionA.id] });
  branchStaff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: branch.id })).client;
  await fujisawaYear(t.db.systemDb, 2025);
  const run = await w.clients.centreStaff.post('/api/census/runs', { nendo: 2025 });
  expect(run.status).toBe(202);
  runId = run.body.id;
  await t.deps.jobs.drain();
  const review = await w.clients.centreStaff.get(`/api/census/runs/${runId}/review`);
  pairId = review.body.items[0].id;
});

afterAll(async () => {
  await t?.close();
});

const reads = () => [
  '/api/census/runs?nendo=2025',
  `/api/census/runs/${runId}`,
  `/api/census/runs/${runId}/review`,
  `/api/census/runs/${runId}/results`,
  `/api/census/runs/${runId}/discrepancies`,
  `/api/census/runs/${runId}/discrepancies/${FUJISAWA}`,
  `/api/census/runs/${runId}/discrepancies/${FUJISAWA}/xlsx`,
];
const writes = (): [string, unknown][] => [
  ['/api/census/runs', { nendo: 2025 }],
  [`/api/census/review/${pairId}`, { decision: 'same' }],
  [`/api/census/runs/${runId}/publish`, {}],
  [`/api/census/runs/${runId}/push`, {}],
];

describe('census runs: denied', () => {
  it('municipal staff read their own discrepancies and nothing else of the run', async () => {
    const own = w.clients.fujisawa;
    const readable = reads().filter((p) => !p.endsWith('/review') && !p.endsWith('/results'));
    for (const path of readable) expect([path, (await own.get(path)).status]).toEqual([path, 200]);
    for (const path of reads().filter((p) => !readable.includes(p)))
      expect([path, (await own.get(path)).status]).toEqual([path, 404]);
    for (const [path, body] of writes())
      expect([path, (await own.post(path, body)).status]).toEqual([path, 404]);
    const summary = await own.get(`/api/census/runs/${runId}/discrepancies`);
    expect(summary.body.municipalities.map((m: { code: string }) => m.code)).toEqual([FUJISAWA]);

    // Another municipality's staff: Fujisawa's list and workbook are not found, and its summary is not theirs.
    const other = w.clients.chigasaki;
    for (const path of reads().filter((p) => p.includes(`/discrepancies/${FUJISAWA}`)))
      expect([path, (await other.get(path)).status]).toEqual([path, 404]);
    const theirs = await other.get(`/api/census/runs/${runId}/discrepancies`);
    expect(theirs.body.municipalities.map((m: { code: string }) => m.code)).not.toContain(FUJISAWA);
  });

  it.each(['coordA', 'provider', 'systemAdmin'] as const)('%s gets 404 on every endpoint', async (who) => {
    const client = w.clients[who];
    for (const path of reads()) expect([path, (await client.get(path)).status]).toEqual([path, 404]);
    for (const [path, body] of writes())
      expect([path, (await client.post(path, body)).status]).toEqual([path, 404]);
  });

  it('branch-scoped centre staff get 404 on every endpoint', async () => {
    for (const path of reads()) expect([path, (await branchStaff.get(path)).status]).toEqual([path, 404]);
    for (const [path, body] of writes())
      expect([path, (await branchStaff.post(path, body)).status]).toEqual([path, 404]);
  });

  it('auditors read everything and change nothing (403)', async () => {
    const auditor = w.clients.auditor;
    for (const path of reads()) expect([path, (await auditor.get(path)).status]).toEqual([path, 200]);
    for (const [path, body] of writes())
      expect([path, (await auditor.post(path, body)).status]).toEqual([path, 403]);
  });

  it('another prefecture’s centre staff never find the run or its pairs', async () => {
    const other = w.clients.centre43;
    const list = await other.get('/api/census/runs?nendo=2025');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    for (const path of reads().slice(1)) expect([path, (await other.get(path)).status]).toEqual([path, 404]);
    for (const [path, body] of writes().slice(1)) {
      expect([path, (await other.post(path, body)).status]).toEqual([path, 404]);
    }
    // Their own prefecture has no list for the 年度.
    expect((await other.post('/api/census/runs', { nendo: 2025 })).body.error.code).toBe(
      'census_nothing_to_link',
    );
  });
});

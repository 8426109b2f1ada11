import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, censusDecisions } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { clustersOfName, fujisawaYear, runMembers } from '../../test/census-factory';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * Clerical review through the API on both engines: the queue with members and reasons, a decision merging
 * clusters and being remembered, the next run reusing it (decided, not pending), 'different' splitting a
 * cluster, publishing refused while pairs wait and decisions refused once published.
 */
let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  await fujisawaYear(t.db.systemDb, 2025);
});

afterAll(async () => {
  await t?.close();
});

async function linkedRun() {
  const res = await staff.post('/api/census/runs', { nendo: 2025 });
  expect(res.status).toBe(202);
  await t.deps.jobs.drain();
  const run = await staff.get(`/api/census/runs/${res.body.id}`);
  expect(run.body.status).toBe('linked');
  return run.body as { id: string; clusterCount: number; pendingReviews: number; decidedReviews: number };
}

async function kobayashiClusters(runId: string) {
  const members = await runMembers(t.db.systemDb, runId);
  return [clustersOfName(members, '小林 さくら')[0], clustersOfName(members, '小林 咲良')[0]];
}

describe('census clerical review', () => {
  let firstRun: Awaited<ReturnType<typeof linkedRun>>;
  let pairId: string;

  it('shows the pending pair side by side with its sources and the reasons for its score', async () => {
    firstRun = await linkedRun();
    expect(firstRun.pendingReviews).toBe(1);
    const res = await staff.get(`/api/census/runs/${firstRun.id}/review?status=pending`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const pair = res.body.items[0];
    pairId = pair.id;
    expect(pair).toMatchObject({ status: 'pending', reused: false, guard: null });
    const names = [pair.a.name, pair.b.name].sort();
    expect(names).toEqual(['小林 さくら', '小林 咲良']);
    const board = pair.a.sourceType === 'education_board' ? pair.a : pair.b;
    expect(board).toMatchObject({
      kind: 'record',
      sourceName: '県教育委員会',
      fileName: 'kyouiku.csv',
      row: 7,
    });
    expect(pair.explanation.total).toBeCloseTo(pair.weight, 4);
    const fields = Object.fromEntries(
      pair.explanation.fields.map((f: { field: string; level: string }) => [f.field, f.level]),
    );
    expect(fields).toMatchObject({ kana: 'exact', birthDate: 'different', sex: 'same' });
    const sum =
      pair.explanation.prior +
      pair.explanation.fields.reduce((s: number, f: { bits: number }) => s + f.bits, 0) +
      pair.explanation.adjustments.reduce((s: number, f: { bits: number }) => s + f.bits, 0);
    expect(sum).toBeCloseTo(pair.weight, 3);
    expect((await staff.get(`/api/census/runs/${firstRun.id}/review?status=decided`)).body.total).toBe(0);
  });

  it('refuses to publish while pairs wait for a person', async () => {
    const res = await staff.post(`/api/census/runs/${firstRun.id}/publish`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('census_review_pending');
  });

  it('"same" merges the two clusters, is remembered and audited', async () => {
    const [a, b] = await kobayashiClusters(firstRun.id);
    expect(a).not.toBe(b);
    const res = await staff.post(`/api/census/review/${pairId}`, { decision: 'same' });
    expect(res.status).toBe(200);
    expect(res.body.pair).toMatchObject({ id: pairId, status: 'same', reused: false });
    expect(res.body.run).toMatchObject({
      pendingReviews: 0,
      decidedReviews: 1,
      clusterCount: firstRun.clusterCount - 1,
    });
    const [x, y] = await kobayashiClusters(firstRun.id);
    expect(x).toBe(y);
    const remembered = await t.db.systemDb.select().from(censusDecisions);
    expect(remembered).toEqual([
      expect.objectContaining({ prefectureCode: '14', decision: 'same', nendo: 2025 }),
    ]);
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'census_review_pair'), eq(auditLog.action, 'update')));
    expect(audit.map((e) => e.entityIds[0])).toContain(pairId);
    expect((await staff.get(`/api/census/runs/${firstRun.id}/review?status=decided`)).body.total).toBe(1);
  });

  it('the next run reuses the decision: decided, not pending, clusters merged', async () => {
    const second = await linkedRun();
    expect(second).toMatchObject({
      pendingReviews: 0,
      decidedReviews: 1,
      clusterCount: firstRun.clusterCount - 1,
    });
    const decided = await staff.get(`/api/census/runs/${second.id}/review?status=decided`);
    expect(decided.body.items[0]).toMatchObject({ status: 'same', reused: true });
    const [x, y] = await kobayashiClusters(second.id);
    expect(x).toBe(y);

    // Changing one's mind: 'different' moves the b record to a cluster of its own, and is reused in turn.
    const res = await staff.post(`/api/census/review/${decided.body.items[0].id}`, { decision: 'different' });
    expect(res.status).toBe(200);
    expect(res.body.run.clusterCount).toBe(firstRun.clusterCount);
    const [p, q] = await kobayashiClusters(second.id);
    expect(p).not.toBe(q);
    const third = await linkedRun();
    expect(third).toMatchObject({
      pendingReviews: 0,
      decidedReviews: 1,
      clusterCount: firstRun.clusterCount,
    });
    const again = await staff.get(`/api/census/runs/${third.id}/review?status=decided`);
    expect(again.body.items[0]).toMatchObject({ status: 'different', reused: true });

    const published = await staff.post(`/api/census/runs/${third.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published' });
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const late = await staff.post(`/api/census/review/${again.body.items[0].id}`, { decision: 'same' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('census_run_published');
    const twice = await staff.post(`/api/census/runs/${third.id}/publish`);
    expect(twice.body.error.code).toBe('census_run_published');
  });

  it('refuses to publish a run that has not finished linking', async () => {
    const res = await staff.post('/api/census/runs', { nendo: 2025 });
    const publish = await staff.post(`/api/census/runs/${res.body.id}/publish`);
    expect(publish.status).toBe(409);
    expect(publish.body.error.code).toBe('census_run_not_linked');
  });

  it('answers 404 for an unknown pair and 400 for a bad decision', async () => {
    expect(
      (await staff.post('/api/census/review/00000000-0000-4000-8000-000000000000', { decision: 'same' }))
        .status,
    ).toBe(404);
    expect((await staff.post(`/api/census/review/${pairId}`, { decision: 'maybe' })).status).toBe(400);
  });
});

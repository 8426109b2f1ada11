import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  censusImports,
  censusMembers,
  censusRecords,
  censusReviewPairs,
  censusRuns,
  jobs,
  users,
} from '../../db/schema';
import { MAX_ATTEMPTS, RETRY_BASE_MS } from '../../jobs/retry';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { clustersOfName, FUJISAWA, fujisawaYear, runMembers } from '../../test/census-factory';
import { censusFilesFromGenerated, uploadForm } from '../../test/census-files';
import { makeChild, makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { evaluate } from './link/evaluate';

/**
 * Linkage runs through the API on both engines: starting a run (run + job + audit, 409 without a list), the
 * background job linking the 年度's lists and the registry (twins apart, a family-name change together), the
 * run's summary and list, and a failing job leaving nothing but a 'failed' run.
 */
let t: TestApp;
let staff: TestClient;
let registryChildId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  await fujisawaYear(db, 2025);
  const child = await makeChild(db, '14', FUJISAWA, {
    familyName: '髙橋',
    givenName: '結衣',
    familyKana: 'タカハシ',
    givenKana: 'ユイ',
    birthDate: '2020-05-10',
    sex: 'female',
    address: '鵠沼5-6',
  });
  registryChildId = child.id;
});

afterAll(async () => {
  await t?.close();
});

async function startRun(nendo = 2025) {
  const res = await staff.post('/api/census/runs', { nendo });
  expect(res.status).toBe(202);
  return res.body as { id: string; status: string; job: { id: string; status: string } | null };
}

describe('census linkage runs', () => {
  it('refuses a 年度 without an imported list (409) and writes nothing', async () => {
    const res = await staff.post('/api/census/runs', { nendo: 2030 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('census_nothing_to_link');
    const [n] = await t.db.systemDb.select({ n: count() }).from(censusRuns);
    expect(n!.n).toBe(0);
  });

  it('queues a run with its job and audit entry, then links twins apart and a family-name change together', async () => {
    const started = await startRun();
    expect(started.status).toBe('queued');
    expect(started.job).toMatchObject({ status: 'queued' });
    const audit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'census_run'));
    expect(audit.map((a) => a.entityIds[0])).toContain(started.id);

    await t.deps.jobs.drain();
    const res = await staff.get(`/api/census/runs/${started.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'linked',
      recordCount: 14,
      job: { status: 'succeeded', progress: 1 },
    });

    const members = await runMembers(t.db.systemDb, started.id);
    const [yuto1, yuto2] = clustersOfName(members, '鈴木 悠人');
    const [yuma1, yuma2] = clustersOfName(members, '鈴木 悠真');
    expect(yuto1).toBe(yuto2);
    expect(yuma1).toBe(yuma2);
    expect(yuto1).not.toBe(yuma1);
    expect(clustersOfName(members, '田中 美咲')).toEqual(clustersOfName(members, '山本 美咲'));
    expect(clustersOfName(members, '伊藤 蓮')[0]).toBe(clustersOfName(members, '伊藤 蓮')[1]);
    // The registry's child joins the lists' 髙橋/高橋 結衣.
    const registry = members.find((m) => m.childId === registryChildId)!;
    expect(clustersOfName(members, '髙橋 結衣')).toEqual([registry.cluster]);
    expect(clustersOfName(members, '高橋 結衣')).toEqual([registry.cluster]);
    // 小林 さくら / 小林 咲良 waits for a person.
    const pairs = await t.db.systemDb
      .select()
      .from(censusReviewPairs)
      .where(eq(censusReviewPairs.runId, started.id));
    expect(pairs.map((p) => p.status)).toEqual(['pending']);
    expect(pairs[0]!.comparison).toMatchObject({ kana: 'exact', birthDate: 'different' });
    expect(res.body.pendingReviews).toBe(1);
    // 7 children: twins (2), 美咲, 結衣, 蓮, 大翔, and さくら / 咲良 apart until reviewed (2) → 8 clusters.
    expect(res.body.clusterCount).toBe(8);
  });

  it('lists the 年度’s runs, newest first', async () => {
    const res = await staff.get('/api/census/runs?nendo=2025');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items[0]).toMatchObject({ nendo: 2025, status: 'linked' });
    const other = await staff.get('/api/census/runs?nendo=2024');
    expect(other.body.items).toEqual([]);
  });

  it('a failing job leaves no members or pairs, and the run and its job say failed', async () => {
    const db = t.db.systemDb;
    // Make the write of the pairs fail after the members were staged.
    await db.execute(sql`create or replace function census_test_fail() returns trigger language plpgsql as
      $$ begin raise exception 'test failure'; end $$`);
    await db.execute(sql`create trigger census_test_fail before insert on census_review_pairs
      for each row execute function census_test_fail()`);
    try {
      const started = await startRun();
      // The failure is not one the job can tell from a passing one: retried until the attempts are used.
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await t.deps.jobs.drain();
        t.clock.advance(RETRY_BASE_MS * 4 ** attempt);
      }
      const res = await staff.get(`/api/census/runs/${started.id}`);
      expect(res.body.status).toBe('failed');
      expect(res.body.job).toMatchObject({ status: 'failed', error: { code: 'internal' } });
      const [m] = await db
        .select({ n: count() })
        .from(censusMembers)
        .where(eq(censusMembers.runId, started.id));
      const [p] = await db
        .select({ n: count() })
        .from(censusReviewPairs)
        .where(eq(censusReviewPairs.runId, started.id));
      expect(m!.n).toBe(0);
      expect(p!.n).toBe(0);
      const [job] = await db.select().from(jobs).where(eq(jobs.id, started.job!.id));
      expect(job!.error?.en).toMatch(/Nothing was saved/);
    } finally {
      await db.execute(sql`drop trigger census_test_fail on census_review_pairs`);
    }
  });

  it('links generated lists uploaded through the imports API (the whole background path)', async () => {
    const files = await censusFilesFromGenerated(7, 60);
    const types = ['maternal_child_health', 'education_board', 'welfare_office'];
    for (const [i, f] of files.entries()) {
      const source = await staff.post('/api/census/sources', {
        name: `生成 ${f.fileName}`,
        sourceType: types[i],
      });
      expect(source.status).toBe(201);
      const up = await staff.postForm(
        '/api/census/imports',
        uploadForm({ fileName: f.fileName, buffer: f.buffer, sourceId: source.body.id, nendo: 2026 }),
      );
      expect(up.status).toBe(202);
    }
    await t.deps.jobs.drain();
    const started = await startRun(2026);
    await t.deps.jobs.drain();
    expect((await staff.get(`/api/census/runs/${started.id}`)).body.status).toBe('linked');
    const rows = await t.db.systemDb
      .select({ file: censusImports.fileName, row: censusRecords.row, cluster: censusMembers.cluster })
      .from(censusMembers)
      .innerJoin(censusRecords, eq(censusRecords.id, censusMembers.recordId))
      .innerJoin(censusImports, eq(censusImports.id, censusRecords.importId))
      .where(eq(censusMembers.runId, started.id));
    const truthOf = new Map(
      files.flatMap((f) => f.truth.map((child, i) => [`${f.fileName}#${i + 1}`, child])),
    );
    expect(rows.length).toBe(truthOf.size);
    const e = evaluate(
      rows.map((r) => r.cluster),
      rows.map((r) => truthOf.get(`${r.file}#${r.row}`)!),
    );
    // Pairs left for review count as not linked here; the run's clusters are still close to the truth.
    expect(e.f1).toBeGreaterThan(0.9);
    expect(e.countError).toBeLessThan(0.1);
  });

  it('fails a run whose creator lost census access before it ran, saying why', async () => {
    const { user, client } = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
    const res = await client.post('/api/census/runs', { nendo: 2025 });
    expect(res.status).toBe(202);
    await t.db.systemDb
      .update(users)
      .set({ role: 'municipal_staff', scopeMunicipalityCode: FUJISAWA })
      .where(eq(users.id, user.id));
    await t.deps.jobs.drain();
    const run = await staff.get(`/api/census/runs/${res.body.id}`);
    expect(run.body).toMatchObject({
      status: 'failed',
      job: { error: { code: 'census_run_creator_no_access' } },
    });
  });

  it('answers 404 for an unknown or malformed run id', async () => {
    expect((await staff.get('/api/census/runs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await staff.get('/api/census/runs/nope')).status).toBe(404);
  });
});

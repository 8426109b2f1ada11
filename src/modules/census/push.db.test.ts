import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, censusProvenance, childHistory, childResidences, children } from '../../db/schema';
import { kanaKey, kanjiKey } from '../../shared/names';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { FUJISAWA, fujisawaYear, makeCensusList } from '../../test/census-factory';
import { makeChild, makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * Pushing a published run into the registry through the API on both engines: new children created through
 * the registry's create path with history ('create' and 'census_push') and provenance, the registry's own
 * child confirmed, clusters lacking a birth date or a split name skipped with reasons, and a second push
 * creating nothing.
 */
let t: TestApp;
let staff: TestClient;
let runId: string;
let registryChildId: string;

async function childCount() {
  const [row] = await t.db.systemDb.select({ n: count() }).from(children);
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  await fujisawaYear(db, 2025);
  await makeCensusList(db, {
    prefectureCode: '14',
    nendo: 2025,
    source: { name: '藤沢市 発達支援センター', sourceType: 'development_support' },
    rows: [
      { name: '森 花', kana: 'モリ ハナ', birthDate: null, sex: 'female', municipalityCode: FUJISAWA },
      {
        name: '森田花子',
        kana: 'モリタハナコ',
        birthDate: '2012-12-12',
        sex: 'female',
        municipalityCode: FUJISAWA,
      },
    ],
  });
  registryChildId = (
    await makeChild(db, '14', FUJISAWA, {
      familyName: '髙橋',
      givenName: '結衣',
      familyKana: 'タカハシ',
      givenKana: 'ユイ',
      birthDate: '2020-05-10',
      sex: 'female',
    })
  ).id;
  const run = await staff.post('/api/census/runs', { nendo: 2025 });
  runId = run.body.id;
  await t.deps.jobs.drain();
});

afterAll(async () => {
  await t?.close();
});

describe('pushing a run into the registry', () => {
  it('is refused before the run is published', async () => {
    const res = await staff.post(`/api/census/runs/${runId}/push`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('census_run_not_published');
  });

  it('creates the children the registry lacks, with history and provenance, and confirms the others', async () => {
    const review = await staff.get(`/api/census/runs/${runId}/review`);
    for (const p of review.body.items) {
      expect((await staff.post(`/api/census/review/${p.id}`, { decision: 'different' })).status).toBe(200);
    }
    expect((await staff.post(`/api/census/runs/${runId}/publish`)).status).toBe(200);
    const before = await childCount();
    const res = await staff.post(`/api/census/runs/${runId}/push`);
    expect(res.status).toBe(200);
    // 悠人, 悠真, 美咲, 蓮, 大翔, さくら, 咲良 are new; 結衣 is the registry's; 森 花 and 森田花子 are skipped.
    expect(res.body).toMatchObject({ created: 7, confirmed: 1 });
    expect(res.body.skipped).toHaveLength(2);
    expect(res.body.skipped.map((s: { en: string }) => s.en).join(' ')).toMatch(
      /date of birth.*split|split.*date of birth/,
    );
    expect(res.body.run.pushedAt).toEqual(expect.any(String));
    expect(await childCount()).toBe(before + 7);

    const db = t.db.systemDb;
    const [ren] = await db.select().from(children).where(eq(children.givenName, '蓮'));
    expect(ren).toMatchObject({
      familyName: '伊藤',
      familyKana: 'イトウ',
      givenKana: 'レン',
      sex: 'male',
      municipalityCode: FUJISAWA,
      prefectureCode: '14',
      nameKey: kanjiKey('伊藤蓮'),
      kanaKey: kanaKey('イトウレン'),
    });
    const history = await db.select().from(childHistory).where(eq(childHistory.childId, ren!.id));
    expect(history.map((h) => h.action).sort()).toEqual(['census_push', 'create']);
    const push = history.find((h) => h.action === 'census_push')!;
    expect(push.changes).toMatchObject({ source: 'census', runId, nendo: 2025 });
    expect(push.changes.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: '藤沢市 母子保健', file: 'fujisawa.xlsx', row: 5 }),
      ]),
    );
    const [residence] = await db.select().from(childResidences).where(eq(childResidences.childId, ren!.id));
    expect(residence).toMatchObject({ municipalityCode: FUJISAWA });

    const provenance = await db.select().from(censusProvenance).where(eq(censusProvenance.runId, runId));
    expect(provenance.filter((p) => p.created)).toHaveLength(7);
    const confirmed = provenance.filter((p) => !p.created);
    expect(confirmed).toEqual([expect.objectContaining({ childId: registryChildId })]);
    expect(confirmed[0]!.sources).toHaveLength(2);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'census_run'), eq(auditLog.action, 'update')));
    expect(audit.some((a) => a.detail.event === 'push' && a.detail.created === 7)).toBe(true);
  });

  it('a second push creates nothing', async () => {
    const before = await childCount();
    const res = await staff.post(`/api/census/runs/${runId}/push`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, confirmed: 0 });
    expect(res.body.skipped).toHaveLength(2);
    expect(await childCount()).toBe(before);
  });
});

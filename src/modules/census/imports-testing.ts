/**
 * The fixtures of the census import tests (imports-reading.db.test.ts, imports.db.test.ts): a prefecture 14 with
 * a signed-in centre administrator, a list's header and good rows, and helpers reading what an import stored.
 */
import { asc, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { censusImports, censusRecords, jobs } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

export const NENDO = 2025;

export const HEADER = ['児童氏名', 'ふりがな', '生年月日', '性別', '市町村', '医療的ケア', '備考'];
export const GOOD_ROWS = [
  ['髙橋　一郎', 'たかはし いちろう', 'H31.4.5', '男', '藤沢市', '人工呼吸器、気管切開・吸引', ''],
  ['﨑田 花子', 'ｻｷﾀ ﾊﾅｺ', '令和元年5月10日', '女', '142051', '胃ろう', '転入'],
  ['山田 太郎', 'ヤマダ タロウ', '2020/01/02', '不明', '茅ヶ崎市', 'なし', ''],
];

export type ImportsWorld = { t: TestApp; admin: TestClient; adminId: string };

/** The app with prefecture 14 and its centre administrator, signed in. */
export async function importsWorld(): Promise<ImportsWorld> {
  const t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  const signed = await signedInUser(t, 'centre_admin', { prefectureCode: '14' });
  return { t, admin: signed.client, adminId: signed.user.id };
}

/** Helpers over the world, read when called (a test file makes the world in its beforeAll). */
export function importHelpers(world: () => ImportsWorld) {
  async function sourceOf(name: string, sourceType = 'maternal_child_health') {
    const res = await world().admin.post('/api/census/sources', {
      name,
      sourceType,
      municipalityCode: '142051',
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; mapping: Record<string, string | null> };
  }

  async function importsOf(sourceId: string) {
    return world()
      .t.db.systemDb.select()
      .from(censusImports)
      .where(eq(censusImports.sourceId, sourceId))
      .orderBy(asc(censusImports.createdAt));
  }

  async function recordCount(importId: string) {
    const [row] = await world()
      .t.db.systemDb.select({ n: count() })
      .from(censusRecords)
      .where(eq(censusRecords.importId, importId));
    return row!.n;
  }

  async function jobCount() {
    const [row] = await world().t.db.systemDb.select({ n: count() }).from(jobs);
    return row!.n;
  }

  return { sourceOf, importsOf, recordCount, jobCount };
}

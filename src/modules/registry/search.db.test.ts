/**
 * GET /api/children filters: names in kanji or kana (variant-tolerant, typos by similarity), birth dates in
 * 西暦 or 和暦, area, care item, device, life stage, status and sort — always inside the user's scope.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../db/client';
import { auditLog, childCareItems, childDevices } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

let t: TestApp;
let staff: TestClient;
let staffId: string;
let municipal: TestClient;
let kumamoto: TestClient;
let regionId: string;
const ids: Record<string, string> = {};

/** A child (the factory stores its match keys, and a granted share_municipality consent unless told not to). */
async function kid(
  db: DbOrTx,
  key: string,
  pref: string,
  muni: string,
  names: [string, string, string, string],
  opts: Parameters<typeof makeChild>[3] = {},
) {
  const [familyName, givenName, familyKana, givenKana] = names;
  const n = { familyName, givenName, familyKana, givenKana };
  const child = await makeChild(db, pref, muni, { ...n, ...opts });
  ids[key] = child.id;
  return child;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z'); // 令和8年度
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  regionId = (await makeRegion(db, '14', '湘南東部', ['142051'])).id;
  // 藤沢市 142051
  const a = await kid(db, 'takahashiKen', '14', '142051', ['髙橋', '健', 'タカハシ', 'ケン'], {
    birthDate: '2019-04-05', // H31.4.5: 小学1年 in 令和8年度
  });
  await kid(db, 'takahashiYuto', '14', '142051', ['高橋', '優斗', 'タカハシ', 'ユウト'], {
    birthDate: '2010-06-01', // 高校1年
  });
  await kid(db, 'yamadaHanako', '14', '142051', ['山田', '花子', 'ヤマダ', 'ハナコ'], {
    birthDate: '2024-01-10', // infant
    status: 'in_hospital',
  });
  await kid(db, 'suzuki', '14', '142051', ['鈴木', '一郎', 'スズキ', 'イチロウ'], {
    birthDate: '2015-08-20',
    status: 'moved_out',
    consent: false,
  });
  // 茅ヶ崎市 142077: kana stored in hiragana.
  await kid(db, 'takahashiJiro', '14', '142077', ['高橋', '次郎', 'たかはし', 'じろう'], {
    birthDate: '2012-12-12',
  });
  // 熊本市 (another prefecture)
  await kid(db, 'kumamoto', '43', '431001', ['高橋', '三郎', 'タカハシ', 'サブロウ'], {
    birthDate: '2016-01-01',
  });
  await db.insert(childCareItems).values({ childId: a.id, code: 'ventilator', watch: 'high' });
  await db.insert(childCareItems).values({ childId: ids.takahashiYuto!, code: 'suction' });
  await db.insert(childDevices).values({ childId: a.id, kind: 'ventilator', needsMains: true });

  const s = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
  staff = s.client;
  staffId = s.user.id;
  municipal = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }))
    .client;
  kumamoto = (await signedInUser(t, 'centre_staff', { prefectureCode: '43' })).client;
}, 60_000);
afterAll(() => t.close());

async function found(client: TestClient, query: string): Promise<string[]> {
  const res = await client.get(`/api/children?${query}`);
  expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return res.body.items.map((i: { id: string }) => byId.get(i.id) ?? i.id);
}

const q = (s: string) => `q=${encodeURIComponent(s)}`;

describe('name search', () => {
  it('finds 髙橋 by 高橋 and 高橋 by 髙橋 (kanji variants)', async () => {
    expect((await found(staff, q('高橋'))).sort()).toEqual([
      'takahashiJiro',
      'takahashiKen',
      'takahashiYuto',
    ]);
    expect((await found(staff, q('髙橋'))).sort()).toEqual([
      'takahashiJiro',
      'takahashiKen',
      'takahashiYuto',
    ]);
    expect(await found(staff, q('髙橋　健'))).toEqual(['takahashiKen']);
  });

  it('finds kana in either script and width: たかはし by タカハシ, タカハシ by たかはし, ﾀｶﾊｼ', async () => {
    const all = ['takahashiJiro', 'takahashiKen', 'takahashiYuto'];
    expect((await found(staff, q('タカハシ'))).sort()).toEqual(all);
    expect((await found(staff, q('たかはし'))).sort()).toEqual(all);
    expect((await found(staff, q('ﾀｶﾊｼ'))).sort()).toEqual(all);
  });

  it('finds ユウト by ユート (long vowels folded)', async () => {
    expect(await found(staff, q('ユート'))).toEqual(['takahashiYuto']);
    // The full name matches exactly; others sharing the family name are similar enough to follow it.
    expect((await found(staff, q('たかはし ゆーと')))[0]).toBe('takahashiYuto');
  });

  it('finds a one-character typo in kana by trigram similarity, closest first', async () => {
    expect(await found(staff, q('ヤマダハナゴ'))).toEqual(['yamadaHanako']);
    const typo = await found(staff, q('タカハシユード'));
    expect(typo[0]).toBe('takahashiYuto');
  });

  it('never reaches beyond the prefecture', async () => {
    expect(await found(kumamoto, q('高橋'))).toEqual(['kumamoto']);
  });
});

describe('other filters', () => {
  it('reads the birth date in 西暦 or 和暦 and refuses what is not a date', async () => {
    expect(await found(staff, 'birthDate=2019-04-05')).toEqual(['takahashiKen']);
    expect(await found(staff, `birthDate=${encodeURIComponent('H31.4.5')}`)).toEqual(['takahashiKen']);
    expect(await found(staff, `birthDate=${encodeURIComponent('平成31年4月5日')}`)).toEqual(['takahashiKen']);
    for (const bad of ['2019-02-30', '平成31年5月1日', 'yesterday']) {
      const res = await staff.get(`/api/children?birthDate=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const range = await found(staff, `birthFrom=2012-01-01&birthTo=${encodeURIComponent('R1.12.31')}`);
    expect(range.sort()).toEqual(['suzuki', 'takahashiJiro', 'takahashiKen']);
  });

  it('filters by municipality and region (current membership)', async () => {
    expect(await found(staff, 'municipality=142077')).toEqual(['takahashiJiro']);
    expect((await found(staff, `region=${regionId}`)).sort()).toEqual([
      'suzuki',
      'takahashiKen',
      'takahashiYuto',
      'yamadaHanako',
    ]);
  });

  it('filters by care item and device', async () => {
    expect(await found(staff, 'careItem=ventilator')).toEqual(['takahashiKen']);
    expect(await found(staff, 'careItem=suction')).toEqual(['takahashiYuto']);
    expect(await found(staff, 'device=ventilator')).toEqual(['takahashiKen']);
    expect(await found(staff, 'device=feeding_pump')).toEqual([]);
    expect((await staff.get('/api/children?careItem=karaoke')).status).toBe(400);
  });

  it('filters by life stage on today’s date in Japan', async () => {
    expect(await found(staff, 'lifeStage=infant')).toEqual(['yamadaHanako']);
    expect((await found(staff, 'lifeStage=elementary')).sort()).toEqual(['suzuki', 'takahashiKen']);
    expect(await found(staff, 'lifeStage=junior_high')).toEqual(['takahashiJiro']);
    expect(await found(staff, 'lifeStage=high_school')).toEqual(['takahashiYuto']);
    expect(await found(staff, 'lifeStage=adult')).toEqual([]);
  });

  it('filters by status and combines filters with AND', async () => {
    expect(await found(staff, 'status=moved_out')).toEqual(['suzuki']);
    expect(await found(staff, `${q('高橋')}&lifeStage=elementary`)).toEqual(['takahashiKen']);
  });

  it('sorts by kana, birth date or municipality', async () => {
    expect(await found(staff, 'sort=birthDate')).toEqual([
      'takahashiYuto',
      'takahashiJiro',
      'suzuki',
      'takahashiKen',
      'yamadaHanako',
    ]);
    const byMunicipality = await found(staff, 'sort=municipality');
    expect(byMunicipality.at(-1)).toBe('takahashiJiro');
  });

  it('sorts every column either way, the status in the vocabulary’s order, and keeps a name query closest first', async () => {
    expect(await found(staff, 'sort=birthDate&dir=desc')).toEqual([
      'yamadaHanako',
      'takahashiKen',
      'suzuki',
      'takahashiJiro',
      'takahashiYuto',
    ]);
    // 在宅 (at_home) before 入院中 (in_hospital) before 転出 (moved_out), whatever the codes' alphabet.
    const byStatus = await found(staff, 'sort=status');
    expect(byStatus.indexOf('yamadaHanako')).toBeGreaterThan(byStatus.indexOf('takahashiKen'));
    expect(byStatus.at(-1)).toBe('suzuki');
    expect((await found(staff, 'sort=status&dir=desc'))[0]).toBe('suzuki');
    expect((await found(staff, 'sort=municipality&dir=desc'))[0]).toBe('takahashiJiro');
    const kanaDesc = await found(staff, 'sort=kana&dir=desc');
    expect(kanaDesc[0]).toBe('yamadaHanako');
    for (const sort of ['sex', 'careScore', 'updated']) {
      for (const dir of ['asc', 'desc']) {
        expect((await found(staff, `sort=${sort}&dir=${dir}`)).sort()).toEqual(
          ['suzuki', 'takahashiJiro', 'takahashiKen', 'takahashiYuto', 'yamadaHanako'].sort(),
        );
      }
    }
    // A name query with no order asked for: the closest spelling first.
    expect((await found(staff, q('タカハシケン')))[0]).toBe('takahashiKen');
  });

  it('refuses an order or a direction outside the allow-list', async () => {
    for (const query of ['sort=family_name', 'sort=kana&dir=up', 'sort=birth_date%20desc']) {
      const res = await staff.get(`/api/children?${query}`);
      expect(res.status, query).toBe(400);
    }
  });
});

describe('scope and audit', () => {
  it('applies the scope to every filter: a filter for another municipality returns nothing', async () => {
    const res = await municipal.get('/api/children?municipality=142077');
    expect(res.body).toMatchObject({ items: [], total: 0 });
    expect(await found(municipal, q('高橋'))).toEqual(expect.not.arrayContaining(['takahashiJiro']));
  });

  it('counts the children withheld for want of consent, and does not list them', async () => {
    const res = await municipal.get('/api/children');
    expect(res.body.total).toBe(3);
    expect(res.body.withheld).toBe(1);
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.suzuki);
    expect((await staff.get('/api/children')).body.withheld).toBe(0);
  });

  it('writes one search entry per request with the filters set', async () => {
    const db = t.db.systemDb;
    const before = await db.select().from(auditLog).where(eq(auditLog.actorUserId, staffId));
    await staff.get(`/api/children?${q('髙橋')}&lifeStage=elementary&birthDate=H31.4.5`);
    const after = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, staffId), eq(auditLog.action, 'search')));
    const mine = after.filter((e) => !before.some((b) => b.id === e.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      entityType: 'child',
      entityIds: [ids.takahashiKen],
      detail: { filter: { q: '髙橋', lifeStage: 'elementary', birthDate: '2019-04-05' }, total: 1 },
    });
  });
});

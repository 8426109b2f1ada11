import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resourceServices } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { publicSearch } from './search';
import { createOrganizationVia, createServiceVia, serviceBody } from './testing';

let t: TestApp;
let w: RegistryWorld;
let orgId: string;
let anon: TestClient;
const ids: Record<string, string> = {};
const DAY = 24 * 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  anon = new TestClient(t);
  orgId = await createOrganizationVia(w.clients.centreAdmin, {
    name: '社会福祉法人なごみ',
    networkOrganisationId: w.provider.id,
  });
  const admin = w.clients.centreAdmin;
  ids.himawari = (await createServiceVia(admin, orgId, { name: 'ひまわり放課後デイ' })).id;
  ids.sakura = (
    await createServiceVia(admin, orgId, {
      name: 'さくら児童発達支援センター',
      kana: 'サクラジドウハッタツシエンセンター',
      type: 'child_development_support',
      minAge: 0,
      maxAge: 6,
      careItems: [
        { code: 'suction', acceptance: 'accepted' },
        { code: 'ventilator', acceptance: 'not_accepted' },
      ],
      location: { address: '藤沢市辻堂1-1' },
    })
  ).id;
  // Located in 茅ヶ崎 but serving 藤沢 too.
  ids.umi = (
    await createServiceVia(admin, orgId, {
      name: '海風訪問看護ステーション',
      kana: 'うみかぜほうもんかんごすてーしょん',
      type: 'home_visit_nursing',
      minAge: null,
      maxAge: null,
      careItems: [
        { code: 'ventilator', acceptance: 'accepted' },
        { code: 'suction', acceptance: 'accepted' },
      ],
      serviceAreaCodes: ['142051'],
      location: { address: '茅ヶ崎市東海岸2-2' },
    })
  ).id;
  ids.hiratsuka = (
    await createServiceVia(admin, orgId, {
      name: '平塚ひまわりデイ',
      location: { address: '平塚市浅間町1-1' },
    })
  ).id;
  ids.closed = (await createServiceVia(admin, orgId, { name: '休止中ひまわり', status: 'inactive' })).id;
});
afterAll(() => t.close());

const search = async (qs: string) => {
  const res = await anon.get(`/api/public/resources?${qs}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    items: { id: string; name: string; stale: boolean }[];
    total: number;
    municipality: unknown;
  };
};
const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name).sort();

describe('public search', () => {
  it('filters by municipality (located in or serving it), care item, age and type; active listings only', async () => {
    const fujisawa = await search('municipalityCode=142051');
    expect(names(fujisawa)).toEqual([
      'さくら児童発達支援センター',
      'ひまわり放課後デイ',
      '海風訪問看護ステーション',
    ]);
    expect(fujisawa.municipality).toEqual({ code: '142051', name: '藤沢市' });
    expect(names(await search('municipalityCode=142051&careItem=ventilator'))).toEqual([
      'ひまわり放課後デイ',
      '海風訪問看護ステーション',
    ]);
    expect(names(await search('careItem=ventilator,tube_feeding_gastric'))).toEqual([
      'ひまわり放課後デイ',
      '平塚ひまわりデイ',
    ]);
    expect(names(await search('municipalityCode=142051&age=3'))).toEqual([
      'さくら児童発達支援センター',
      '海風訪問看護ステーション',
    ]);
    expect(names(await search('type=home_visit_nursing'))).toEqual(['海風訪問看護ステーション']);
    expect(names(await search(`address=${encodeURIComponent('神奈川県平塚市浅間町3-3')}`))).toEqual([
      '平塚ひまわりデイ',
    ]);
    // A place not found is no error: the answer says what to type instead (place-search.db.test.ts).
    const none = await anon.get(`/api/public/resources?address=${encodeURIComponent('どこか')}`);
    expect(none.status).toBe(200);
    expect(none.body.unresolved.ja).toContain('駅名');
    expect((await anon.get('/api/public/resources?careItem=warp_drive')).status).toBe(400);
  });

  it('finds Japanese text across width and kana variants', async () => {
    for (const q of ['ひまわり', 'ヒマワリ', 'ﾋﾏﾜﾘ']) {
      expect(names(await search(`q=${encodeURIComponent(q)}`)), q).toEqual([
        'ひまわり放課後デイ',
        '平塚ひまわりデイ',
      ]);
    }
    for (const q of ['さくらじどう', 'ｻｸﾗｼﾞﾄﾞｳ', '児童発達']) {
      expect(names(await search(`q=${encodeURIComponent(q)}`)), q).toEqual(['さくら児童発達支援センター']);
    }
    expect(names(await search(`q=${encodeURIComponent('訪問看護')}&municipalityCode=142051`))).toEqual([
      '海風訪問看護ステーション',
    ]);
  });

  it('pages, and each result carries acceptance, how to apply, last confirmation and coordinates', async () => {
    const p1 = await anon.get('/api/public/resources?pageSize=2&page=1');
    const p2 = await anon.get('/api/public/resources?pageSize=2&page=2');
    expect(p1.body.total).toBe(4);
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items).toHaveLength(2);
    const item = (await search('municipalityCode=142051&careItem=ventilator')).items.find(
      (i) => i.id === ids.himawari,
    ) as Record<string, unknown>;
    expect(item).toMatchObject({
      howToApply: '相談支援専門員を通じてお電話ください。見学できます。',
      latitude: 35.32,
      longitude: 139.47,
      stale: false,
    });
    expect(item.careItems).toContainEqual({
      code: 'ventilator',
      acceptance: 'accepted_with_conditions',
      conditions: '看護師2名の日のみ',
    });
    const page = await anon.get(`/api/public/resources/${ids.himawari}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name: 'ひまわり放課後デイ', organizationName: '社会福祉法人なごみ' });
    expect(page.body).not.toHaveProperty('version');
    expect((await anon.get(`/api/public/resources/${ids.closed}`)).status).toBe(404);
    expect((await anon.get('/api/public/resources/options')).body.serviceTypes).toHaveLength(18);
  });

  it('flags listings not confirmed for 12 months as stale and ranks them after fresh ones', async () => {
    const old = new Date(t.clock.now().getTime() - 400 * DAY);
    await t.db.systemDb
      .update(resourceServices)
      .set({ lastConfirmedAt: old })
      .where(eq(resourceServices.id, ids.himawari!));
    const r = await search(`q=${encodeURIComponent('ひまわり')}`);
    expect(r.items.map((i) => [i.name, i.stale])).toEqual([
      ['平塚ひまわりデイ', false],
      ['ひまわり放課後デイ', true],
    ]);
    const staff = await w.clients.centreAdmin.get('/api/resources/services?stale=true');
    expect(staff.body.items.map((i: { id: string }) => i.id)).toEqual([ids.himawari]);
  });

  it('rate-limits per client address', async () => {
    const c = new TestClient(t);
    c.ip = '203.0.113.77';
    let last = 0;
    for (let i = 0; i < 301; i++) last = (await c.get('/api/public/resources/options?x=1')).status;
    expect(last).toBe(200); // options are static, not limited
    for (let i = 0; i < 300; i++) await c.get(`/api/public/resources/${ids.sakura}`);
    expect((await c.get('/api/public/resources?q=x')).status).toBe(429);
  });
});

describe('provider link', () => {
  it('shows the listing, confirms it with corrections once; a second use or an expired link is refused', async () => {
    const issued = await w.clients.centreStaff.post(`/api/resources/services/${ids.sakura}/link`);
    expect(issued.status).toBe(200);
    expect(issued.body.url).toBe(`/public/resources/confirm#token=${issued.body.token}`);
    const token = issued.body.token as string;
    const view = await anon.get(`/api/public/resources/confirm/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.service.name).toBe('さくら児童発達支援センター');
    const before = view.body.service.version;
    const done = await anon.request('PUT', `/api/public/resources/confirm/${token}`, {
      changes: { vacancy: 2, careItems: [{ code: 'ventilator', acceptance: 'accepted' }] },
      confirmedBy: '管理者 佐藤',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ serviceId: ids.sakura, changed: true });
    const after = await w.clients.centreAdmin.get(`/api/resources/services/${ids.sakura}`);
    expect(after.body).toMatchObject({ vacancy: 2, version: before + 1 });
    expect(after.body.lastConfirmed).toMatchObject({ kind: 'provider_link', by: '管理者 佐藤' });
    expect(names(await search('careItem=ventilator&municipalityCode=142051'))).toContain(
      'さくら児童発達支援センター',
    );
    const again = await anon.request('PUT', `/api/public/resources/confirm/${token}`, {});
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('token_invalid');
    expect((await anon.get(`/api/public/resources/confirm/${token}`)).status).toBe(400);
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'resource_service'));
    expect(
      audit.some(
        (a) => a.actorUserId === null && (a.detail as { confirmed?: string }).confirmed === 'provider_link',
      ),
    ).toBe(true);

    const second = (await w.clients.centreStaff.post(`/api/resources/services/${ids.sakura}/link`)).body
      .token as string;
    t.clock.advance(31 * DAY);
    expect((await anon.request('PUT', `/api/public/resources/confirm/${second}`, {})).status).toBe(400);
    t.clock.advance(-31 * DAY);
    expect(
      (
        await anon.request('PUT', `/api/public/resources/confirm/${second}`, {
          changes: { minAge: 9, maxAge: 2 },
        })
      ).status,
    ).toBe(400);
    // the refused answer left the link unused
    expect((await anon.request('POST', `/api/public/resources/confirm/${second}`, {})).status).toBe(200);
  });
});

describe('re-confirmation round', () => {
  it('issues a link per active service, tracks confirmations and resends only the unconfirmed', async () => {
    expect((await w.clients.coordA.post('/api/resources/rounds', { nendo: 2026 })).status).toBe(403);
    const created = await w.clients.centreAdmin.post('/api/resources/rounds', { nendo: 2026 });
    expect(created.status).toBe(200);
    expect(created.body.round).toMatchObject({ nendo: 2026, serviceCount: 4, confirmedCount: 0 });
    expect(created.body.links).toHaveLength(4);
    expect((await w.clients.centreAdmin.post('/api/resources/rounds', { nendo: 2026 })).status).toBe(409);
    const link = created.body.links.find((l: { serviceId: string }) => l.serviceId === ids.umi);
    expect((await anon.request('PUT', `/api/public/resources/confirm/${link.token}`, {})).status).toBe(200);
    const detail = await w.clients.centreAdmin.get(`/api/resources/rounds/${created.body.round.id}`);
    expect(detail.body.confirmedCount).toBe(1);
    expect(
      detail.body.items
        .filter((i: { confirmedAt: string | null }) => i.confirmedAt)
        .map((i: { serviceId: string }) => i.serviceId),
    ).toEqual([ids.umi]);
    const reminders = await w.clients.centreAdmin.post(
      `/api/resources/rounds/${created.body.round.id}/reminders`,
    );
    expect(reminders.body.links.map((l: { serviceId: string }) => l.serviceId).sort()).toEqual(
      [ids.himawari, ids.sakura, ids.hiratsuka].sort(),
    );
    // the first links died with the reminders
    const old = created.body.links.find((l: { serviceId: string }) => l.serviceId === ids.sakura);
    expect((await anon.get(`/api/public/resources/confirm/${old.token}`)).status).toBe(400);
    expect((await w.clients.centre43.get(`/api/resources/rounds/${created.body.round.id}`)).status).toBe(404);

    // The listings sort on the server by any column either way; the confirmed one last when sorting by it
    // (not confirmed yet first), with when each was last confirmed.
    const url = `/api/resources/rounds/${created.body.round.id}`;
    const order = async (q: string) => {
      const res = await w.clients.centreAdmin.get(`${url}?${q}`);
      expect(res.status, q).toBe(200);
      return res.body.items as { serviceId: string; serviceName: string; lastConfirmedAt: string | null }[];
    };
    expect((await order('sort=confirmed')).at(-1)!.serviceId).toBe(ids.umi);
    expect((await order('sort=confirmed&dir=desc'))[0]!.serviceId).toBe(ids.umi);
    expect((await order('sort=lastConfirmed&dir=desc'))[0]!.lastConfirmedAt).not.toBeNull();
    const names = (await order('sort=name')).map((i) => i.serviceName);
    expect((await order('sort=name&dir=desc')).map((i) => i.serviceName)).toEqual([...names].reverse());
    for (const sort of ['organization', 'type', 'municipality', 'linkExpires']) {
      expect((await order(`sort=${sort}&dir=desc`)).map((i) => i.serviceId).sort()).toEqual(
        [ids.umi, ids.himawari, ids.sakura, ids.hiratsuka].sort(),
      );
    }
    expect((await w.clients.centreAdmin.get(`${url}?sort=email`)).status).toBe(400);
  });
});

describe('the search table follows every change of a listing', () => {
  it('an organisation rename, an edit and a deactivation show in the public search at once', async () => {
    const admin = w.clients.centreAdmin;
    const org = await admin.post('/api/resources/organizations', { name: 'なごみの丘福祉会' });
    expect(org.status).toBe(200);
    const svc = await createServiceVia(admin, org.body.id, {
      name: '丘の上デイ',
      location: { address: '藤沢市辻堂2-2' },
    });
    const find = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).items.map((i) => i.id);
    expect(await find('なごみの丘')).toContain(svc.id);

    const renamed = await admin.put(`/api/resources/organizations/${org.body.id}`, {
      name: 'つばさ福祉会',
      version: org.body.version,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await find('つばさ福祉会')).toContain(svc.id);
    expect(await find('なごみの丘')).not.toContain(svc.id);
    // The rename is not an edit of the listing: its version is unchanged.
    const [row] = await t.db.systemDb.select().from(resourceServices).where(eq(resourceServices.id, svc.id));
    expect(row!.version).toBe(svc.version);

    const edited = await admin.put(`/api/resources/services/${svc.id}`, {
      ...serviceBody(org.body.id, { name: '丘の上デイ', location: { address: '藤沢市辻堂2-2' } }),
      careItems: [{ code: 'oxygen', acceptance: 'accepted' }],
      version: svc.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const byItem = await search(`careItem=oxygen&municipalityCode=142051`);
    expect(byItem.items.map((i) => i.id)).toContain(svc.id);

    const closed = await admin.put(`/api/resources/services/${svc.id}`, {
      ...serviceBody(org.body.id, { name: '丘の上デイ', location: { address: '藤沢市辻堂2-2' } }),
      status: 'inactive',
      version: edited.body.version,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(await find('丘の上デイ')).toEqual([]);
    expect((await search(`careItem=oxygen&municipalityCode=142051`)).items.map((i) => i.id)).not.toContain(
      svc.id,
    );
  });
});

describe('a broad search', () => {
  it('counts up to the cap, then pages by name with fresh listings before stale ones, without gaps or repeats', async () => {
    const now = t.clock.now();
    const f = { careItem: [], page: 1, pageSize: 1, prefecture: '14' };
    const all = await publicSearch(t.db.systemDb, { ...f, pageSize: 100 }, now);
    expect(all.totalCapped).toBe(false);
    const n = all.total;
    expect(n).toBeGreaterThanOrEqual(4);
    // The same search with a cap below its size: total is the cap, flagged; pages walk every listing once.
    const seen: { id: string; name: string; stale: boolean }[] = [];
    for (let page = 1; page <= n + 1; page++) {
      const r = await publicSearch(t.db.systemDb, { ...f, page }, now, 2);
      expect(r.totalCapped).toBe(true);
      expect(r.total).toBe(2);
      seen.push(...r.items);
    }
    expect(seen.map((i) => i.id).sort()).toEqual(all.items.map((i) => i.id).sort());
    const firstStale = seen.findIndex((i) => i.stale);
    expect(firstStale).toBeGreaterThan(0); // the earlier test left one stale listing
    expect(seen.slice(firstStale).every((i) => i.stale)).toBe(true);
    const fresh = seen.slice(0, firstStale).map((i) => i.name);
    expect(fresh).toEqual([...fresh].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('a type over the whole country', () => {
  it('finds by type and age alone, unknown age bounds counting as open', async () => {
    const ids = async (qs: string) => (await search(qs)).items.map((i) => i.name);
    // 海風訪問看護ステーション has no age bounds; さくら児童発達支援センター serves 0–6.
    expect(await ids('type=home_visit_nursing&age=17')).toEqual(['海風訪問看護ステーション']);
    expect(await ids('type=child_development_support&age=3')).toEqual(['さくら児童発達支援センター']);
    expect(await ids('type=child_development_support&age=7')).toEqual([]);
  });
});

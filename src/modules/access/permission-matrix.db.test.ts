/**
 * Permission matrix: for every role and every endpoint that returns children's personal data, each user sees
 * exactly its scope — lists contain exactly the expected records and direct requests by id for any other
 * record answer 404. The expected sets come from the fixture's own bookkeeping (an oracle independent of SQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import {
  generateTotpSecret,
  makeCentre,
  makeChild,
  makeOrganisation,
  makePrefecture,
  makeRegion,
  makeUser,
} from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { ROLES, type Role } from './roles';

type World = Awaited<ReturnType<typeof buildWorld>>;
let t: TestApp;
let w: World;

// 神奈川 (14): region A = 藤沢市 142051, 茅ヶ崎市 142077; region B = 平塚市 142034. 熊本 (43): 熊本市 431001.
async function buildWorld(t: TestApp) {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const regionA = await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
  const regionB = await makeRegion(db, '14', '湘南西部', ['142034']);
  const region43 = await makeRegion(db, '43', '熊本市', ['431001']);
  const hq = await makeCentre(db, '14', { kind: 'hq', name: '本部' });
  const branchA = await makeCentre(db, '14', {
    kind: 'branch',
    parentId: hq.id,
    name: '湘南東部支部',
    regionIds: [regionA.id],
  });
  const providerA = await makeOrganisation(db, '14', { kind: 'provider', municipalityCode: '142051' });
  const provider43 = await makeOrganisation(db, '43', { kind: 'provider', municipalityCode: '431001' });

  const kids = {
    fujisawa1: await makeChild(db, '14', '142051', { organisationId: providerA.id }),
    fujisawa2: await makeChild(db, '14', '142051'),
    chigasaki: await makeChild(db, '14', '142077'),
    hiratsuka: await makeChild(db, '14', '142034', { organisationId: providerA.id }),
    yokohama: await makeChild(db, '14', '141003'), // in no region
    kumamoto: await makeChild(db, '43', '431001', { organisationId: provider43.id }),
  };
  const all = Object.values(kids).map((k) => k.id);
  const of = (...names: (keyof typeof kids)[]) => names.map((n) => kids[n].id);

  /** Each test user with the child ids it must see. */
  const cases: { label: string; role: Role; opts: Parameters<typeof makeUser>[2]; expected: string[] }[] = [
    { label: 'system administrator', role: 'system_admin', opts: { prefectureCode: null }, expected: [] },
    {
      label: 'centre administrator (14)',
      role: 'centre_admin',
      opts: { prefectureCode: '14' },
      expected: of('fujisawa1', 'fujisawa2', 'chigasaki', 'hiratsuka', 'yokohama'),
    },
    {
      label: 'centre staff, whole prefecture',
      role: 'centre_staff',
      opts: { prefectureCode: '14' },
      expected: of('fujisawa1', 'fujisawa2', 'chigasaki', 'hiratsuka', 'yokohama'),
    },
    {
      label: 'centre staff, branch A',
      role: 'centre_staff',
      opts: { prefectureCode: '14', centreId: branchA.id },
      expected: of('fujisawa1', 'fujisawa2', 'chigasaki'),
    },
    {
      label: 'regional coordinator, region B',
      role: 'regional_coordinator',
      opts: { prefectureCode: '14', regionId: regionB.id },
      expected: of('hiratsuka'),
    },
    {
      label: 'municipal staff, 藤沢市',
      role: 'municipal_staff',
      opts: { prefectureCode: '14', municipalityCode: '142051' },
      expected: of('fujisawa1', 'fujisawa2'),
    },
    {
      label: 'municipal staff, 茅ヶ崎市 education division',
      role: 'municipal_staff',
      opts: { prefectureCode: '14', municipalityCode: '142077', division: 'education' },
      expected: of('chigasaki'),
    },
    {
      label: 'provider staff, provider A',
      role: 'provider_staff',
      opts: { prefectureCode: '14', organisationId: providerA.id },
      expected: of('fujisawa1', 'hiratsuka'),
    },
    {
      label: 'auditor (14)',
      role: 'auditor',
      opts: { prefectureCode: '14' },
      expected: of('fujisawa1', 'fujisawa2', 'chigasaki', 'hiratsuka', 'yokohama'),
    },
    {
      label: 'centre staff (43)',
      role: 'centre_staff',
      opts: { prefectureCode: '43' },
      expected: of('kumamoto'),
    },
    {
      label: 'regional coordinator (43)',
      role: 'regional_coordinator',
      opts: { prefectureCode: '43', regionId: region43.id },
      expected: of('kumamoto'),
    },
  ];
  const users = [];
  for (const c of cases) {
    const totpSecret = generateTotpSecret();
    const user = await makeUser(db, c.role, { ...c.opts, totpSecret });
    users.push({ ...c, user, totpSecret });
  }
  // A learner of 14: no child at all, not even as a count (refused by role, access/learner-fence.ts).
  const learner = await makeUser(db, 'learner', { prefectureCode: '14' });
  return { all, users, learner };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
}, 60_000);
afterAll(() => t.close());

describe('permission matrix', () => {
  it('covers every role', () => {
    const covered = new Set([...w.users.map((u) => u.role), w.learner.role]);
    for (const role of ROLES) expect(covered.has(role), role).toBe(true);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'case %i: lists, reads by id and figures match the scope exactly',
    async (i) => {
      const c = w.users[i]!;
      const client = await signInAs(t, c.user, c.totpSecret);

      // GET /api/children — the list is exactly the expected set (pages of 2 to exercise paging).
      const seen: string[] = [];
      for (let page = 1; page <= 10; page++) {
        const res = await client.get(`/api/children?pageSize=2&page=${page}`);
        expect(res.status, c.label).toBe(200);
        seen.push(...res.body.items.map((x: { id: string }) => x.id));
        expect(res.body.total, c.label).toBe(c.expected.length);
        if (res.body.items.length < 2) break;
      }
      expect(seen.sort(), c.label).toEqual([...c.expected].sort());

      // GET /api/children/:id — 200 inside the scope, 404 for every other record (other areas, other prefecture).
      for (const id of w.all) {
        const res = await client.get(`/api/children/${id}`);
        expect(res.status, `${c.label} → ${id}`).toBe(c.expected.includes(id) ? 200 : 404);
        if (res.status === 404) expect(res.body.error.code).toBe('not_found');
      }

      // Filters cannot widen the scope: asking for another municipality returns nothing outside it.
      const other = await client.get('/api/children?municipality=431001');
      expect(
        other.body.items.every((x: { id: string }) => c.expected.includes(x.id)),
        c.label,
      ).toBe(true);

      // GET /api/home/figures — aggregates over exactly the same records.
      const figures = await client.get('/api/home/figures');
      expect(figures.status).toBe(200);
      if (c.expected.length === 0 && c.role === 'system_admin') expect(figures.body.children).toBeNull();
      else expect(figures.body.children.total, c.label).toBe(c.expected.length);
    },
  );

  it('refuses a learner every child, list and figure alike, with the same 403 for real and unknown ids', async () => {
    const client = await signInAs(t, w.learner);
    const paths = [
      '/api/children',
      '/api/children?municipality=142051',
      '/api/children/export',
      '/api/home/figures',
      '/api/transitions',
      ...w.all.flatMap((id) => [`/api/children/${id}`, `/api/children/${id}/history`]),
      '/api/children/00000000-0000-4000-8000-000000000000',
    ];
    for (const path of paths) {
      const res = await client.get(path);
      expect([res.status, res.body.error?.code], path).toEqual([403, 'forbidden']);
    }
  });

  it('answers 401 to every personal-data endpoint without a session', async () => {
    const { TestClient } = await import('../../test/app');
    const anon = new TestClient(t);
    for (const path of ['/api/children', `/api/children/${w.all[0]}`, '/api/home/figures']) {
      expect((await anon.get(path)).status, path).toBe(401);
    }
  });

  it('records every list and read in the audit log', async () => {
    const c = w.users.find((u) => u.role === 'municipal_staff')!;
    const client = await signInAs(t, c.user, c.totpSecret);
    const { auditLog } = await import('../../db/schema');
    const { and, eq, sql } = await import('drizzle-orm');
    const reads = () =>
      t.db.systemDb
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorUserId, c.user.id),
            eq(auditLog.action, 'read'),
            sql`${c.expected[0]} = any(${auditLog.entityIds})`,
          ),
        );
    const before = (await reads()).length;
    const res = await client.get(`/api/children/${c.expected[0]}`);
    const after = await reads();
    expect(after.length).toBe(before + 1);
    expect(after.map((e) => e.requestId)).toContain(res.headers.get('x-request-id'));
  });
});

/**
 * Consent and moves shape the municipal scope: a child whose guardian has not agreed to sharing with the
 * municipality is withheld from its staff (counted, never listed or opened) while the centre sees it; a
 * moved child belongs to the new municipality and region, and the old municipality keeps only the
 * former-residence view by id.
 */
describe('permission matrix: consent and moves', () => {
  let t2: TestApp;
  let ids: { withheld: string; shared: string; moved: string };
  const clients = {} as Record<'fujisawa' | 'hiratsuka' | 'centre' | 'regionA' | 'regionB', TestClient>;

  beforeAll(async () => {
    t2 = await createTestApp();
    const db = t2.db.systemDb;
    await makePrefecture(db, '14');
    const regionA = await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
    const regionB = await makeRegion(db, '14', '湘南西部', ['142034']);
    const sign = async (role: Role, opts: Parameters<typeof makeUser>[2]) => {
      const totpSecret = generateTotpSecret();
      return signInAs(t2, await makeUser(db, role, { ...opts, totpSecret }), totpSecret);
    };
    clients.fujisawa = await sign('municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
    clients.hiratsuka = await sign('municipal_staff', { prefectureCode: '14', municipalityCode: '142034' });
    clients.centre = await sign('centre_staff', { prefectureCode: '14' });
    clients.regionA = await sign('regional_coordinator', { prefectureCode: '14', regionId: regionA.id });
    clients.regionB = await sign('regional_coordinator', { prefectureCode: '14', regionId: regionB.id });
    ids = {
      withheld: (await makeChild(db, '14', '142051', { consent: false })).id,
      shared: (await makeChild(db, '14', '142051')).id,
      moved: (await makeChild(db, '14', '142051', { createdAt: new Date('2024-04-01T00:00:00Z') })).id,
    };
    const moved = await clients.centre.post(`/api/children/${ids.moved}/move`, {
      version: 1,
      municipalityCode: '142034',
      movedOn: '2026-01-10',
    });
    if (moved.status !== 200) throw new Error(`move failed: ${JSON.stringify(moved.body)}`);
  }, 60_000);
  afterAll(() => t2.close());

  const listed = async (client: TestClient) => {
    const res = await client.get('/api/children?pageSize=100');
    expect(res.status).toBe(200);
    return { ids: res.body.items.map((i: { id: string }) => i.id).sort(), body: res.body };
  };

  it('withholds a child without consent from its municipal staff, not from the centre', async () => {
    const mine = await listed(clients.fujisawa);
    expect(mine.ids).toEqual([ids.shared]);
    expect(mine.body.total).toBe(1);
    if ('withheld' in mine.body) expect(mine.body.withheld).toBe(1);
    expect((await clients.fujisawa.get(`/api/children/${ids.withheld}`)).status).toBe(404);
    expect((await clients.fujisawa.get(`/api/children/${ids.withheld}/history`)).status).toBe(404);
    expect((await listed(clients.centre)).ids).toEqual([ids.withheld, ids.shared, ids.moved].sort());
    expect((await clients.centre.get(`/api/children/${ids.withheld}`)).status).toBe(200);
    expect((await listed(clients.regionA)).ids).toEqual([ids.withheld, ids.shared].sort());

    const { withheldChildrenCount } = await import('../registry/scope');
    const { resolveActor } = await import('./resolve-actor');
    const { users } = await import('../../db/schema');
    const { eq } = await import('drizzle-orm');
    const [staff] = await t2.db.systemDb
      .select()
      .from(users)
      .where(eq(users.scopeMunicipalityCode, '142051'));
    expect(await withheldChildrenCount(t2.db.systemDb, await resolveActor(t2.db.systemDb, staff!))).toBe(1);
  });

  it('hands a moved child to the new municipality and region; the old one keeps the former-residence view', async () => {
    expect((await listed(clients.hiratsuka)).ids).toEqual([ids.moved]);
    const full = await clients.hiratsuka.get(`/api/children/${ids.moved}`);
    expect(full.body).toMatchObject({ access: 'full', municipalityCode: '142034' });
    expect((await listed(clients.regionB)).ids).toEqual([ids.moved]);
    expect((await clients.regionA.get(`/api/children/${ids.moved}`)).status).toBe(404);

    expect((await listed(clients.fujisawa)).ids).not.toContain(ids.moved);
    const former = await clients.fujisawa.get(`/api/children/${ids.moved}`);
    expect(former.status).toBe(200);
    expect(former.body).toMatchObject({
      access: 'former_residence',
      municipalityCode: '142051',
      residences: [{ municipalityCode: '142051', toDate: '2026-01-10' }],
    });
    const history = await clients.fujisawa.get(`/api/children/${ids.moved}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([]); // the record's only entry is the move itself
  });
});

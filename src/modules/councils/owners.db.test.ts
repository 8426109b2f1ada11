/**
 * The owner picker of action items: the people it lists are exactly those whom the one-reader rule
 * (`readableBody` through each person's own policy) lets read the body — for a body of the prefecture, of a
 * branch and of a region, with a member from elsewhere — and it reads them in the same few statements for 40
 * people as for 10 (no statement per person), on both engines. Counted at the driver, as
 * access/statements-per-request.db.test.ts does.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { spyOnDriver } from '../../test/driver-spy';
import { makeUser } from '../../test/factories';
import { resolveActor } from '../access/resolve-actor';
import { OWNER_ROLES } from './owners';
import { councilPolicyFor, readableBody } from './scope';
import { type CouncilWorld, councilWorld, regionalBody } from './testing';

let t: TestApp;
let w: CouncilWorld;
const bodies: Record<'prefecture' | 'branch' | 'regionA' | 'regionB', string> = {
  prefecture: '',
  branch: '',
  regionA: '',
  regionB: '',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
  const create = async (over: Record<string, unknown>) => {
    const res = await w.users.admin.post('/api/councils/bodies', regionalBody(w.regionA.id, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  bodies.prefecture = await create({ kind: 'prefectural_council', name: '県 検討会議', ownerRegionId: null });
  bodies.branch = await create({
    kind: 'branch_meeting',
    name: '支部会議',
    ownerCentreId: w.branch.id,
    ownerRegionId: null,
  });
  bodies.regionA = await create({});
  bodies.regionB = await create({ name: '県央圏域 協議会', ownerRegionId: w.regionB.id });
  // 厚木市's staff sit on region A's council: being a current member lets them read it.
  const member = await w.users.admin.post(`/api/councils/bodies/${bodies.regionA}/members`, {
    name: '厚木市 障害福祉課',
    userId: w.ids.municipalB,
    category: 'government',
    termFrom: '2025-04-01',
  });
  expect(member.status).toBe(201);
}, 60_000);
afterAll(() => t.close());

/** Who reads the body, asked of each active user of the prefecture one by one through their own policy. */
async function readersOneByOne(bodyId: string): Promise<string[]> {
  const db = t.db.systemDb;
  const today = isoDateInJapan(new Date());
  const out: string[] = [];
  for (const u of await db.select().from(users).where(eq(users.prefectureCode, '14'))) {
    if (u.disabledAt || !(OWNER_ROLES as readonly string[]).includes(u.role)) continue;
    const policy = await councilPolicyFor(db, await resolveActor(db, u));
    const ok = await readableBody(db, policy, bodyId, today).then(
      () => true,
      () => false,
    );
    if (ok) out.push(u.id);
  }
  return out.sort();
}

async function picker(client: TestClient, bodyId: string) {
  const res = await client.get(`/api/councils/bodies/${bodyId}/assignees`);
  expect(res.status).toBe(200);
  return res.body.items as { userId: string; isMember: boolean }[];
}

async function statementsOf(client: TestClient, path: string) {
  await client.get(path);
  const spy = spyOnDriver(t.db);
  try {
    const res = await client.get(path);
    expect(res.status, path).toBe(200);
    return { n: spy.query.mock.calls.length, items: res.body.items as unknown[] };
  } finally {
    spy.restore();
  }
}

describe('owner picker', () => {
  it('lists exactly the people who read each body, members with an account first', async () => {
    for (const [key, id] of Object.entries(bodies)) {
      const items = await picker(w.users.admin, id);
      expect(items.map((i) => i.userId).sort(), key).toEqual(await readersOneByOne(id));
    }
    const regionA = await picker(w.users.admin, bodies.regionA);
    expect(regionA[0]).toMatchObject({ userId: w.ids.municipalB, isMember: true });
    expect(regionA.map((i) => i.userId)).toContain(w.ids.municipalA);
    expect(regionA.map((i) => i.userId)).not.toContain(w.ids.coordB);
    // Not the prefecture's internal body for municipal staff; never auditors, providers or learners.
    const prefecture = (await picker(w.users.admin, bodies.prefecture)).map((i) => i.userId);
    expect(prefecture).not.toContain(w.ids.municipalA);
    for (const k of ['auditor', 'provider', 'learner', 'other'] as const) {
      expect(prefecture).not.toContain(w.ids[k]);
    }
  });

  it('refuses as owner someone who cannot read the body, and accepts a member from elsewhere', async () => {
    const meeting = await w.users.admin.post('/api/councils/meetings', {
      bodyId: bodies.regionA,
      title: '第1回',
      startsAt: '2030-05-01T14:00:00+09:00',
      endsAt: '2030-05-01T16:00:00+09:00',
    });
    const add = (ownerUserId: string) =>
      w.users.admin.post(`/api/councils/meetings/${meeting.body.id}/action-items`, {
        title: '資料の準備',
        ownerUserId,
        dueOn: '2030-05-31',
      });
    const refused = await add(w.ids.coordB);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('council_owner_cannot_read');
    expect((await add(w.ids.municipalB)).status).toBe(201);
  });

  it('reads 40 people in as many statements as 10: the body, then everyone at once', async () => {
    const before = await statementsOf(w.users.admin, `/api/councils/bodies/${bodies.regionA}/assignees`);
    const db = t.db.systemDb;
    for (let i = 0; i < 10; i++) {
      await makeUser(db, 'centre_staff', { prefectureCode: '14', centreId: w.branch.id });
      await makeUser(db, 'regional_coordinator', { prefectureCode: '14', regionId: w.regionB.id });
      await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
    }
    const after = await statementsOf(w.users.admin, `/api/councils/bodies/${bodies.regionA}/assignees`);
    expect(after.items.length).toBe(before.items.length + 20);
    expect(after.n).toBe(before.n);
    // The session, the body through the caller's scope, the candidates with their facts.
    expect(after.n).toBeLessThanOrEqual(3);
    expect((await picker(w.users.admin, bodies.regionA)).map((i) => i.userId).sort()).toEqual(
      await readersOneByOne(bodies.regionA),
    );
  });
});

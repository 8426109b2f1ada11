import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { generateTotpSecret, makeChild, makePrefecture, makeRegion, makeUser } from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { resolveActor } from '../access/resolve-actor';
import { idsOf } from './objects';
import { recordAudit } from './record';

let t: TestApp;
let auditor43: TestClient;
let municipal43: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '43');
  await makePrefecture(db, '14');
  const secret = generateTotpSecret();
  const aud = await makeUser(db, 'auditor', { totpSecret: secret });
  const staff = await makeUser(db, 'centre_staff');
  const m43 = await makeUser(db, 'municipal_staff', { municipalityCode: '432016' });
  const other = await makeUser(db, 'centre_admin', { prefectureCode: '14' });
  for (const [u, name] of [
    [aud, '監査 花子'],
    [staff, '支援 一郎'],
    [other, '神奈川 管理'],
  ] as const) {
    await db.update(users).set({ displayName: name }).where(eq(users.id, u.id));
  }
  auditor43 = await signInAs(t, aud, secret);
  municipal43 = await signInAs(t, m43);
  const child = await makeChild(db, '43', '431001', { familyName: '熊本', givenName: '陽葵' });
  const otherChild = await makeChild(db, '14', '142051', { familyName: '藤沢', givenName: '結衣' });
  const region = await makeRegion(db, '43', '熊本圏域', ['431001']);
  Object.assign(ids, {
    staff: staff.id,
    other: other.id,
    child: child.id,
    otherChild: otherChild.id,
    region: region.id,
  });
  const actor = await resolveActor(db, staff);
  const at = new Date('2026-12-06T05:05:00Z');
  await recordAudit(
    db,
    { actor, meta: null, at },
    { action: 'read', entityType: 'child', entityIds: [child.id] },
  );
  await recordAudit(
    db,
    { actor, meta: null, at },
    // Ids of another prefecture in an entry of this one (as a forged or moved record would be) stay unnamed.
    {
      action: 'search',
      entityType: 'child',
      entityIds: [otherChild.id],
      detail: { regionId: region.id, total: 1 },
    },
  );
});
afterAll(() => t.close());

describe('audit log objects and pickers', () => {
  it('names the objects of a page as the reader may see them, and no other', async () => {
    const res = await auditor43.get('/api/audit');
    expect(res.status).toBe(200);
    const { objects, items } = res.body;
    expect(objects[ids.child!]).toEqual({ type: 'child', name: '熊本 陽葵', on: null });
    expect(objects[ids.region!]).toEqual({ type: 'region', name: '熊本圏域', on: null });
    expect(objects[ids.otherChild!]).toBeUndefined();
    const read = items.find((e: { action: string }) => e.action === 'read');
    expect(read).toMatchObject({ actorName: '支援 一郎', entityType: 'child' });
  });

  it('lists the users of the reader’s prefecture to pick who acted, and refuses roles that may not read the log', async () => {
    const res = await auditor43.get('/api/audit/actors');
    expect(res.status).toBe(200);
    const names = res.body.items.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['監査 花子', '支援 一郎']));
    expect(res.body.items.map((u: { id: string }) => u.id)).not.toContain(ids.other);
    expect((await municipal43.get('/api/audit/actors')).status).toBe(403);
    // The picked user filters the list.
    const mine = await auditor43.get(`/api/audit?actor=${ids.staff}`);
    expect(mine.body.items.length).toBe(2);
    expect(mine.body.items.every((e: { actorUserId: string }) => e.actorUserId === ids.staff)).toBe(true);
  });

  it('finds ids in the entity ids and anywhere in the detail', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    expect(
      idsOf({ entityIds: [a, 'not-an-id'], detail: { filter: { regionId: b }, list: [a] } }).sort(),
    ).toEqual([a, b].sort());
  });
});

/**
 * Follow-ups of transitions: a status and an owner per child, 年度 and kind, shown on each row of the list,
 * set within the writer's registry scope, the owner checked against the same scope, audited; the denied
 * stories (auditor, provider, another municipality, a kind the child does not go through) answer as for an
 * unknown child.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makeOrganisation, makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { openWorkbook } from '../../test/xlsx';

let t: TestApp;
let staff: { client: TestClient; id: string };
let fujisawa: { client: TestClient; id: string };
let chigasaki: { client: TestClient; id: string };
let auditor: TestClient;
let provider: TestClient;
let kumamotoStaff: { client: TestClient; id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z'); // 令和8年度: the list defaults to 令和9年度 (2027)
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  ids.entry = (await makeChild(db, '14', '142051', { birthDate: '2020-04-02', givenKana: 'エントリー' })).id;
  ids.nursery = (await makeChild(db, '14', '142051', { birthDate: '2023-04-02' })).id;
  ids.chigasaki = (await makeChild(db, '14', '142077', { birthDate: '2020-06-01' })).id;
  const org = await makeOrganisation(db, '14', { municipalityCode: '142051' });
  const s = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
  staff = { client: s.client, id: s.user.id };
  const f = await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
  fujisawa = { client: f.client, id: f.user.id };
  const c = await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142077' });
  chigasaki = { client: c.client, id: c.user.id };
  auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
  provider = (await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id }))
    .client;
  const k = await signedInUser(t, 'centre_staff', { prefectureCode: '43' });
  kumamotoStaff = { client: k.client, id: k.user.id };
}, 60_000);
afterAll(() => t.close());

type Row = {
  id: string;
  followUp: { status: string; ownerUserId: string | null; ownerName: string | null; version: number };
};

async function rowOf(client: TestClient, kind: string, childId: string) {
  const res = await client.get(`/api/transitions?nendo=2027&kind=${kind}`);
  expect(res.status).toBe(200);
  return (res.body.groups[0].items as Row[]).find((i) => i.id === childId);
}

const set = (client: TestClient, childId: string, body: Record<string, unknown>) =>
  client.patch(`/api/transitions/follow-ups/${childId}`, {
    nendo: 2027,
    kind: 'elementary_entry',
    status: 'in_progress',
    ownerUserId: null,
    version: 0,
    ...body,
  });

describe('transition follow-ups', () => {
  it('shows every row as not started with no owner until someone sets it', async () => {
    expect((await rowOf(staff.client, 'elementary_entry', ids.entry!))?.followUp).toEqual({
      status: 'not_started',
      ownerUserId: null,
      ownerName: null,
      updatedAt: null,
      version: 0,
    });
  });

  it('sets the status and an owner who sees the child, shows them on the row, and audits the change', async () => {
    const res = await set(staff.client, ids.entry!, { ownerUserId: fujisawa.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', ownerUserId: fujisawa.id, version: 1 });
    const row = await rowOf(fujisawa.client, 'elementary_entry', ids.entry!);
    expect(row?.followUp).toMatchObject({ status: 'in_progress', ownerUserId: fujisawa.id, version: 1 });
    expect(row?.followUp.ownerName).toBeTruthy();
    // Kept per kind: the same child's other rows are untouched.
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'child_transitions'), eq(auditLog.action, 'update')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorUserId: staff.id, entityIds: [ids.entry] });
    expect(entry!.detail).toMatchObject({
      nendo: 2027,
      kind: 'elementary_entry',
      status: { from: 'not_started', to: 'in_progress' },
      owner: { from: null, to: fujisawa.id },
    });
  });

  it('refuses a stale version (someone changed it since) with 409', async () => {
    expect((await set(staff.client, ids.entry!, { status: 'done', version: 0 })).status).toBe(409);
    const done = await set(fujisawa.client, ids.entry!, {
      status: 'done',
      ownerUserId: fujisawa.id,
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
  });

  it('carries the follow-up into the .xlsx: status, owner and the day it last changed (Japan)', async () => {
    const res = await t.app.request('/api/transitions?nendo=2027&kind=elementary_entry&format=xlsx&lang=en', {
      headers: { cookie: fujisawa.client.cookie! },
    });
    expect(res.status).toBe(200);
    const sheet = (await openWorkbook(res)).worksheets[0]!;
    expect([10, 11, 12].map((c) => sheet.getRow(1).getCell(c).value)).toEqual([
      'Follow-up',
      'Owner',
      'Follow-up updated',
    ]);
    const row = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(13).value === ids.entry)!;
    expect(row.getCell(10).value).toBe('Done');
    expect(row.getCell(11).value).toBeTruthy();
    // The clock stands at 2026-06-01 12:00 in Japan.
    expect(row.getCell(12).value).toEqual(new Date('2026-06-01T00:00:00Z'));
  });

  it('refuses an owner who cannot see the child: another municipality, another prefecture', async () => {
    for (const owner of [chigasaki.id, kumamotoStaff.id]) {
      const res = await set(staff.client, ids.nursery!, { kind: 'nursery_entry', ownerUserId: owner });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('ownerUserId');
    }
  });

  it('answers 404 for a child outside the writer’s scope or a transition the child does not go through', async () => {
    expect((await set(fujisawa.client, ids.chigasaki!, {})).status).toBe(404);
    expect((await set(kumamotoStaff.client, ids.entry!, { version: 2 })).status).toBe(404);
    expect((await set(staff.client, ids.entry!, { kind: 'turning_18', version: 0 })).status).toBe(404);
    expect((await set(staff.client, ids.entry!, { nendo: 2030, version: 0 })).status).toBe(404);
  });

  it('is read-only for auditors and closed to providers; owners offered only to those who may set it', async () => {
    expect((await set(auditor, ids.entry!, { version: 2 })).status).toBe(403);
    expect((await set(provider, ids.entry!, { version: 2 })).status).toBe(403);
    expect((await auditor.get('/api/transitions/owners')).body).toEqual({ canEdit: false, people: [] });
    const owners = await staff.client.get('/api/transitions/owners');
    expect(owners.body.canEdit).toBe(true);
    const people = (owners.body.people as { id: string }[]).map((p) => p.id);
    expect(people).toEqual(expect.arrayContaining([staff.id, fujisawa.id, chigasaki.id]));
    expect(people).not.toContain(kumamotoStaff.id);
  });

  it('orders each kind’s rows by any column either way, empty values last, and refuses other orders', async () => {
    const ids2 = async (q: string) => {
      const res = await staff.client.get(`/api/transitions?nendo=2027&kind=elementary_entry&${q}`);
      expect(res.status, q).toBe(200);
      return (res.body.groups[0].items as Row[]).map((i) => [i.id, i.followUp.status]);
    };
    // entry is 完了 (done) since the tests above; chigasaki not started.
    expect((await ids2('sort=followUp'))[0]).toEqual([ids.chigasaki, 'not_started']);
    expect((await ids2('sort=followUp&dir=desc'))[0]).toEqual([ids.entry, 'done']);
    expect((await ids2('sort=owner'))[0]![0]).toBe(ids.entry); // the only row with an owner
    expect((await ids2('sort=owner&dir=desc'))[0]![0]).toBe(ids.entry); // no owner stays last
    expect((await ids2('sort=municipality&dir=desc'))[0]![0]).toBe(ids.chigasaki);
    for (const sort of ['kana', 'birthDate', 'region', 'affiliation']) {
      expect((await ids2(`sort=${sort}&dir=desc`)).map((r) => r[0]).sort()).toEqual(
        [ids.entry, ids.chigasaki].sort(),
      );
    }
    expect((await staff.client.get('/api/transitions?sort=family_name')).status).toBe(400);
  });

  it('refuses a status outside the vocabulary', async () => {
    expect((await set(staff.client, ids.entry!, { status: 'finished', version: 2 })).status).toBe(400);
  });
});

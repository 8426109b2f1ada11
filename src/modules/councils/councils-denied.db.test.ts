/**
 * The denied story: another prefecture gets 404 for every endpoint by id, as for an unknown id, and empty lists;
 * municipal staff of another region get 404 for a region's council, and read their own region's without changing
 * it; a regional coordinator does not see another region's council; a prefecture body is hidden from municipal
 * staff unless they are a member; providers and learners are refused everything with the same 403; auditors read
 * and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type CouncilWorld, councilWorld, jst, regionalBody } from './testing';

let t: TestApp;
let w: CouncilWorld;
let regional: { id: string };
let prefectural: { id: string; version: number };
let meeting: { id: string };
let member: { id: string };
let item: { id: string };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
  regional = (await w.users.coordA.post('/api/councils/bodies', regionalBody(w.regionA.id))).body;
  const withMember = await w.users.coordA.post(`/api/councils/bodies/${regional.id}/members`, {
    name: '湘南 太郎',
    category: 'medical',
    termFrom: '2025-04-01',
  });
  member = { id: withMember.body.members[0].id };
  meeting = (
    await w.users.coordA.post('/api/councils/meetings', {
      bodyId: regional.id,
      title: '第1回',
      startsAt: jst(5),
      endsAt: jst(5, '16:00'),
    })
  ).body;
  const withItem = await w.users.coordA.post(`/api/councils/meetings/${meeting.id}/action-items`, {
    title: '資料を送る',
    ownerUserId: w.ids.coordA,
    dueOn: '2030-01-01',
  });
  item = { id: withItem.body.actionItems[0].id };
  prefectural = (
    await w.users.admin.post('/api/councils/bodies', {
      kind: 'prefectural_council',
      name: '神奈川県医療的ケア児等支援検討会議',
    })
  ).body;
}, 60_000);
afterAll(() => t.close());

function calls(
  bodyId: string,
  meetingId: string,
  memberId: string,
  itemId: string,
): [string, string, unknown?][] {
  return [
    ['GET', `/api/councils/bodies/${bodyId}`],
    ['GET', `/api/councils/bodies/${bodyId}/calendar.ics`],
    ['GET', `/api/councils/bodies/${bodyId}/assignees`],
    ['PATCH', `/api/councils/bodies/${bodyId}`, { version: 1, name: 'x' }],
    [
      'POST',
      `/api/councils/bodies/${bodyId}/members`,
      { name: 'x', category: 'family', termFrom: '2025-04-01' },
    ],
    ['POST', `/api/councils/bodies/${bodyId}/meetings/generate`, { version: 1, count: 1 }],
    ['PATCH', `/api/councils/members/${memberId}`, { version: 1, termTo: '2026-03-31' }],
    ['GET', `/api/councils/meetings/${meetingId}`],
    ['PATCH', `/api/councils/meetings/${meetingId}`, { version: 1, title: 'x' }],
    ['PUT', `/api/councils/meetings/${meetingId}/attendance`, { version: 1, entries: [] }],
    [
      'PUT',
      `/api/councils/meetings/${meetingId}/minutes`,
      { version: 1, minutesPublic: '', minutesPrivate: '', decisions: [], publish: false },
    ],
    [
      'POST',
      `/api/councils/meetings/${meetingId}/action-items`,
      { title: 'x', ownerUserId: UNKNOWN, dueOn: '2030-01-01' },
    ],
    ['PATCH', `/api/councils/action-items/${itemId}`, { version: 1, status: 'done' }],
  ];
}

async function statuses(client: TestClient, ids: [string, string, string, string]) {
  const out: number[] = [];
  for (const [method, path, body] of calls(...ids))
    out.push((await client.request(method, path, body)).status);
  return out;
}

const real = () => [regional.id, meeting.id, member.id, item.id] as [string, string, string, string];
const unknown: [string, string, string, string] = [UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN];

describe('councils denied', () => {
  it('another prefecture gets 404 for every endpoint by id, as for an unknown id, and empty lists', async () => {
    const got = await statuses(w.users.other, real());
    expect(got).toEqual(Array(got.length).fill(404));
    expect(await statuses(w.users.other, unknown)).toEqual(got);
    expect((await w.users.other.get('/api/councils/bodies')).body.items).toEqual([]);
    expect((await w.users.other.get('/api/councils/meetings')).body.items).toEqual([]);
  });

  it('municipal staff of another region get 404; of the region, they read but do not change', async () => {
    const b = await statuses(w.users.municipalB, real());
    const writes = [3, 4, 5, 6, 8, 9, 10, 11];
    // Every write is refused before any id is read (no manage area at all); reads are 404.
    expect(b).toEqual(b.map((_, i) => (writes.includes(i) ? 403 : 404)));
    expect((await w.users.municipalB.get('/api/councils/bodies')).body.items).toEqual([]);
    const a = await statuses(w.users.municipalA, real());
    expect(a).toEqual([200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403]);
    expect(
      (await w.users.municipalA.get('/api/councils/bodies')).body.items.map((x: { id: string }) => x.id),
    ).toEqual([regional.id]);
  });

  it('a coordinator of another region does not see the region’s council, but reads the prefecture’s', async () => {
    expect((await w.users.coordB.get(`/api/councils/bodies/${regional.id}`)).status).toBe(404);
    expect((await w.users.coordB.get(`/api/councils/meetings/${meeting.id}`)).status).toBe(404);
    expect((await w.users.coordB.get(`/api/councils/bodies/${prefectural.id}`)).status).toBe(200);
    expect(
      (await w.users.coordB.patch(`/api/councils/bodies/${prefectural.id}`, { version: 1, name: 'x' }))
        .status,
    ).toBe(403);
    // Branch staff manage their region's council too.
    expect((await w.users.branchStaff.get(`/api/councils/bodies/${regional.id}`)).body.canManage).toBe(true);
  });

  it('a prefecture body is hidden from municipal staff until they are a member', async () => {
    expect((await w.users.municipalA.get(`/api/councils/bodies/${prefectural.id}`)).status).toBe(404);
    const added = await w.users.admin.post(`/api/councils/bodies/${prefectural.id}/members`, {
      name: '藤沢市 担当',
      userId: w.ids.municipalA,
      category: 'government',
      termFrom: '2025-04-01',
    });
    expect(added.status).toBe(201);
    const page = await w.users.municipalA.get(`/api/councils/bodies/${prefectural.id}`);
    expect(page.status).toBe(200);
    expect(page.body.canManage).toBe(false);
  });

  it('providers and learners are refused every endpoint with the same 403, real ids or not', async () => {
    for (const client of [w.users.provider, w.users.learner]) {
      const got = await statuses(client, real());
      expect(got).toEqual(Array(got.length).fill(403));
      expect(await statuses(client, unknown)).toEqual(got);
      expect((await client.get('/api/councils/bodies')).status).toBe(403);
      expect((await client.get('/api/councils/action-items/mine')).status).toBe(403);
      expect((await client.get('/api/councils/calendar-feed')).status).toBe(403);
    }
  });

  it('auditors read everything of the prefecture and change nothing', async () => {
    const got = await statuses(w.users.auditor, real());
    expect(got).toEqual([200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403]);
    expect(await statuses(w.users.auditor, unknown)).toEqual([
      404, 404, 404, 403, 403, 403, 403, 404, 403, 403, 403, 403, 403,
    ]);
  });
});

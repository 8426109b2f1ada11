/**
 * An issue raised from a four-division meeting's minutes (source kind `hearing`: any engagement): the issue names
 * the meeting — its kind, subject and day — to readers of that municipality's engagements, and not to others; the
 * meeting's page finds the issues raised from it (`GET /api/regional-issues?sourceKind=&sourceId=`, whatever
 * their state, within the reader's issue scope); an engagement the caller cannot see cannot be named as a source
 * (404, as for an unknown id, and nothing is stored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { engagementBody } from '../engagements/testing';

let t: TestApp;
let w: ConsultationWorld;
let meetingId = '';
let issueId = '';

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const res = await w.users.fujisawa.client.post(
    '/api/engagements',
    engagementBody('four_division', '142051', '2026-06-01', {
      subject: '第2回 4課協議（藤沢市）',
      notes: '保育所での一時預かりの受け入れ先がないことを地域課題として提起する。',
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  meetingId = res.body.id;
}, 60_000);
afterAll(() => t.close());

const list = (client: ConsultationWorld['users']['centre']['client'], id = meetingId) =>
  client.get(`/api/regional-issues?sourceKind=hearing&sourceId=${id}`);

describe('an issue raised from a four-division meeting', () => {
  it('names the meeting by kind, subject and day to readers of its engagements', async () => {
    const res = await w.users.fujisawa.client.post('/api/regional-issues', {
      title: '医療的ケア児の一時預かり先がない',
      description: '4課協議で保育課から報告があった。',
      source: { kind: 'hearing', id: meetingId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    issueId = res.body.id;
    expect(res.body.municipality).toEqual({ code: '142051', name: '藤沢市' });
    const expected = {
      kind: 'hearing',
      id: meetingId,
      visible: true,
      label: '第2回 4課協議（藤沢市）',
      engagementKind: 'four_division',
      on: '2026-06-01',
    };
    expect(res.body.source).toEqual(expected);
    const read = await w.users.coordA.client.get(`/api/regional-issues/${issueId}`);
    expect(read.body.source).toEqual(expected);
  });

  it('is found from the meeting’s page, whatever its state, only by readers of the issue', async () => {
    const centre = await list(w.users.centre.client);
    expect(centre.status).toBe(200);
    expect(centre.body.items.map((i: { id: string }) => i.id)).toEqual([issueId]);
    const closed = await w.users.centre.client.post(`/api/regional-issues/${issueId}/close`, {
      outcome: 'resolved',
      note: '市の保育課で対応することになった。',
      version: (await w.users.centre.client.get(`/api/regional-issues/${issueId}`)).body.version,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((await list(w.users.fujisawa.client)).body.items).toHaveLength(1);
    // 茅ヶ崎市 reads its region's issues as a whole, not 藤沢市's; 平塚市 is in another region.
    expect((await list(w.users.chigasaki.client)).body.items).toHaveLength(0);
    expect((await list(w.users.hiratsuka.client)).body.items).toHaveLength(0);
    // Another record has none.
    expect(
      (await list(w.users.centre.client, '00000000-0000-4000-8000-000000000000')).body.items,
    ).toHaveLength(0);
  });

  it('does not name the meeting to a reader outside its municipality’s engagements', async () => {
    // An issue of 湘南東部 as a whole: 茅ヶ崎市's staff read it, but not 藤沢市's engagements.
    const res = await w.users.centre.client.post('/api/regional-issues', {
      title: '湘南東部の課題',
      description: '圏域全体の課題。',
      regionId: w.regionA.id,
      source: { kind: 'hearing', id: meetingId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const chigasaki = await w.users.chigasaki.client.get(`/api/regional-issues/${res.body.id}`);
    expect(chigasaki.status).toBe(200);
    expect(chigasaki.body.source).toEqual({ kind: 'hearing', id: meetingId, visible: false, label: null });
  });

  it('refuses a meeting the caller cannot see as a source, storing nothing', async () => {
    const before = (await w.users.chigasaki.client.get('/api/regional-issues?status=all')).body.items.length;
    const res = await w.users.chigasaki.client.post('/api/regional-issues', {
      title: '茅ヶ崎市の課題',
      description: '藤沢市の会議を名指しする。',
      source: { kind: 'hearing', id: meetingId },
    });
    expect(res.status).toBe(404);
    const unknown = await w.users.centre.client.post('/api/regional-issues', {
      title: '不明な記録',
      description: '存在しない記録。',
      municipalityCode: '142051',
      source: { kind: 'hearing', id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(404);
    expect((await w.users.chigasaki.client.get('/api/regional-issues?status=all')).body.items).toHaveLength(
      before,
    );
  });
});

/**
 * The councils story: a region's council is created with its charter and schedule, members are added with
 * term, affiliation and category, meetings are planned from the schedule, attendance (members only), minutes
 * with a public and a non-public part, decisions and action items that stay on their owner's list until done;
 * bad input changes nothing and stale versions answer 409.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councilAttendance, councilMeetings, users } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { currentNendo } from '../../shared/nendo';
import { createTestApp, type TestApp } from '../../test/app';
import { resolveActor } from '../access/resolve-actor';
import { councilCounts } from './summary';
import { type CouncilWorld, councilWorld, jst, regionalBody } from './testing';

let t: TestApp;
let w: CouncilWorld;
// biome-ignore lint/suspicious/noExplicitAny: test bodies are read freely
let body: any;
let meetingId: string;
const members: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
}, 60_000);
afterAll(() => t.close());

async function meetingCount(bodyId: string) {
  return (await t.db.systemDb.select().from(councilMeetings).where(eq(councilMeetings.bodyId, bodyId)))
    .length;
}

describe('councils', () => {
  it('a coordinator creates the region’s council with charter and schedule; its next dates are shown', async () => {
    const res = await w.users.coordA.post('/api/councils/bodies', regionalBody(w.regionA.id));
    expect(res.status).toBe(201);
    body = res.body;
    expect(body.owner).toMatchObject({ tier: 'region', name: '湘南東部' });
    expect(body.canManage).toBe(true);
    expect(body.charter).toContain('設置要綱');
    expect(body.nextScheduledDates).toHaveLength(6);
    // Every second Wednesday, every two months.
    for (const d of body.nextScheduledDates as string[]) {
      expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(3);
      expect(Number(d.slice(8, 10))).toBeGreaterThanOrEqual(8);
      expect(Number(d.slice(8, 10))).toBeLessThanOrEqual(14);
    }
  });

  it('renders the charter from Markdown; HTML written in it never reaches the page as markup', async () => {
    expect(body.charterHtml).toMatch(
      /^<h1>設置要綱<\/h1>\n<p>第1条 この会は、圏域の医療的ケア児等の支援について協議する。<\/p>\n?$/,
    );
    const hostile = [
      '# 設置要綱',
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[要綱の原本](javascript:alert(3)) と [県の頁](https://www.pref.kanagawa.jp/)',
      '![図](https://example.org/x.png)',
    ].join('\n\n');
    const res = await w.users.coordA.patch(`/api/councils/bodies/${body.id}`, {
      version: body.version,
      charter: hostile,
    });
    expect(res.status).toBe(200);
    const html: string = res.body.charterHtml;
    expect(res.body.charter).toBe(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://www.pref.kanagawa.jp/" rel="noopener noreferrer">県の頁</a>');
    // Put back for the rest of the story.
    const back = await w.users.coordA.patch(`/api/councils/bodies/${body.id}`, {
      version: res.body.version,
      charter: regionalBody(w.regionA.id).charter,
    });
    expect(back.status).toBe(200);
    body = back.body;
  });

  it('refuses an incomplete schedule with a clear message', async () => {
    const res = await w.users.coordA.post(
      '/api/councils/bodies',
      regionalBody(w.regionA.id, { scheduleWeekday: null }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('council_schedule_incomplete');
    expect(res.body.error.issues[0].path).toBe('scheduleWeekday');
  });

  it('adds members with term, affiliation and category', async () => {
    const today = isoDateInJapan(new Date());
    const add = async (key: string, m: Record<string, unknown>) => {
      const res = await w.users.coordA.post(`/api/councils/bodies/${body.id}/members`, m);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      members[key] = res.body.members.find((x: { name: string }) => x.name === m.name).id;
      body = res.body;
    };
    await add('chair', {
      name: '湘南 太郎',
      category: 'medical',
      role: 'chair',
      affiliation: '湘南医療センター',
      termFrom: '2025-04-01',
      termTo: '2027-03-31',
    });
    await add('city', {
      name: '藤沢市 障害福祉課',
      userId: w.ids.municipalA,
      category: 'government',
      affiliation: '藤沢市',
      termFrom: '2025-04-01',
    });
    await add('family', { name: '家族会 代表', category: 'parents_group', termFrom: '2025-04-01' });
    await add('former', {
      name: '前任 委員',
      category: 'education',
      termFrom: '2023-04-01',
      termTo: '2025-03-31',
    });
    expect(body.members.filter((m: { current: boolean }) => m.current)).toHaveLength(3);
    const bad = await w.users.coordA.post(`/api/councils/bodies/${body.id}/members`, {
      name: 'x',
      category: 'welfare',
      termFrom: today,
      termTo: '2000-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('termTo');
  });

  it('plans meetings from the schedule once per version; a stale version plans nothing', async () => {
    const res = await w.users.coordA.post(`/api/councils/bodies/${body.id}/meetings/generate`, {
      version: body.version,
      count: 2,
    });
    expect(res.status).toBe(200);
    expect(res.body.created).toHaveLength(2);
    const again = await w.users.coordA.post(`/api/councils/bodies/${body.id}/meetings/generate`, {
      version: body.version,
      count: 2,
    });
    expect(again.status).toBe(409);
    expect(await meetingCount(body.id)).toBe(2);
    const page = await w.users.coordA.get(`/api/councils/bodies/${body.id}`);
    expect(page.body.meetings).toHaveLength(2);
    expect(page.body.nextScheduledDates).not.toContain(page.body.meetings[0].startsAt.slice(0, 10));
  });

  it('refuses a meeting that ends before it starts, and creates nothing', async () => {
    const res = await w.users.coordA.post('/api/councils/meetings', {
      bodyId: body.id,
      title: '臨時会',
      startsAt: jst(-3, '15:00'),
      endsAt: jst(-3, '14:00'),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('council_meeting_ends_before_start');
    expect(res.body.error.ja).toContain('終了');
    expect(await meetingCount(body.id)).toBe(2);
    const ok = await w.users.coordA.post('/api/councils/meetings', {
      bodyId: body.id,
      title: '第2回 協議会',
      startsAt: jst(-3, '14:00'),
      endsAt: jst(-3, '16:00'),
      agenda: '1. 災害時の電源確保\n2. 短期入所の不足',
    });
    expect(ok.status).toBe(201);
    meetingId = ok.body.id;
    expect(ok.body.place).toBe('藤沢市役所 本庁舎5階 会議室');
    // The attendance sheet lists the members on the day, not the former one.
    expect(ok.body.attendance.map((a: { name: string }) => a.name).sort()).toEqual(
      ['家族会 代表', '湘南 太郎', '藤沢市 障害福祉課'].sort(),
    );
  });

  it('records attendance for members only; anyone else is refused and nothing is written', async () => {
    const page = (await w.users.coordA.get(`/api/councils/meetings/${meetingId}`)).body;
    const notMember = await w.users.coordA.put(`/api/councils/meetings/${meetingId}/attendance`, {
      version: page.version,
      entries: [
        { memberId: members.chair, status: 'present' },
        { memberId: members.former, status: 'present' },
      ],
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.code).toBe('council_not_member');
    expect(notMember.body.error.issues).toEqual([expect.objectContaining({ path: 'entries.1.memberId' })]);
    const rows = await t.db.systemDb
      .select()
      .from(councilAttendance)
      .where(eq(councilAttendance.meetingId, meetingId));
    expect(rows).toEqual([]);
    const ok = await w.users.coordA.put(`/api/councils/meetings/${meetingId}/attendance`, {
      version: page.version,
      entries: [
        { memberId: members.chair, status: 'present' },
        { memberId: members.city, status: 'online' },
        { memberId: members.family, status: 'absent' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.attendanceCount).toBe(2);
    const stale = await w.users.coordA.put(`/api/councils/meetings/${meetingId}/attendance`, {
      version: page.version,
      entries: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current.attendanceCount).toBe(2);
  });

  it('publishes minutes only once held; the public site gets the public part only', async () => {
    let page = (await w.users.coordA.get(`/api/councils/meetings/${meetingId}`)).body;
    const minutes = {
      minutesPublic: '災害時の電源確保について、各市の取組を共有した。',
      minutesPrivate: '個別事例（A児・人工呼吸器）の支援状況を確認した。',
      decisions: ['短期入所の不足を県の検討会議に提案する'],
      publish: true,
    };
    const early = await w.users.coordA.put(`/api/councils/meetings/${meetingId}/minutes`, {
      version: page.version,
      ...minutes,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('council_minutes_not_publishable');
    page = (
      await w.users.coordA.patch(`/api/councils/meetings/${meetingId}`, {
        version: page.version,
        status: 'held',
      })
    ).body;
    const res = await w.users.coordA.put(`/api/councils/meetings/${meetingId}/minutes`, {
      version: page.version,
      ...minutes,
    });
    expect(res.status).toBe(200);
    expect(res.body.decisions).toEqual(minutes.decisions);
    expect(res.body.minutesPublishedAt).not.toBeNull();
    const pub = await w.users.provider.get('/api/public/councils/minutes?prefecture=14');
    expect(pub.status).toBe(200);
    expect(pub.body.items).toHaveLength(1);
    expect(pub.body.items[0].minutes).toBe(minutes.minutesPublic);
    expect(JSON.stringify(pub.body)).not.toContain('人工呼吸器');
    expect(JSON.stringify(pub.body)).not.toContain('短期入所の不足を');
    expect((await w.users.provider.get('/api/public/councils/minutes?prefecture=43')).body.items).toEqual([]);
  });

  it('action items go to someone who can see the body, stay on their list until done', async () => {
    const page = (await w.users.coordA.get(`/api/councils/meetings/${meetingId}`)).body;
    const cannot = await w.users.coordA.post(`/api/councils/meetings/${meetingId}/action-items`, {
      title: '短期入所の空き状況を調べる',
      ownerUserId: w.ids.municipalB,
      dueOn: '2030-01-31',
    });
    expect(cannot.status).toBe(400);
    expect(cannot.body.error.code).toBe('council_owner_cannot_read');
    const assignees = (await w.users.coordA.get(`/api/councils/bodies/${body.id}/assignees`)).body.items;
    expect(assignees.map((a: { userId: string }) => a.userId)).toContain(w.ids.municipalA);
    expect(assignees.map((a: { userId: string }) => a.userId)).not.toContain(w.ids.municipalB);
    expect(assignees[0]).toMatchObject({ userId: w.ids.municipalA, isMember: true });
    const res = await w.users.coordA.post(`/api/councils/meetings/${meetingId}/action-items`, {
      title: '短期入所の空き状況を調べる',
      ownerUserId: w.ids.municipalA,
      dueOn: '2020-01-31',
    });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(page.version);
    const mine = (await w.users.municipalA.get('/api/councils/action-items/mine')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'open', overdue: true, canChange: true, bodyName: body.name });
    const item = mine[0];
    expect(
      (
        await w.users.municipalA.patch(`/api/councils/action-items/${item.id}`, {
          version: item.version,
          title: 'x',
        })
      ).status,
    ).toBe(403);
    const done = await w.users.municipalA.patch(`/api/councils/action-items/${item.id}`, {
      version: item.version,
      status: 'done',
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    const stale = await w.users.municipalA.patch(`/api/councils/action-items/${item.id}`, {
      version: item.version,
      status: 'open',
    });
    expect(stale.status).toBe(409);
    expect((await w.users.municipalA.get('/api/councils/action-items/mine?status=open')).body.items).toEqual(
      [],
    );
  });

  it('exports the body’s meetings as an .ics file', async () => {
    const res = await t.app.request(`/api/councils/bodies/${body.id}/calendar.ics`, {
      headers: { cookie: w.users.coordA.cookie!, 'x-forwarded-for': w.users.coordA.ip },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(text).not.toContain('人工呼吸器');
  });

  it('counts meetings held by tier within the reader’s scope', async () => {
    const [admin] = await t.db.systemDb.select().from(users).where(eq(users.id, w.ids.admin));
    const nendo = currentNendo(isoDateInJapan(new Date(Date.now() - 3 * 86_400_000)));
    const counts = await councilCounts(t.db.systemDb, await resolveActor(t.db.systemDb, admin!), nendo);
    expect(counts.heldTotal).toBe(1);
    expect(counts.heldByTier).toEqual({ prefecture: 0, branch: 0, region: 1 });
    expect(counts.heldByKind).toEqual([{ kind: 'regional_council', count: 1 }]);
    const [b] = await t.db.systemDb.select().from(users).where(eq(users.id, w.ids.municipalB));
    const none = await councilCounts(t.db.systemDb, await resolveActor(t.db.systemDb, b!), nendo);
    expect(none.heldTotal).toBe(0);
  });
});

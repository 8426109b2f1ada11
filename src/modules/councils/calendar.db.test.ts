/**
 * The personal calendar feed: issued once (only its hash is kept), fetched without signing in, carrying the
 * meetings of the user's bodies and their action items' due dates but no agenda, minutes or item text; a revoked
 * token answers 404 and fetching it changes nothing; a new address replaces the old one.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeedTokens } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { type CouncilWorld, councilWorld, jst, regionalBody } from './testing';

let t: TestApp;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
  const body = (await w.users.coordA.post('/api/councils/bodies', regionalBody(w.regionA.id))).body;
  await w.users.coordA.post(`/api/councils/bodies/${body.id}/members`, {
    name: '藤沢市 障害福祉課',
    userId: w.ids.municipalA,
    category: 'government',
    termFrom: '2025-04-01',
  });
  const meeting = (
    await w.users.coordA.post('/api/councils/meetings', {
      bodyId: body.id,
      title: '第3回 協議会',
      startsAt: jst(10),
      endsAt: jst(10, '16:00'),
      agenda: 'B児の在宅酸素について',
    })
  ).body;
  await w.users.coordA.post(`/api/councils/meetings/${meeting.id}/action-items`, {
    title: 'C児の訪問看護を調整する',
    ownerUserId: w.ids.municipalA,
    dueOn: '2030-02-28',
  });
}, 60_000);
afterAll(() => t.close());

async function feed(url: string) {
  const res = await t.app.request(new URL(url).pathname);
  // Unfolded (RFC 5545 §3.1): a long line continues on the next after CRLF and a space.
  const text = (await res.text()).replace(/\r\n /g, '');
  return { status: res.status, type: res.headers.get('content-type'), text };
}

describe('personal calendar feed', () => {
  let first: string;

  it('is off until issued; the address is shown once and only its hash is stored', async () => {
    expect((await w.users.municipalA.get('/api/councils/calendar-feed')).body).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const res = await w.users.municipalA.post('/api/councils/calendar-feed', {});
    expect(res.status).toBe(200);
    first = res.body.url;
    expect(first).toMatch(/\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = first.split('/').pop()!.replace('.ics', '');
    const rows = await t.db.systemDb.select().from(calendarFeedTokens);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await w.users.municipalA.get('/api/councils/calendar-feed')).body).toMatchObject({
      active: true,
      url: null,
    });
  });

  it('serves the member’s meetings and due dates without signing in, and no personal details', async () => {
    const res = await feed(first);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/calendar');
    expect(res.text).toContain('SUMMARY:第3回 協議会（湘南東部圏域 医療的ケア児等支援協議会）');
    expect(res.text).toContain('DTSTART;VALUE=DATE:20300228');
    expect(res.text).toContain('宿題の期限');
    expect(res.text).not.toContain('在宅酸素');
    expect(res.text).not.toContain('訪問看護');
  });

  it('answers 404 to an unknown or malformed token', async () => {
    expect(
      (await t.app.request('/api/public/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status,
    ).toBe(404);
    expect((await t.app.request('/api/public/calendar/nope')).status).toBe(404);
  });

  it('a new address replaces the old one; a revoked token answers 404 and changes nothing', async () => {
    const second = (await w.users.municipalA.post('/api/councils/calendar-feed', {})).body.url;
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);
    const off = await w.users.municipalA.delete('/api/councils/calendar-feed');
    expect(off.body.active).toBe(false);
    const before = await t.db.systemDb
      .select()
      .from(calendarFeedTokens)
      .where(eq(calendarFeedTokens.userId, w.ids.municipalA));
    expect((await feed(second)).status).toBe(404);
    expect((await feed(first)).status).toBe(404);
    const after = await t.db.systemDb
      .select()
      .from(calendarFeedTokens)
      .where(eq(calendarFeedTokens.userId, w.ids.municipalA));
    expect(after).toEqual(before);
    expect((await w.users.municipalA.get('/api/councils/calendar-feed')).body.active).toBe(false);
  });

  it('stops serving a user who is disabled', async () => {
    const url = (await w.users.coordA.post('/api/councils/calendar-feed', {})).body.url;
    expect((await feed(url)).status).toBe(200);
    const { users } = await import('../../db/schema');
    await t.db.systemDb.update(users).set({ disabledAt: new Date() }).where(eq(users.id, w.ids.coordA));
    expect((await feed(url)).status).toBe(404);
  });
});

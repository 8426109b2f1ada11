/**
 * The personal calendar feed: issued once (only its hash is kept), fetched without signing in, carrying the
 * meetings of the user's bodies and their action items' due dates but no agenda, minutes or item text; a revoked
 * token answers 404 and fetching it changes nothing; a new address replaces the old one. The audit log gets the
 * issue, the revocation and the first fetch of each token per day (Japan time) — not every poll of a calendar
 * app — and nothing for an unknown or revoked token.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calendarFeedTokens } from '../../db/schema';
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

  it('records the first fetch of a token per day, not every poll; nothing for a revoked or unknown token', async () => {
    const db = t.db.systemDb;
    const feedEntries = () =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'calendar_feed'), eq(auditLog.actorUserId, w.ids.municipalA)))
        .orderBy(auditLog.id);
    const issued = await w.users.municipalA.post('/api/councils/calendar-feed', {});
    const url: string = issued.body.url;
    const tokenId = (
      await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, w.ids.municipalA))
    ).find((r) => r.revokedAt === null)!.id;
    const before = (await feedEntries()).length;

    // A calendar app polling through a day (Japan time) in a week's time: one entry, naming the token and
    // the user. The feed takes no session, so the clock may move on.
    const day = (n: number) => jst(n).slice(0, 10);
    for (const time of ['00:01', '09:35', '14:00', '23:59']) {
      t.clock.current = new Date(`${day(7)}T${time}:00+09:00`);
      expect((await feed(url)).status).toBe(200);
    }
    let entries = (await feedEntries()).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'export',
      entityIds: [tokenId],
      actorUserId: w.ids.municipalA,
      actorRole: 'municipal_staff',
      prefectureCode: '14',
    });
    expect(entries[0]!.detail).toMatchObject({ format: 'ics' });

    // 00:00 in Japan is a new day: one more entry, then none again.
    t.clock.current = new Date(`${day(8)}T00:00:00+09:00`);
    expect((await feed(url)).status).toBe(200);
    expect((await feed(url)).status).toBe(200);
    entries = (await feedEntries()).slice(before);
    expect(entries).toHaveLength(2);
    t.clock.current = new Date();

    // Revoked: its entry names the token; fetching the old address afterwards records nothing at all.
    await w.users.municipalA.delete('/api/councils/calendar-feed');
    const revoked = (await feedEntries()).at(-1)!;
    expect(revoked).toMatchObject({ action: 'delete', entityIds: [tokenId] });
    const all = async () => (await db.select({ id: auditLog.id }).from(auditLog)).length;
    const count = await all();
    t.clock.current = new Date(`${day(9)}T10:00:00+09:00`);
    expect((await feed(url)).status).toBe(404);
    expect(
      (await t.app.request('/api/public/calendar/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB.ics')).status,
    ).toBe(404);
    expect(await all()).toBe(count);
    t.clock.current = new Date();
  });

  it('names the token it replaced when a new address is issued', async () => {
    const first = await w.users.municipalA.post('/api/councils/calendar-feed', {});
    expect(first.status).toBe(200);
    const second = await w.users.municipalA.post('/api/councils/calendar-feed', {});
    expect(second.status).toBe(200);
    const rows = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'calendar_feed'), eq(auditLog.action, 'create')))
      .orderBy(auditLog.id);
    const last = rows.at(-1)!;
    const prev = rows.at(-2)!;
    expect(last.detail).toEqual({ event: 'updated', replaced: prev.entityIds[0] });
  });

  it('stops serving a user who is disabled', async () => {
    const url = (await w.users.coordA.post('/api/councils/calendar-feed', {})).body.url;
    expect((await feed(url)).status).toBe(200);
    const { users } = await import('../../db/schema');
    await t.db.systemDb.update(users).set({ disabledAt: new Date() }).where(eq(users.id, w.ids.coordA));
    expect((await feed(url)).status).toBe(404);
  });
});

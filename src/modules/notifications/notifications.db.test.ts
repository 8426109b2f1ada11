/**
 * Notifications reach exactly their recipients: a user, or the staff of a municipality within its
 * prefecture. Reading one marks it read once; other people's notifications are 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { notify } from './notify';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  await makePrefecture(t.db.systemDb, '43');
}, 60_000);
afterAll(() => t.close());

describe('notifications', () => {
  it('go to the user or to the municipality they are addressed to, and nowhere else', async () => {
    const db = t.db.systemDb;
    const fujisawa = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const colleague = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const chigasaki = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142077',
    });
    const centre = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
    const at = new Date('2026-05-01T00:00:00Z');
    const toTown = await notify(db, {
      prefectureCode: '14',
      recipientMunicipalityCode: '142051',
      kind: 'child_moved_in',
      titleJa: '転入がありました',
      titleEn: 'A child moved in',
      at,
    });
    await notify(db, {
      prefectureCode: '43', // the same code in another tenant's rows never reaches prefecture 14
      recipientMunicipalityCode: '142051',
      kind: 'child_moved_in',
      titleJa: 'x',
      titleEn: 'x',
      at,
    });
    const toCentre = await notify(db, {
      prefectureCode: '14',
      recipientUserId: centre.user.id,
      kind: 'reminder',
      titleJa: 'お知らせ',
      titleEn: 'Notice',
      at: new Date('2026-05-02T00:00:00Z'),
    });

    const a = await fujisawa.client.get('/api/notifications');
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      unread: 1,
      items: [{ id: toTown, kind: 'child_moved_in', readAt: null }],
    });
    expect(
      (await colleague.client.get('/api/notifications')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([toTown]);
    expect((await chigasaki.client.get('/api/notifications')).body).toEqual({ items: [], unread: 0 });
    expect(
      (await centre.client.get('/api/notifications')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([toCentre]);

    // Someone else's notification does not exist for them; a malformed id neither.
    expect((await chigasaki.client.post(`/api/notifications/${toTown}/read`)).status).toBe(404);
    expect((await centre.client.post(`/api/notifications/${toTown}/read`)).status).toBe(404);
    expect((await centre.client.post('/api/notifications/nope/read')).status).toBe(404);

    // Each of the municipality's staff reads its shared notice for themselves; a second reading keeps the first time.
    expect(a.body.items[0].shared).toBe(true);
    const read = await fujisawa.client.post(`/api/notifications/${toTown}/read`);
    expect(read.status).toBe(200);
    const firstRead = read.body.readAt;
    expect(firstRead).not.toBeNull();
    expect((await fujisawa.client.get('/api/notifications')).body.unread).toBe(0);
    const other = await colleague.client.get('/api/notifications');
    expect(other.body.unread).toBe(1);
    expect(other.body.items[0]).toMatchObject({ id: toTown, readAt: null });
    t.clock.advance(60_000);
    const second = await colleague.client.post(`/api/notifications/${toTown}/read`);
    expect(second.body.readAt).not.toBe(firstRead);
    expect((await colleague.client.get('/api/notifications')).body.unread).toBe(0);
    t.clock.advance(60_000);
    expect((await fujisawa.client.post(`/api/notifications/${toTown}/read`)).body.readAt).toBe(firstRead);

    // A notification to one user is theirs alone to read, once.
    const mine = await centre.client.post(`/api/notifications/${toCentre}/read`);
    expect(mine.body).toMatchObject({ id: toCentre, shared: false });
    t.clock.advance(60_000);
    expect((await centre.client.post(`/api/notifications/${toCentre}/read`)).body.readAt).toBe(
      mine.body.readAt,
    );
  });
});

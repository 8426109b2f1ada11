import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { addWorkingDays } from '../../shared/working-days';
import { createTestApp, type TestApp } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { calendarOf } from './calendar';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('extra closed days (/api/calendar/closures)', () => {
  it('the administrators add and remove them, audited; the calendar counts them', async () => {
    const admin = w.users.centreAdmin.client;
    const added = await admin.request('POST', '/api/calendar/closures', {
      closedOn: '2027-01-12',
      label: 'センター移転のため休業',
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ closedOn: '2027-01-12', label: 'センター移転のため休業' });
    const again = await admin.request('POST', '/api/calendar/closures', {
      closedOn: '2027-01-12',
      label: '重複',
    });
    expect(again.status).toBe(409);

    const list = await w.users.fujisawa.client.get('/api/calendar/closures?year=2027');
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.closures.map((c: { closedOn: string }) => c.closedOn)).toEqual(['2027-01-12']);
    expect(list.body.holidays).toContainEqual({
      date: '2027-01-11',
      ja: '成人の日',
      en: 'Coming of Age Day',
    });

    const cal = await calendarOf(t.db.systemDb, '14');
    expect(addWorkingDays('2027-01-08', 1, cal)).toBe('2027-01-13');
    const other = await calendarOf(t.db.systemDb, '43');
    expect(addWorkingDays('2027-01-08', 1, other)).toBe('2027-01-12');

    const removed = await admin.request('DELETE', '/api/calendar/closures?on=2027-01-12');
    expect(removed.status).toBe(204);
    const gone = await admin.request('DELETE', '/api/calendar/closures?on=2027-01-12');
    expect(gone.status).toBe(404);

    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'working_day_closure'));
    expect(audit.map((a) => (a.detail as { event: string }).event).sort()).toEqual(['created', 'deleted']);
  });

  it('denied: other roles may not change them, and another prefecture never sees them', async () => {
    for (const u of [w.users.centre, w.users.coordA, w.users.fujisawa, w.users.auditor]) {
      const res = await u.client.request('POST', '/api/calendar/closures', {
        closedOn: '2027-02-01',
        label: 'x',
      });
      expect(res.status).toBe(403);
    }
    await w.users.centreAdmin.client.request('POST', '/api/calendar/closures', {
      closedOn: '2027-03-01',
      label: '神奈川の休業日',
    });
    const kumamoto = await w.users.centre43.client.get('/api/calendar/closures?year=2027');
    expect(kumamoto.status).toBe(200);
    expect(kumamoto.body.closures).toEqual([]);
    const cross = await w.users.centre43.client.get('/api/calendar/closures?year=2027&prefecture=14');
    expect(cross.status).not.toBe(200);
  });
});

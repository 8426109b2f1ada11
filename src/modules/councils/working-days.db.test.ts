import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { councilRecords } from './testing';

/**
 * Council action items fall overdue in working days (shared/working-days.ts `overdueBefore`), like every other
 * due date of the product: on Monday 7 December 2026, an item due the Friday before is overdue, one due on the
 * Saturday or Sunday falls due that Monday and is not.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-12-07T01:00:00Z'); // Monday, 10:00 in Japan
  await makePrefecture(t.db.systemDb, '14');
}, 60_000);
afterAll(() => t.close());

describe('council action items in working days', () => {
  it('counts a due date on a closed day as the next working day, in the list and the figures', async () => {
    const { client: admin } = await signedInUser(t, 'centre_admin', { prefectureCode: '14' });
    const rec = await councilRecords(admin);
    const me = (await admin.get('/api/auth/session')).body.user.id;
    for (const dueOn of ['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']) {
      const res = await admin.post(`/api/councils/meetings/${rec.councilMeeting}/action-items`, {
        title: `期限 ${dueOn}`,
        ownerUserId: me,
        dueOn,
      });
      expect(res.status).toBe(201);
    }
    const mine = (await admin.get('/api/councils/action-items/mine')).body.items as {
      dueOn: string;
      overdue: boolean;
    }[];
    const overdue = Object.fromEntries(mine.map((i) => [i.dueOn, i.overdue]));
    expect(overdue).toEqual({
      '2026-12-04': true,
      '2026-12-05': false,
      '2026-12-06': false,
      '2026-12-07': false,
      '2030-01-31': false,
    });
    const bodies = (await admin.get('/api/councils/bodies')).body.items as {
      id: string;
      overdueActionItems: number;
    }[];
    expect(bodies.find((b) => b.id === rec.councilBody)!.overdueActionItems).toBe(1);
    const page = (await admin.get(`/api/councils/meetings/${rec.councilMeeting}`)).body;
    expect(page.actionItems.filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(1);
  });
});

/**
 * Issuing certificates evaluates the session inside its transaction, on one connection: its statements go one
 * after another (src/test/busy-connections.ts). Only the PostgreSQL run can fail; PGlite serialises by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { watchBusyConnections } from '../../test/busy-connections';
import { addLearner, attendanceWorld, makeSessionWithDays } from './testing-attendance';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('issuing certificates in one transaction', () => {
  it('sends no statement to its connection while another is running', async () => {
    const w = await attendanceWorld(t);
    const s = await makeSessionWithDays(t, { ownerCentreId: w.branch.id });
    const staff = w.users.branchStaff;
    for (const name of ['湘南 花子', '藤沢 太郎']) {
      const l = await addLearner(t, s.session.id, name);
      for (const d of s.days) {
        const res = await staff.put(
          `/api/learning/sessions/${s.session.id}/days/${d.id}/attendance/${l.applicationId}`,
          { present: true },
        );
        expect(res.status).toBe(200);
      }
    }
    const busy = watchBusyConnections();
    try {
      const res = await staff.post(`/api/learning/sessions/${s.session.id}/certificates`, {});
      expect(res.status).toBe(200);
      expect(res.body.issued).toHaveLength(2);
    } finally {
      busy.stop();
    }
    expect(busy.seen).toEqual([]);
  });
});

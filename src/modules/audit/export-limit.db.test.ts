import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { generateTotpSecret, makePrefecture, makeUser } from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { recordAudit } from './record';

// A cap of 3 rows stands in for the real 100,000 so the refusal can be tested without 100,001 entries.
vi.mock('./export', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./export')>()),
  EXPORT_MAX_ROWS: 3,
}));

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  const secret = generateTotpSecret();
  admin = await signInAs(t, await makeUser(t.db.systemDb, 'centre_admin', { totpSecret: secret }), secret);
});
afterAll(() => t.close());

describe('audit export limit', () => {
  it('refuses an export over the cap and asks to narrow the filter, without recording it', async () => {
    await t.db.systemDb.transaction(async (tx) => {
      for (let i = 0; i < 4; i++) {
        await recordAudit(
          tx,
          { actor: null, meta: null, at: t.clock.now() },
          { action: 'read', entityType: 'child', entityIds: [`c${i}`], prefectureCode: '43' },
        );
      }
    });
    const before = (await admin.get('/api/audit')).body.total;
    expect(before).toBeGreaterThan(3);
    const res = await admin.get('/api/audit/export?format=csv');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues[0].message).toMatch(/絞り込んで.*narrow the filter/);
    expect(res.body.error.detail).toEqual({ total: before, limit: 3 });
    expect((await admin.get('/api/audit?action=export')).body.total).toBe(0);
  });

  it('exports when the filter leaves few enough rows', async () => {
    const res = await admin.get('/api/audit/export?format=csv&action=sign_in');
    expect(res.status).toBe(200);
    expect((await admin.get('/api/audit?action=export')).body.total).toBe(1);
  });
});

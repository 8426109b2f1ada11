import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../db/schema';
import { createTestApp, type TestApp } from '../test/app';
import { generateTotpSecret, makePrefecture, makeRegion, makeUser } from '../test/factories';
import { signInAs } from '../test/sign-in';
import { seedMailPreferences } from './mail-preferences';
import { DEMO_EMAIL_DOMAIN } from './seed';

/** The demo's notification mail choices: what the accounts' pages show, and no mail claimed in the outbox. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
}, 60_000);
afterAll(() => t.close());

describe('demo mail preferences', () => {
  it('shows the coordinator and the municipal account their choices; nothing is mailed without SMTP_URL', async () => {
    const db = t.db.systemDb;
    const region = await makeRegion(db, '14', '湘南東部', ['142051']);
    const secret = generateTotpSecret();
    const coordinator = await makeUser(db, 'regional_coordinator', {
      prefectureCode: '14',
      regionId: region.id,
      email: `regional-coordinator@${DEMO_EMAIL_DOMAIN}`,
      totpSecret: secret,
    });
    const municipal = await makeUser(db, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
      division: 'disability_welfare',
      email: `municipal-staff@${DEMO_EMAIL_DOMAIN}`,
    });
    expect(await seedMailPreferences(db, { domain: DEMO_EMAIL_DOMAIN, now: t.clock.now() })).toBe(2);

    const byKind = async (client: Awaited<ReturnType<typeof signInAs>>) => {
      const res = await client.get('/api/notifications/mail-preferences');
      expect(res.status).toBe(200);
      expect(res.body.mailOn).toBe(false);
      return Object.fromEntries(
        res.body.kinds.map((k: { kind: string; delivery: string }) => [k.kind, k.delivery]),
      );
    };
    expect(await byKind(await signInAs(t, coordinator, secret))).toEqual({
      consultation_request: 'immediate',
      consultation_assigned: 'off',
      consultation_handoff: 'immediate',
      work_reminders: 'digest',
    });
    expect(await byKind(await signInAs(t, municipal))).toMatchObject({
      child_moved_in: 'immediate',
      consultation_request: 'digest',
      work_reminders: 'digest',
    });
    expect(await db.select().from(mailMessages)).toEqual([]);
  });
});

/**
 * Learner accounts end to end: sign-up on the public form (rate-limited, honeypot, no enumeration), the
 * centre's confirmation, sign-in landing as a learner, the profile under optimistic locking with audit, the
 * "my learning" summary; and the denied story — other prefectures, other roles, other learners.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, learnerProfiles, learnerSignUps, users } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeCentre, makeOrganisation, makePrefecture, makeRegion, makeUser } from '../../test/factories';
import { signedInUser, signInAs } from '../../test/sign-in';

let t: TestApp;
let admin: TestClient;
let admin43: TestClient;
let branchStaff: TestClient;
let hospital: { id: string };
let hospital43: { id: string };
let ip = 0;

const anon = () => {
  const c = new TestClient(t);
  c.ip = `203.0.113.${++ip}`;
  return c;
};

const form = (over: Record<string, unknown> = {}) => ({
  displayName: '看護 花子',
  email: `hanako${++ip}@example.jp`,
  password: 'a long enough password',
  profession: 'nurse',
  workplace: { organisationId: hospital.id },
  municipalityCode: '142051',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  hospital = await makeOrganisation(db, '14', {
    kind: 'hospital',
    name: '藤沢市民病院',
    municipalityCode: '142051',
  });
  hospital43 = await makeOrganisation(db, '43', { kind: 'hospital', name: '熊本市民病院' });
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  admin43 = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  const region = await makeRegion(db, '14', '湘南東部', ['142051']);
  const hq = await makeCentre(db, '14', { kind: 'hq' });
  const branch = await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, regionIds: [region.id] });
  branchStaff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: branch.id })).client;
}, 60_000);
afterAll(() => t.close());

async function pendingOf(email: string) {
  const list = await admin.get('/api/learning/learners/sign-ups');
  return list.body.items.find((s: { email: string }) => s.email === email);
}

describe('signing up as a learner', () => {
  it('offers the served prefectures, their municipalities and a workplace search', async () => {
    const options = await anon().get('/api/public/learning/sign-up/options');
    expect(options.body.prefectures.map((p: { code: string }) => p.code)).toEqual(['14', '43']);
    expect(options.body.municipalities.some((m: { code: string }) => m.code === '142051')).toBe(true);
    const found = await anon().get(
      `/api/public/learning/sign-up/workplaces?prefecture=14&q=${encodeURIComponent('市民')}`,
    );
    expect(found.body.items).toEqual([{ id: hospital.id, name: '藤沢市民病院', municipalityName: '藤沢市' }]);
  });

  it('waits for the centre, then signs in as a learner with the password chosen', async () => {
    const body = form();
    const res = await anon().post('/api/public/learning/sign-up', body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ received: true, confirmation: 'centre' });
    // Not an account yet: signing in answers as for an unknown address.
    expect(
      (await anon().post('/api/auth/sign-in', { email: body.email, password: body.password })).status,
    ).toBe(401);

    const pending = await pendingOf(body.email);
    expect(pending).toMatchObject({
      displayName: '看護 花子',
      profession: 'nurse',
      professionGroup: 'medical',
      workplace: { organisationId: hospital.id, organisationName: '藤沢市民病院', name: null },
      municipalityName: '藤沢市',
      status: 'pending',
      emailTaken: false,
    });
    const approved = await admin.post(`/api/learning/learners/sign-ups/${pending.id}/approve`, {
      version: 1,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.items.some((s: { id: string }) => s.id === pending.id)).toBe(false);

    const learner = anon();
    const signedIn = await learner.post('/api/auth/sign-in', { email: body.email, password: body.password });
    expect(signedIn.body).toMatchObject({
      authenticated: true,
      user: { role: 'learner', scopeKind: 'none' },
    });
    const me = await learner.get('/api/learning/me/profile');
    expect(me.body).toMatchObject({ displayName: '看護 花子', profile: { profession: 'nurse', version: 1 } });
    const [row] = await t.db.systemDb.select().from(learnerSignUps).where(eq(learnerSignUps.id, pending.id));
    expect(row).toMatchObject({ status: 'approved', confirmedBy: 'centre', passwordHash: null });
    const events = await t.db.systemDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'learner_sign_up'));
    expect(events.map((e) => (e.detail as { event: string }).event)).toEqual(
      expect.arrayContaining(['learner_signed_up', 'learner_sign_up_approved']),
    );
  });

  it('answers the same for a known address and stores nothing new', async () => {
    const known = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const res = await anon().post('/api/public/learning/sign-up', form({ email: known.email }));
    expect([res.status, res.body]).toEqual([201, { received: true, confirmation: 'centre' }]);
    const twice = form();
    await anon().post('/api/public/learning/sign-up', twice);
    await anon().post('/api/public/learning/sign-up', { ...twice, displayName: '別人' });
    const rows = await t.db.systemDb
      .select()
      .from(learnerSignUps)
      .where(eq(learnerSignUps.email, twice.email));
    expect(rows.map((r) => r.displayName)).toEqual(['看護 花子']);
    expect(
      await t.db.systemDb.select().from(learnerSignUps).where(eq(learnerSignUps.email, known.email)),
    ).toEqual([]);
  });

  it('drops a bot that fills the hidden field, with the usual answer', async () => {
    const body = form({ website: 'https://spam.example' });
    const res = await anon().post('/api/public/learning/sign-up', body);
    expect([res.status, res.body]).toEqual([201, { received: true, confirmation: 'centre' }]);
    expect(
      await t.db.systemDb.select().from(learnerSignUps).where(eq(learnerSignUps.email, body.email)),
    ).toEqual([]);
  });

  it('refuses weak passwords, unknown municipalities and workplaces of another prefecture', async () => {
    const weak = await anon().post('/api/public/learning/sign-up', form({ password: 'short' }));
    expect([weak.status, weak.body.error.code]).toEqual([400, 'weak_password']);
    const nowhere = await anon().post('/api/public/learning/sign-up', form({ municipalityCode: '999999' }));
    expect(nowhere.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['municipalityCode']);
    const elsewhere = await anon().post(
      '/api/public/learning/sign-up',
      form({ workplace: { organisationId: hospital43.id } }),
    );
    expect(elsewhere.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'workplace.organisationId',
    ]);
    const both = await anon().post(
      '/api/public/learning/sign-up',
      form({ workplace: { organisationId: hospital.id, name: 'x' } }),
    );
    expect(both.status).toBe(400);
  });

  it('limits sign-ups per address', async () => {
    const client = anon();
    const answers: number[] = [];
    for (let i = 0; i < 11; i++)
      answers.push((await client.post('/api/public/learning/sign-up', form())).status);
    expect(answers.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it('declines a sign-up: nothing is created and the same address may sign up again', async () => {
    const body = form();
    await anon().post('/api/public/learning/sign-up', body);
    const pending = await pendingOf(body.email);
    expect(
      (await admin.post(`/api/learning/learners/sign-ups/${pending.id}/reject`, { version: 1 })).status,
    ).toBe(200);
    const again = await admin.post(`/api/learning/learners/sign-ups/${pending.id}/approve`, { version: 2 });
    expect([again.status, again.body.error.code]).toEqual([409, 'learner_sign_up_decided']);
    expect(await t.db.systemDb.select().from(users).where(eq(users.email, body.email))).toEqual([]);
    const declined = await admin.get('/api/learning/learners/sign-ups?status=rejected');
    expect(declined.body.items[0]).toMatchObject({ id: pending.id, status: 'rejected' });
    expect((await anon().post('/api/public/learning/sign-up', body)).status).toBe(201);
    expect((await pendingOf(body.email))?.id).not.toBe(pending.id);
  });
});

describe('the learner’s profile and home', () => {
  it('changes the profile under optimistic locking, audited with the fields changed', async () => {
    const learner = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '14' });
    const client = await signInAs(t, learner);
    const empty = await client.get('/api/learning/me/profile');
    expect(empty.body.profile).toBeNull();
    const first = await client.put('/api/learning/me/profile', {
      displayName: '保育 一郎',
      profession: 'nursery_teacher',
      workplace: { name: 'みどり保育園' },
      municipalityCode: '142051',
    });
    expect(first.body).toMatchObject({
      displayName: '保育 一郎',
      profile: {
        professionGroup: 'welfare',
        workplace: { name: 'みどり保育園', organisationId: null },
        version: 1,
      },
    });
    const second = await client.put('/api/learning/me/profile', {
      version: 1,
      displayName: '保育 一郎',
      profession: 'nursery_teacher',
      workplace: { organisationId: hospital.id },
      municipalityCode: '142077',
    });
    expect(second.body.profile).toMatchObject({ version: 2, municipalityName: '茅ヶ崎市' });
    const stale = await client.put('/api/learning/me/profile', {
      version: 1,
      displayName: 'x',
      profession: 'teacher',
      workplace: { name: 'x' },
      municipalityCode: '142051',
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const [profile] = await t.db.systemDb
      .select()
      .from(learnerProfiles)
      .where(eq(learnerProfiles.userId, learner.id));
    expect(profile).toMatchObject({
      version: 2,
      profession: 'nursery_teacher',
      workplaceOrganisationId: hospital.id,
    });
    const audit = await t.db.systemDb
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'learner_profile'), eq(auditLog.actorUserId, learner.id)));
    expect(audit).toEqual([
      {
        action: 'create',
        detail: {
          event: 'learner_profile_changed',
          changed: ['displayName', 'profession', 'workplace', 'municipalityCode'],
        },
      },
      {
        action: 'update',
        detail: { event: 'learner_profile_changed', changed: ['workplace', 'municipalityCode'] },
      },
    ]);
  });

  it('shows "my learning" with nothing yet for a new learner', async () => {
    const client = await signInAs(t, await makeUser(t.db.systemDb, 'learner', { prefectureCode: '14' }));
    const me = await client.get('/api/learning/me');
    expect(me.body).toEqual({ applications: [], upcoming: [], completions: { count: 0, latestOn: null } });
  });
});

describe('denied', () => {
  it('keeps the sign-up queue to whoever manages the whole prefecture’s learning', async () => {
    const body = form();
    await anon().post('/api/public/learning/sign-up', body);
    const pending = await pendingOf(body.email);
    // Another prefecture's administrator: an unknown id, and not in its list.
    const foreign = await admin43.post(`/api/learning/learners/sign-ups/${pending.id}/approve`, {
      version: 1,
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not_found']);
    expect((await admin43.get('/api/learning/learners/sign-ups')).body.items).toEqual([]);
    // Branch staff run their sessions, not the prefecture's accounts; a learner has no say at all.
    const learner = await signInAs(t, await makeUser(t.db.systemDb, 'learner', { prefectureCode: '14' }));
    for (const client of [branchStaff, learner]) {
      expect((await client.get('/api/learning/learners/sign-ups')).status).toBe(403);
      const approve = await client.post(`/api/learning/learners/sign-ups/${pending.id}/approve`, {
        version: 1,
      });
      expect(approve.status).toBe(403);
    }
    expect((await pendingOf(body.email)).status).toBe('pending');
  });

  it('gives staff no learner pages, and a learner only their own', async () => {
    for (const client of [admin, branchStaff]) {
      expect((await client.get('/api/learning/me')).status).toBe(403);
      expect((await client.get('/api/learning/me/profile')).status).toBe(403);
    }
    const a = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '14' });
    const b = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '14' });
    const clientB = await signInAs(t, b);
    await (await signInAs(t, a)).put('/api/learning/me/profile', {
      displayName: 'A',
      profession: 'physician',
      workplace: { name: '秘密の病院' },
      municipalityCode: '142051',
    });
    const seen = await clientB.get('/api/learning/me/profile');
    expect(seen.body).toMatchObject({ email: b.email, profile: null });
    expect(JSON.stringify(seen.body)).not.toContain('秘密');
  });
});

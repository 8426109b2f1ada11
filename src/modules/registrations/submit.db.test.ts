import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, registrations } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture } from '../../test/factories';
import { RECEIPT_RE } from './receipt';
import { MAX_REGISTRATION_BYTES, REGISTRATION_RATE_LIMITS } from './routes-public';
import { registrationForm } from './testing';

/** The public side: options, submission, honeypot, limits, validation, and no leak about existing records. */
let t: TestApp;
let ipSeq = 0;
/** A visitor from a fresh address, so the per-address limit only trips where a test wants it to. */
function visitor(ip = `203.0.113.${++ipSeq}`) {
  const client = new TestClient(t);
  client.ip = ip;
  return client;
}
const count = async () => (await t.db.systemDb.select({ id: registrations.id }).from(registrations)).length;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(() => t.close());
// Each test starts in a fresh minute, so the deployment-wide cap never carries over.
beforeEach(() => t.clock.advance(61_000));

describe('GET /api/public/registrations/options', () => {
  it('offers the served prefectures, their municipalities, the care items and device kinds, without sign-in', async () => {
    const res = await visitor().get('/api/public/registrations/options');
    expect(res.status).toBe(200);
    expect(res.body.prefectures).toEqual([{ code: '14', name: '神奈川県' }]);
    expect(res.body.municipalities.length).toBeGreaterThan(30);
    expect(res.body.municipalities.every((m: { prefectureCode: string }) => m.prefectureCode === '14')).toBe(
      true,
    );
    expect(res.body.municipalities).toContainEqual({
      code: '142051',
      name: '藤沢市',
      kana: 'フジサワシ',
      prefectureCode: '14',
    });
    expect(res.body.careItems.find((i: { code: string }) => i.code === 'tracheostomy').watchLevels).toEqual([
      'high',
      'low',
    ]);
    expect(res.body.deviceKinds.map((d: { code: string }) => d.code)).toContain('ventilator');
  });
});

describe('POST /api/public/registrations', () => {
  it('stores a valid form for review and answers a receipt number', async () => {
    const form = registrationForm({ child: { birthDate: '令和6年4月5日', familyKana: 'ﾀｶﾊｼ' } });
    const res = await visitor().post('/api/public/registrations', form);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['receiptNo']);
    expect(res.body.receiptNo).toMatch(RECEIPT_RE);
    const [row] = await t.db.systemDb
      .select()
      .from(registrations)
      .where(eq(registrations.receiptNo, res.body.receiptNo));
    expect(row).toMatchObject({
      prefectureCode: '14',
      municipalityCode: '142051',
      status: 'pending',
      submitterKind: 'family',
      familyKana: 'タカハシ',
      givenKana: 'ユウト',
      birthDate: '2024-04-05',
    });
    const payload = row!.payload as ReturnType<typeof registrationForm>;
    expect(payload).not.toHaveProperty('website');
    expect(payload.child.birthDate).toBe('2024-04-05');
    expect(payload.consents.share_municipality).toBe(true);
    const audit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'registration'));
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'create',
        actorUserId: null,
        prefectureCode: '14',
        entityIds: [row!.id],
      }),
    );
  });

  it('answers a second, identical submission exactly like the first (never reveals a registration)', async () => {
    const form = registrationForm({ child: { givenName: '蒼', givenKana: 'あおい' } });
    const first = await visitor().post('/api/public/registrations', form);
    const second = await visitor().post('/api/public/registrations', form);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(Object.keys(second.body)).toEqual(['receiptNo']);
    expect(second.body.receiptNo).toMatch(RECEIPT_RE);
    expect(second.body.receiptNo).not.toBe(first.body.receiptNo);
  });

  it('drops a submission whose honeypot is filled, with a receipt that looks real', async () => {
    const before = await count();
    const filled = await visitor().post(
      '/api/public/registrations',
      registrationForm({ website: 'http://spam' }),
    );
    expect(filled.status).toBe(201);
    expect(filled.body.receiptNo).toMatch(RECEIPT_RE);
    // Even with the rest of the form nonsense, the bot learns nothing from a 400.
    const junk = await visitor().post('/api/public/registrations', { website: 'x', child: 42 });
    expect(junk.status).toBe(201);
    expect(await count()).toBe(before);
  });

  it('refuses invalid input with issues in Japanese and English, storing nothing', async () => {
    const before = await count();
    const missing = await visitor().post('/api/public/registrations', {
      ...registrationForm(),
      child: { ...registrationForm().child, familyKana: 'Takahashi', birthDate: '令和6年2月30日' },
      guardians: [],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    const paths = missing.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['child.familyKana', 'child.birthDate', 'guardians']));
    for (const issue of missing.body.error.issues) {
      expect(issue.ja).toMatch(/[\u3040-\u9fff]/);
      expect(issue.en).toMatch(/[a-z]/);
    }
    const empty = await visitor().post('/api/public/registrations', { submitterKind: 'family' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues.find((i: { path: string }) => i.path === 'child').ja).toBe(
      '入力してください。',
    );

    const semantic = [
      [{ child: { municipalityCode: '131016' } }, 'child.municipalityCode'], // 東京都: not served here
      [{ child: { municipalityCode: '142052' } }, 'child.municipalityCode'], // bad check digit
      [{ child: { careItems: [{ code: 'teleportation' }] } }, 'child.careItems.0.code'],
      [{ child: { careItems: [{ code: 'tracheostomy', watch: 'mid' }] } }, 'child.careItems.0.watch'],
      [{ child: { birthDate: '2999-01-01' } }, 'child.birthDate'],
      [
        { guardians: [{ familyName: '髙橋', givenName: '誠', relationship: '父', phone: '12' }] },
        'guardians.0.phone',
      ],
    ] as const;
    for (const [overrides, path] of semantic) {
      const res = await visitor().post('/api/public/registrations', registrationForm(overrides));
      expect(res.status, path).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it(`refuses a body over ${MAX_REGISTRATION_BYTES} bytes with 413`, async () => {
    const before = await count();
    const big = registrationForm({ child: { livingSituation: 'あ'.repeat(MAX_REGISTRATION_BYTES) } });
    const res = await visitor().post('/api/public/registrations', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await count()).toBe(before);
  });

  it('limits submissions per address and hour (429), other addresses unaffected', async () => {
    const { limit } = REGISTRATION_RATE_LIMITS.perIp;
    const same = visitor('198.18.0.1');
    for (let i = 0; i < limit; i++) {
      expect((await same.post('/api/public/registrations', registrationForm())).status).toBe(201);
    }
    const over = await same.post('/api/public/registrations', registrationForm());
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect((await visitor().post('/api/public/registrations', registrationForm())).status).toBe(201);
    t.clock.advance(REGISTRATION_RATE_LIMITS.perIp.windowMs + 1000);
    expect((await same.post('/api/public/registrations', registrationForm())).status).toBe(201);
  });

  it('caps submissions of the whole deployment per minute', async () => {
    const { limit } = REGISTRATION_RATE_LIMITS.global;
    for (let i = 0; i < limit; i++) {
      const res = await visitor().post('/api/public/registrations', registrationForm());
      expect(res.status).toBe(201);
    }
    expect((await visitor().post('/api/public/registrations', registrationForm())).status).toBe(429);
  });
});

describe('the per-address limit is a setting', () => {
  it('REGISTRATION_LIMIT_PER_ADDRESS sets how many a single address may send in an hour', async () => {
    const small = await createTestApp({ registrationLimitPerAddress: 2 });
    try {
      await makePrefecture(small.db.systemDb, '14');
      const client = new TestClient(small);
      client.ip = '198.18.0.9';
      for (let i = 0; i < 2; i++) {
        expect((await client.post('/api/public/registrations', registrationForm())).status).toBe(201);
      }
      const over = await client.post('/api/public/registrations', registrationForm());
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe('rate_limited');
    } finally {
      await small.close();
    }
  });
});

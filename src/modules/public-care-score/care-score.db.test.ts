import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client';
import { CARE_ITEMS } from '../../shared/care-score';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser } from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { CARE_SCORE_RATE_LIMIT } from './routes';

const PATH = '/api/public/care-score';
const EXAMPLE_37 = [
  { code: 'ventilator', watch: 'high' },
  { code: 'tracheostomy', watch: 'high' },
  { code: 'suction', watch: 'high' },
  { code: 'tube_feeding_gastric', watch: 'low' },
];

let t: TestApp;
let ipCounter = 0;
/** A client from an address of its own, so the rate limit of one test does not touch another. */
const anon = () => {
  const c = new TestClient(t);
  c.ip = `203.0.113.${++ipCounter}`;
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(() => t.close());

describe('POST /api/public/care-score', () => {
  it('scores the worked example without signing in: 37 → tier 3', async () => {
    const res = await anon().post(PATH, { items: EXAMPLE_37 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total: 37,
      tier: 3,
      version: 'R3',
      breakdown: [
        { code: 'ventilator', base: 10, watch: 2 },
        { code: 'tracheostomy', base: 8, watch: 0, rule: 'ventilator_with_tracheostomy' },
        { code: 'suction', base: 8, watch: 1 },
        { code: 'tube_feeding_gastric', base: 8, watch: 0 },
      ],
    });
  });

  it.each([
    [[{ code: 'oxygen' }, { code: 'suction', watch: 'low' }], 16, 2],
    [[{ code: 'nebulizer' }], 3, 1],
    [[], 0, 0],
  ])('scores %j as %i → tier %i (watch absent = low)', async (items, total, tier) => {
    const res = await anon().post(PATH, { items });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total, tier });
  });

  it('answers a signed-in user too, without asking for the CSRF token', async () => {
    const user = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const client = await signInAs(t, user);
    client.csrf = null;
    const res = await client.post(PATH, { items: [{ code: 'nebulizer' }] });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
  });

  it('stores nothing: no audit entry, no new rows except the rate-limit counter', async () => {
    const count = async (table: string) =>
      Number(
        rowsOf<{ n: number }>(
          await t.db.systemDb.execute(sql.raw(`select count(*)::int as n from ${table}`)),
        )[0]!.n,
      );
    const before = { audit: await count('audit_log'), sessions: await count('sessions') };
    expect((await anon().post(PATH, { items: EXAMPLE_37 })).status).toBe(200);
    expect({ audit: await count('audit_log'), sessions: await count('sessions') }).toEqual(before);
  });

  it('names an unknown code by its path, in Japanese and English', async () => {
    const res = await anon().post(PATH, {
      items: [{ code: 'oxygen' }, { code: 'suction' }, { code: 'jetpack', watch: 'high' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues).toHaveLength(1);
    const [issue] = res.body.error.issues;
    expect(issue.path).toBe('items.2.code');
    expect(issue.message).toContain('「jetpack」');
    expect(issue.message).toContain('"jetpack"');
  });

  it('refuses a watch level the item does not define (mid for tracheostomy)', async () => {
    const res = await anon().post(PATH, { items: [{ code: 'tracheostomy', watch: 'mid' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues).toEqual([
      {
        path: 'items.0.watch',
        message: expect.stringContaining('The care item "tracheostomy" has no watch level "mid"'),
      },
    ]);
  });

  it('refuses a code given twice and lists every problem', async () => {
    const res = await anon().post(PATH, {
      items: [{ code: 'oxygen' }, { code: 'nebulizer', watch: 'high' }, { code: 'oxygen', watch: 'high' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'items.1.watch',
      'items.2.code',
    ]);
  });

  it.each<[string, unknown, string]>([
    ['no items', {}, 'items'],
    ['items not a list', { items: 'oxygen' }, 'items'],
    ['an item without a code', { items: [{ watch: 'high' }] }, 'items.0.code'],
    ['a code that is not a string', { items: [{ code: 7 }] }, 'items.0.code'],
    ['an empty code', { items: [{ code: '' }] }, 'items.0.code'],
    ['a watch level that does not exist', { items: [{ code: 'oxygen', watch: 'extreme' }] }, 'items.0.watch'],
    ['an unknown field', { items: [{ code: 'oxygen', level: 'high' }] }, 'items.0'],
    ['an unknown top-level field', { items: [], child: 'Hanako' }, '(body)'],
  ])('refuses a malformed body: %s', async (_label, body, path) => {
    const res = await anon().post(PATH, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('refuses more than 50 items', async () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ code: CARE_ITEMS[i % CARE_ITEMS.length]!.code }));
    const res = await anon().post(PATH, { items });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('items');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await anon().request('POST', PATH, '{"items": [', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('refuses a cross-site browser request', async () => {
    const res = await anon().request('POST', PATH, { items: [] }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('limits each client address to 120 requests a minute, invalid ones included', async () => {
    const client = anon();
    const { limit, windowMs } = CARE_SCORE_RATE_LIMIT;
    for (let i = 0; i < limit; i++) {
      const res = await client.post(PATH, i % 2 ? { items: [] } : { bogus: true });
      expect(res.status, `request ${i + 1}`).not.toBe(429);
    }
    const refused = await client.post(PATH, { items: [] });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    // Another address is not affected; the same address may go on once the minute has passed.
    expect((await anon().post(PATH, { items: [] })).status).toBe(200);
    t.clock.advance(windowMs + 1);
    expect((await client.post(PATH, { items: [] })).status).toBe(200);
  });
});

describe('GET /api/public/care-score/items', () => {
  it('gives the table without signing in: items with watch points, rules and tiers', async () => {
    const res = await anon().get(`${PATH}/items`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');
    expect(res.body.version).toBe('R3');
    expect(res.body.items).toHaveLength(20);
    expect(res.body.items[1]).toEqual({
      no: 2,
      code: 'tracheostomy',
      ja: '気管切開の管理',
      en: 'tracheostomy management',
      base: 8,
      watch: { high: 2, low: 0 },
      verified: true,
    });
    expect(res.body.items.filter((i: { verified: boolean }) => !i.verified)).toHaveLength(9);
    expect(res.body.rules.map((r: { id: string }) => r.id)).toEqual([
      'ventilator_with_tracheostomy',
      'ventilator_family_once',
      'tube_feeding_route_once',
    ]);
    expect(res.body.tiers.thresholds).toEqual([
      { tier: 3, min: 32 },
      { tier: 2, min: 16 },
      { tier: 1, min: 3 },
    ]);
  });

  it('is described in the OpenAPI document with the scoring endpoint', async () => {
    const doc = (await anon().get('/api/openapi.json')).body;
    expect(doc.paths['/api/public/care-score/items'].get).toBeDefined();
    expect(doc.paths['/api/public/care-score'].post).toBeDefined();
  });
});

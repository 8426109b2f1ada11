import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_SCORE_RATE_LIMIT } from '../modules/public-care-score/routes';
import { REGISTRATION_RATE_LIMITS } from '../modules/registrations/routes-public';
import { registrationForm } from '../modules/registrations/testing';
import { PUBLIC_RESOURCES_RATE_LIMIT } from '../modules/resources/routes-public';
import { createTestApp, type TestApp, TestClient } from '../test/app';
import { spyOnDriver } from '../test/driver-spy';
import { makePrefecture } from '../test/factories';
import { createApp } from './app';
import { testConfig } from './config';
import { createDeps } from './deps';
import { createLogger } from './logger';

/** Public rate limits behind a proxy (decision 0015): per client address, in memory, refusal free. */
let t: TestApp;
let seq = 0;
function family(ip = `198.51.${Math.floor(seq / 250)}.${(seq++ % 250) + 1}`) {
  const c = new TestClient(t);
  c.ip = ip;
  return c;
}

beforeAll(async () => {
  // TRUST_PROXY=1 (as `true`): the test client's X-Forwarded-For is what the balancer appended.
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(() => t.close());

describe('public search behind a load balancer', () => {
  it('gives 100 families searching at once, each from its own address, no 429', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const c = family();
        const out: number[] = [];
        for (let i = 0; i < 2; i++) out.push((await c.get('/api/public/resources?prefecture=14')).status);
        return out;
      }),
    );
    expect(statuses.flat().filter((s) => s !== 200)).toEqual([]);
  });

  it('keys on the balancer’s entry, not on what the client put in front of it', async () => {
    const c = family('203.0.113.50');
    const { limit } = PUBLIC_RESOURCES_RATE_LIMIT;
    for (let i = 0; i < limit; i++) {
      // A client rotating a forged left-most address still spends its own bucket.
      const res = await c.request('GET', '/api/public/resources/not-an-id', undefined, {
        'x-forwarded-for': `10.${i % 250}.0.1, 203.0.113.50`,
      });
      expect(res.status, `request ${i + 1}`).toBe(404);
    }
    const refused = await c.get('/api/public/resources/not-an-id');
    expect(refused.status).toBe(429);
  });

  it('refuses one address over its limit with 429 and Retry-After, without touching the database', async () => {
    const c = family('203.0.113.77');
    const { limit, windowMs } = PUBLIC_RESOURCES_RATE_LIMIT;
    // A listing id that is not a UUID answers 404 before any query: only the limiter is exercised.
    for (let i = 0; i < limit; i++) expect((await c.get('/api/public/resources/x')).status).toBe(404);

    const driver = spyOnDriver(t.db);
    try {
      for (let i = 0; i < 50; i++) {
        const refused = await c.get('/api/public/resources?prefecture=14');
        expect(refused.status).toBe(429);
        expect(refused.body.error.code).toBe('rate_limited');
        expect(refused.body.error.ja).toBeTruthy();
        // One token comes back every windowMs / limit (200 ms): the client may retry in a second.
        expect(refused.headers.get('retry-after')).toBe('1');
      }
      expect(driver.count()).toBe(0);
      // The spy does see a search that is let through.
      expect((await family().get('/api/public/resources?prefecture=14')).status).toBe(200);
      expect(driver.count()).toBeGreaterThan(0);
    } finally {
      driver.restore();
    }
    t.clock.advance(windowMs / limit);
    expect((await c.get('/api/public/resources?prefecture=14')).status).toBe(200);
    expect((await c.get('/api/public/resources?prefecture=14')).status).toBe(429);
  });

  it('limits the care-score calculator the same way, refusal free and with Retry-After', async () => {
    const c = family('203.0.113.88');
    for (let i = 0; i < CARE_SCORE_RATE_LIMIT.limit; i++) {
      expect((await c.post('/api/public/care-score', { items: [] })).status).toBe(200);
    }
    const driver = spyOnDriver(t.db);
    try {
      const refused = await c.post('/api/public/care-score', { items: [] });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(driver.count()).toBe(0);
    } finally {
      driver.restore();
    }
  });
});

describe('public forms that write', () => {
  it('share the per-address limit in the database, and refuse a repeat on the same server for free', async () => {
    const c = family('203.0.113.99');
    const { limit, windowMs } = REGISTRATION_RATE_LIMITS.perIp;
    for (let i = 0; i < limit; i++) {
      expect((await c.post('/api/public/registrations', registrationForm())).status).toBe(201);
    }
    // Another server (its own memory, the same database) refuses this address too: the count is shared.
    const second = {
      ...t,
      app: createApp(
        createDeps({
          db: t.db,
          config: testConfig({ trustProxy: true }),
          log: createLogger('silent'),
          now: t.clock.now,
        }),
      ),
    };
    const onSecond = new TestClient(second);
    onSecond.ip = c.ip;
    const shared = spyOnDriver(t.db);
    try {
      expect((await onSecond.post('/api/public/registrations', registrationForm())).status).toBe(429);
      expect(shared.count()).toBeGreaterThan(0);
    } finally {
      shared.restore();
    }
    // This server already knows: its refusal costs no database work.
    const driver = spyOnDriver(t.db);
    try {
      const refused = await c.post('/api/public/registrations', registrationForm());
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBe(Math.ceil(windowMs / limit / 1000));
      expect(driver.count()).toBe(0);
    } finally {
      driver.restore();
    }
  });
});

describe('TRUST_PROXY off behind a proxy', () => {
  it('logs one warning, at the first request carrying X-Forwarded-For', async () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const off = await createTestApp({ trustProxy: false });
    try {
      off.deps.log = pino({ level: 'warn' }, sink);
      const c = new TestClient(off);
      expect((await c.request('GET', '/healthz', undefined, { 'x-forwarded-for': '' })).status).toBe(200);
      expect(lines).toEqual([]);
      for (let i = 0; i < 3; i++) await c.get('/api/public/resources/options');
      const warnings = lines.filter((l) => l.level === 40 && /TRUST_PROXY/.test(l.msg));
      expect(warnings).toHaveLength(1);
    } finally {
      await off.close();
    }
  });
});

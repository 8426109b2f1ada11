/**
 * Control characters in any text a request brings answer 400 naming the field, before anything is read or
 * written; and no log line carries what was typed — neither for refused requests nor for unexpected errors.
 */
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, registrations, savedFilters } from '../db/schema';
import { registrationForm } from '../modules/registrations/testing';
import { type TestApp, TestClient, TestClock } from '../test/app';
import { createTestDatabase } from '../test/db';
import { makePrefecture } from '../test/factories';
import { signedInUser } from '../test/sign-in';
import { createApp } from './app';
import { testConfig } from './config';
import { createDeps } from './deps';
import { indexMultiline } from './input-hygiene';
import { createLogger } from './logger';

const NAME = '髙橋 美咲';
const PHONE = '090-1234-5678';

let t: TestApp;
let staff: TestClient;
const lines: string[] = [];
let ipSeq = 0;

/** A public visitor from a fresh address (the public form's per-address limit never trips). */
function visitor() {
  const client = new TestClient(t);
  client.ip = `203.0.113.${++ipSeq}`;
  return client;
}

beforeAll(async () => {
  const db = await createTestDatabase();
  const clock = new TestClock(new Date());
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const deps = createDeps({
    db,
    config: testConfig({ trustProxy: true }),
    log: createLogger('info', stream),
    now: clock.now,
  });
  const app = createApp(deps);
  // An endpoint that fails as a bug would: the database refuses a value, and the driver's error (as Drizzle
  // wraps it) quotes the SQL parameters, i.e. what was typed.
  app.post('/api/test-only/explode', async (c) => {
    const body = (await c.req.json()) as { name: string; phone: string };
    await db.systemDb.execute(sql`select ${body.name}::int, ${body.phone}::int`);
    return c.json({ ok: true });
  });
  t = { app, deps, db, clock, close: async () => db.close() };
  await makePrefecture(db.systemDb, '14');
  staff = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }))
    .client;
}, 60_000);
afterAll(async () => {
  await t.deps.jobs.stop();
  await t.close();
});
// A fresh minute for each test, so the public form's deployment-wide limit never carries over.
beforeEach(() => t.clock.advance(61_000));

const countOf = async (table: typeof registrations | typeof savedFilters | typeof auditLog) =>
  (await t.db.systemDb.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

function expectRefused(
  res: Awaited<ReturnType<TestClient['get']>>,
  path: string,
  code = 'control_character',
) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path, code }));
  const issue = res.body.error.issues.find((i: { path: string }) => i.path === path);
  expect(issue.ja).toBeTruthy();
  expect(issue.en).toBeTruthy();
}

describe('control characters answer 400 naming the field, and nothing is written', () => {
  it('in the public registration form (a NUL, a lone surrogate sent as a \\ud800 escape, a line break)', async () => {
    const before = await countOf(registrations);
    const nul = await visitor().post(
      '/api/public/registrations',
      registrationForm({ child: { familyName: '髙橋\u0000' } }),
    );
    expectRefused(nul, 'child.familyName');

    const raw = JSON.stringify(registrationForm()).replace('"悠斗"', '"悠\\ud800"');
    expect(raw).toContain('\\ud800');
    const lone = await visitor().post('/api/public/registrations', raw);
    expectRefused(lone, 'child.givenName');

    const guardians = [{ ...registrationForm().guardians[0], phone: '090\n1234' }];
    const broken = await visitor().post('/api/public/registrations', registrationForm({ guardians }));
    expectRefused(broken, 'guardians.0.phone');
    expect(broken.body.error.issues[0].en).toMatch(/multi-line/);
    expect(await countOf(registrations)).toBe(before);
  });

  it('lets a multi-line field keep its line breaks and tabs', async () => {
    const form = registrationForm({
      child: { livingSituation: '両親と姉の4人暮らし。\r\n日中は母が介護。\t週2回訪問看護。' },
    });
    const res = await visitor().post('/api/public/registrations', form);
    expect(res.status).toBe(201);
    const [row] = await t.db.systemDb
      .select({ payload: registrations.payload })
      .from(registrations)
      .where(eq(registrations.receiptNo, res.body.receiptNo));
    const living = (row?.payload.child as { livingSituation?: string } | undefined)?.livingSituation;
    expect(living).toBe('両親と姉の4人暮らし。\r\n日中は母が介護。\t週2回訪問看護。');
  });

  it('in a saved filter’s name', async () => {
    const before = await countOf(savedFilters);
    for (const name of ['a\u0000b', 'x\u0085', 'tab\there', '\udc00']) {
      const res = await staff.post('/api/saved-filters', { scope: 'registry', name, filter: {} });
      expectRefused(res, 'name');
    }
    expect(await countOf(savedFilters)).toBe(before);
    const ok = await staff.post('/api/saved-filters', { scope: 'registry', name: '𠮷田さん 👍', filter: {} });
    expect(ok.status).toBe(200);
  });

  it('in a query string, including percent-encoding that cannot be decoded', async () => {
    const audited = await countOf(auditLog);
    expectRefused(await staff.get('/api/children?q=%00'), 'q');
    expectRefused(await staff.get('/api/children?page=1&q=%E3%81%82%0A'), 'q');
    expectRefused(await staff.get('/api/children?q=%E0%A4%A'), 'q', 'invalid_encoding');
    expectRefused(await staff.get('/api/children?q=%'), 'q', 'invalid_encoding');
    // A refused search is not run, so not audited either; an accepted one is.
    expect(await countOf(auditLog)).toBe(audited);
    expect((await staff.get(`/api/children?q=${encodeURIComponent('𠮷')}`)).status).toBe(200);
    expect(await countOf(auditLog)).toBe(audited + 1);
  });

  it('in a path parameter, signed in or not', async () => {
    const audited = await countOf(auditLog);
    expectRefused(await staff.get('/api/children/%00'), 'id');
    expectRefused(await staff.get('/api/children/abc%ZZ'), 'id', 'invalid_encoding');
    expect(await countOf(auditLog)).toBe(audited);
    const token = `${'a'.repeat(24)}%00`;
    expectRefused(await visitor().get(`/api/public/resources/confirm/${token}`), 'token');
    // A clean but unknown token reaches the route, which answers for itself.
    const unknown = await visitor().get(`/api/public/resources/confirm/${'a'.repeat(24)}`);
    expect(unknown.status).toBeLessThan(500);
    expect(unknown.body.error.code).not.toBe('validation_failed');
  });
});

describe('multi-line fields', () => {
  it('are found in the routes’ request schemas, the textareas of the forms', () => {
    const index = indexMultiline(t.app.openAPIRegistry.definitions);
    const fields = (key: string) => (index.get(key) ?? []).map((p) => p.join('.'));
    expect(fields('POST /api/public/registrations')).toEqual(['child.livingSituation']);
    expect(fields('POST /api/public/consultations')).toEqual(['childDescription', 'narrative']);
    expect(fields('POST /api/consultations')).toEqual(['child.description', 'narrative']);
    expect(fields('POST /api/saved-filters')).toEqual([]);
    const all = [...index.values()].flat().map((p) => p.at(-1));
    for (const name of ['note', 'reason', 'narrative', 'livingSituation', 'howToApply', 'feesDescription']) {
      expect(all, name).toContain(name);
    }
  });
});

describe('logs carry no request bodies, query strings or field values', () => {
  it('for refused requests and for an unexpected error, yet name the route, status and code', async () => {
    lines.length = 0;
    const secret = { name: NAME, phone: PHONE };
    await visitor().post(
      '/api/public/registrations',
      registrationForm({ submitter: { name: `${NAME}\u0000`, phone: PHONE } }),
    );
    await visitor().post(
      '/api/public/registrations',
      registrationForm({ submitter: { name: NAME, phone: 'not a phone' } }),
    );
    await staff.get(`/api/children?q=${encodeURIComponent(NAME)}%00&phone=${PHONE}`);
    await staff.get(`/api/children/${encodeURIComponent(NAME)}`);
    const boom = await staff.post('/api/test-only/explode', secret);
    expect(boom.status).toBe(500);
    expect(boom.body.error.code).toBe('internal');

    const all = lines.join('');
    for (const value of [
      NAME,
      PHONE,
      '髙橋',
      '1234-5678',
      encodeURIComponent(NAME),
      'not a phone',
      'Failed query',
    ]) {
      expect(all, value).not.toContain(value);
    }
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'POST',
        route: '/api/public/registrations',
        status: 400,
        code: 'validation_failed',
      }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'request', route: '/api/children/:id', status: 404 }),
    );
    const unhandled = logged.find((l) => l.msg === 'unhandled error');
    expect(unhandled?.err).toMatchObject({ type: 'DrizzleQueryError', cause: { code: '22P02' } });
    expect(unhandled?.requestId).toBeTruthy();
  });
});

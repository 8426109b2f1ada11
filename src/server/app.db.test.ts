import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../test/app';
import { makeChild, makePrefecture, makeUser } from '../test/factories';
import { signInAs } from '../test/sign-in';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(() => t.close());

describe('operations', () => {
  it('answers /healthz with the database kind', async () => {
    const res = await new TestClient(t).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(res.body.database);
  });

  it('publishes an OpenAPI 3.1 document naming the modules’ paths', async () => {
    const res = await new TestClient(t).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const p of ['/api/auth/sign-in', '/api/children', '/api/children/{id}', '/api/home/figures']) {
      expect(Object.keys(res.body.paths)).toContain(p);
    }
  });

  it('echoes a request id and sets security headers', async () => {
    const res = await new TestClient(t).request('GET', '/healthz', undefined, {
      'x-request-id': 'abcdef123456',
    });
    expect(res.headers.get('x-request-id')).toBe('abcdef123456');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBeTruthy();
  });
});

describe('bad input', () => {
  it('refuses an oversized body with 413 and a bilingual message', async () => {
    const big = JSON.stringify({ email: 'a@example.jp', password: 'x'.repeat(1_100_000) });
    const res = await new TestClient(t).request('POST', '/api/auth/sign-in', big, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.ja).toBeTruthy();
    expect(res.body.error.en).toBeTruthy();
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await new TestClient(t).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers malformed ids, wrong query types and bad municipality codes with 4xx, never 500', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    await makeChild(t.db.systemDb, '14', '142051');
    const client = await signInAs(t, u);
    expect((await client.get('/api/children/not-a-uuid')).status).toBe(404);
    expect((await client.get('/api/children/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const badPage = await client.get('/api/children?page=abc');
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.issues[0].path).toBe('page');
    expect((await client.get('/api/children?municipality=12')).status).toBe(400);
    expect((await client.get('/api/children?status=flying')).status).toBe(400);
    expect((await client.get(`/api/children?q=${encodeURIComponent("%' or 1=1 --")}`)).body.total).toBe(0);
  });

  it('refuses a body that is not an object', async () => {
    const res = await new TestClient(t).request('POST', '/api/auth/sign-in', '[1,2]', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

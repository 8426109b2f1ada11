import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../test/app';

/** Readiness asks the real database on both engines; liveness names the engine without asking it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('probes on a real database', () => {
  it('answers /readyz and /healthz with the engine', async () => {
    const client = new TestClient(t);
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', database: t.db.kind });
    const live = await client.get('/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok', database: t.db.kind });
  });

  it('answers /readyz 503 once the database is closed, while /healthz stays 200', async () => {
    const other = await createTestApp();
    await other.db.close();
    const client = new TestClient(other);
    expect((await client.get('/healthz')).status).toBe(200);
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable' });
  });
});

import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import type { AppEnv, Deps } from './context';
import { READY_TIMEOUT_MS, registerProbes } from './probes';

/**
 * The probes without a real database: liveness never asks it (it answers while every query hangs), readiness
 * answers 503 with Retry-After when the database fails or does not answer in time.
 */
function appWith(execute: () => Promise<unknown>) {
  let queries = 0;
  const db = {
    kind: 'pglite',
    systemDb: {
      execute: () => {
        queries++;
        return execute();
      },
    },
  } as unknown as Database;
  const app = new OpenAPIHono<AppEnv>();
  registerProbes(app, { db } as Deps);
  return { app, queries: () => queries };
}

const never = () => new Promise<never>(() => {});

describe('probes', () => {
  it('answers /healthz from the process while the database hangs, without a query', async () => {
    const { app, queries } = appWith(never);
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
    expect(queries()).toBe(0);
  });

  it('answers /readyz 200 when the database answers', async () => {
    const { app, queries } = appWith(async () => ({ rows: [{ '?column?': 1 }] }));
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
    expect(queries()).toBe(1);
  });

  it('answers /readyz 503 with Retry-After when the database fails', async () => {
    const { app } = appWith(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ status: 'unavailable', reason: 'error' });
  });

  it(
    'answers /readyz 503 when the database does not answer in time',
    async () => {
      const { app } = appWith(never);
      const res = await app.request('/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', reason: 'timeout' });
    },
    READY_TIMEOUT_MS + 5_000,
  );
});

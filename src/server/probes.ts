import type { OpenAPIHono } from '@hono/zod-openapi';
import { ping } from '../db/client';
import type { AppEnv, Deps } from './context';

/** How long readiness waits for the database before answering 503. */
export const READY_TIMEOUT_MS = 2_000;

/**
 * The two probes (docs/operations.md). `/healthz` is liveness: it answers from the process alone, so a
 * database busy with a long job (the embedded one is a single connection) or briefly away never makes an
 * orchestrator restart a healthy server. `/readyz` is readiness: it asks the database and answers 503 when it
 * does not answer within READY_TIMEOUT_MS, so a load balancer stops sending requests here meanwhile.
 */
export function registerProbes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.get('/healthz', (c) => c.json({ status: 'ok', database: deps.db.kind }));

  app.get('/readyz', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
    });
    try {
      const answer = await Promise.race([ping(deps.db).then(() => 'ok' as const), timeout]);
      if (answer === 'ok') return c.json({ status: 'ok', database: deps.db.kind });
      c.header('Retry-After', '5');
      return c.json({ status: 'unavailable', database: deps.db.kind, reason: 'timeout' }, 503);
    } catch (err) {
      c.get('log')?.warn({ err }, 'readiness: the database did not answer');
      c.header('Retry-After', '5');
      return c.json({ status: 'unavailable', database: deps.db.kind, reason: 'error' }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
}

import { type MockInstance, vi } from 'vitest';
import type { Database } from '../db/client';

/**
 * Watches the database driver itself (the pool of a server, the PGlite instance), below Drizzle: every query,
 * transaction and connection a request makes passes here. `count()` is the calls since the spy was set up.
 */
export function spyOnDriver(db: Database) {
  const spies: MockInstance[] = db.pool
    ? [vi.spyOn(db.pool, 'query'), vi.spyOn(db.pool, 'connect')]
    : db.pglite
      ? [vi.spyOn(db.pglite, 'query'), vi.spyOn(db.pglite, 'exec'), vi.spyOn(db.pglite, 'transaction')]
      : [];
  return {
    /** The statement-level spy: pool.query or PGlite's query. */
    query: spies[0] as MockInstance,
    count: () => spies.reduce((n, s) => n + s.mock.calls.length, 0),
    restore: () => {
      for (const s of spies) s.mockRestore();
    },
  };
}

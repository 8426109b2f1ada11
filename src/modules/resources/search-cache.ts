import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../../server/context';

/**
 * Answers of the public search kept for a few seconds (PUBLIC_SEARCH_CACHE_SECONDS, decision 0009): families
 * in one area ask the same questions ("ventilator in 熊本市"), and an answer that is seconds old is as good as a
 * fresh one for a directory that changes a few times a day. Least recently used entries go first past `max`.
 * A successful change of the directory through this server empties it ({@link clearSearchCacheOnWrite});
 * other servers catch up within the time to live.
 */
export class SearchCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 2000,
  ) {}

  get(key: string, now: number): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (now - e.at >= this.ttlMs || now < e.at) return undefined;
    this.entries.set(key, e); // most recently used last
    return e.value;
  }

  set(key: string, value: V, now: number): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Deps, SearchCache<unknown>>();

/** The search cache of one running app (its deps), shared by the staff and public routers. */
export function searchCacheFor<V>(deps: Deps): SearchCache<V> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new SearchCache<unknown>(deps.config.publicSearchCacheMs);
    caches.set(deps, cache);
  }
  return cache as SearchCache<V>;
}

/** After any successful write request of a router (staff edits, imports, provider links), forget every answer. */
export function clearSearchCacheOnWrite(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) searchCacheFor(deps).clear();
  };
}

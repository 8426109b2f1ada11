/**
 * A token bucket per key, kept in this process's memory (decision 0015). Each key may spend `limit` requests at
 * once and gets them back steadily over `windowMs` (so `limit` per window on average, and a full bucket again
 * one window after it was emptied). Refusing costs a map lookup: no database, no audit.
 *
 * Memory is bounded: a bucket that has refilled is the same as no bucket, so idle keys are dropped by a sweep,
 * and past `maxKeys` the least recently used key is dropped (it comes back full, erring towards letting a
 * family through rather than refusing one).
 */
export type BucketLimit = { limit: number; windowMs: number };

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

type Bucket = { tokens: number; at: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;
  private lastSweep: number;

  constructor(
    readonly opts: BucketLimit & {
      /** The clock in milliseconds; tests pass their own. */
      now: () => number;
      /** Most keys held at once (default 100,000: a few MB). */
      maxKeys?: number;
    },
  ) {
    if (!(opts.limit >= 1) || !(opts.windowMs > 0)) throw new RangeError('limit ≥ 1 and windowMs > 0');
    this.ratePerMs = opts.limit / opts.windowMs;
    this.lastSweep = opts.now();
  }

  /** Spends one token of `key`, or says how long until one is back. */
  take(key: string): TakeResult {
    const now = this.opts.now();
    this.sweep(now);
    const found = this.buckets.get(key);
    const tokens = found ? this.refilled(found, now) : this.opts.limit;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / this.ratePerMs) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.evictOverflow();
    return { ok: true };
  }

  /** Keys held now (for tests and the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(b: Bucket, now: number): number {
    return Math.min(this.opts.limit, b.tokens + Math.max(0, now - b.at) * this.ratePerMs);
  }

  /** At most once a window: drop the buckets that are full again (they hold nothing a new bucket would not). */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.opts.windowMs) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) {
      if (this.refilled(b, now) >= this.opts.limit) this.buckets.delete(key);
    }
  }

  private evictOverflow(): void {
    const max = this.opts.maxKeys ?? 100_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('TokenBuckets', () => {
  it('lets `limit` requests through at once, then refuses with the time until one token is back', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 3, windowMs: 60_000, now: c.now });
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    // One token comes back every 20 s.
    expect(b.take('a')).toEqual({ ok: false, retryAfterMs: 20_000 });
    c.t += 5_000;
    expect(b.take('a')).toEqual({ ok: false, retryAfterMs: 15_000 });
  });

  it('refills steadily: one token per windowMs / limit, never above the limit', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 3, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) b.take('a');
    c.t += 19_999;
    expect(b.take('a').ok).toBe(false);
    c.t += 1;
    expect(b.take('a').ok).toBe(true);
    expect(b.take('a').ok).toBe(false);
    // A long pause gives back a full bucket, not more.
    c.t += 10 * 60_000;
    expect([1, 2, 3, 4].map(() => b.take('a').ok)).toEqual([true, true, true, false]);
  });

  it('a refused request spends nothing: waiting the advertised time is enough', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 2, windowMs: 1_000, now: c.now });
    b.take('a');
    b.take('a');
    let refused = b.take('a');
    for (let i = 0; i < 10; i++) refused = b.take('a');
    expect(refused).toEqual({ ok: false, retryAfterMs: 500 });
    c.t += 500;
    expect(b.take('a').ok).toBe(true);
  });

  it('keeps one bucket per key', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 1, windowMs: 60_000, now: c.now });
    expect(b.take('a').ok).toBe(true);
    expect(b.take('a').ok).toBe(false);
    expect(b.take('b').ok).toBe(true);
  });

  it('drops idle buckets once they have refilled (a sweep at most once a window)', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 2, windowMs: 1_000, now: c.now });
    for (let i = 0; i < 500; i++) b.take(`k${i}`);
    expect(b.size).toBe(500);
    c.t += 1_000;
    b.take('busy');
    expect(b.size).toBe(1);
  });

  it('holds at most maxKeys, dropping the least recently used', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 1, windowMs: 60_000, now: c.now, maxKeys: 3 });
    for (const k of ['a', 'b', 'c']) b.take(k);
    b.take('a'); // refused, but used: 'b' is now the oldest
    b.take('d');
    expect(b.size).toBe(3);
    // 'a' and 'd' are still empty; 'b' was dropped and comes back full.
    expect(b.take('a').ok).toBe(false);
    expect(b.take('d').ok).toBe(false);
    expect(b.take('b').ok).toBe(true);
  });

  it('refuses a nonsensical limit', () => {
    expect(() => new TokenBuckets({ limit: 0, windowMs: 1_000, now: () => 0 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ limit: 1, windowMs: 0, now: () => 0 })).toThrow(RangeError);
  });
});

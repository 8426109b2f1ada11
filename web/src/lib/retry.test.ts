import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { isTransient, readRetryDelay, shouldRetryRead } from './retry';

const error = (status: number, code = `http_${status}`) => new ApiError(status, code, 'ja', 'en');

describe('read retries', () => {
  it('retry a network failure and 502/503/504 twice', () => {
    for (const e of [error(0, 'network'), error(502), error(503, 'database_unavailable'), error(504)]) {
      expect(
        [0, 1, 2].map((n) => shouldRetryRead(n, e)),
        e.code,
      ).toEqual([true, true, false]);
      expect(isTransient(e)).toBe(true);
    }
  });

  it('take every other answer as final', () => {
    for (const e of [error(400), error(401), error(404), error(409), error(429), error(500)]) {
      expect(shouldRetryRead(0, e), e.code).toBe(false);
    }
    expect(shouldRetryRead(0, new Error('bug in a component'))).toBe(false);
  });

  it('wait briefly: 0.5 s, then 1.5 s', () => {
    expect([0, 1, 2].map((n) => readRetryDelay(n))).toEqual([500, 1500, 1500]);
  });
});

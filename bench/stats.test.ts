import { describe, expect, it } from 'vitest';
import { percentile, runConcurrent } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const v = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 95)).toBe(10);
    expect(percentile(v, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('never runs more tasks at once than asked', async () => {
    let inFlight = 0;
    let peak = 0;
    const r = await runConcurrent(20, 3, async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((res) => setTimeout(res, 2));
      inFlight--;
    });
    expect(r.durations).toHaveLength(20);
    expect(peak).toBe(3);
  });
});

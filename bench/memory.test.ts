import { describe, expect, it } from 'vitest';
import { lifetimeMaxRss, mib, samplePeakRss } from './memory';

describe('peak memory sampler', () => {
  it('keeps the highest reading, including the one taken at stop', async () => {
    const readings = [10, 30, 20];
    let i = 0;
    const sampler = samplePeakRss(1, () => readings[Math.min(i++, readings.length - 1)]!);
    await new Promise((res) => setTimeout(res, 20));
    expect(sampler.stop()).toBe(30);
    const late = samplePeakRss(
      1_000,
      (() => {
        let n = 0;
        return () => (n++ === 0 ? 5 : 50);
      })(),
    );
    expect(late.stop()).toBe(50);
  });

  it('reads real memory in bytes', () => {
    const sampler = samplePeakRss();
    const peak = sampler.stop();
    expect(peak).toBeGreaterThan(1024 * 1024);
    expect(lifetimeMaxRss()).toBeGreaterThanOrEqual(peak * 0.5);
    expect(mib(1024 * 1024)).toBe(1);
  });
});

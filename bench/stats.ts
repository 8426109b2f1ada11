/** Percentile of a sorted-or-not sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs `task` `total` times with at most `concurrency` in flight; returns each call's duration in ms. */
export async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      await task(i);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { durations, wallMs: performance.now() - started };
}

export function summary(label: string, r: { durations: number[]; wallMs: number }) {
  return {
    label,
    n: r.durations.length,
    p50: percentile(r.durations, 50),
    p95: percentile(r.durations, 95),
    p99: percentile(r.durations, 99),
    perSecond: (r.durations.length / r.wallMs) * 1000,
  };
}

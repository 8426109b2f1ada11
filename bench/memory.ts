/**
 * Peak resident memory of a stretch of work: samples process.memoryUsage().rss on an unref'd interval (so it
 * never keeps the process alive) and also reads the process's lifetime maximum (resourceUsage().maxRSS) at the
 * end, since a synchronous task blocks the interval — the lifetime maximum is what catches such a peak.
 */
export type PeakSampler = {
  /** Stops sampling; returns the highest RSS seen in bytes (samples, start and stop readings). */
  stop(): number;
};

export function samplePeakRss(
  intervalMs = 50,
  read: () => number = () => process.memoryUsage().rss,
): PeakSampler {
  let peak = read();
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, read());
      return peak;
    },
  };
}

/** The process's lifetime peak RSS in bytes (resourceUsage reports kilobytes). */
export const lifetimeMaxRss = () => process.resourceUsage().maxRSS * 1024;

export const mib = (bytes: number) => bytes / 1024 / 1024;

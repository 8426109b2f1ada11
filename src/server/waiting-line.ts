/**
 * A first-come line in front of one kind of work (knowledge guide §5, "A burst of answers"): at most `limit` of
 * it run at once, the rest wait their turn for up to `maxWaitMs` and then answer 503 `server_busy` with
 * Retry-After. A burst of public answers then waits here, where a minute is no harm, instead of in the
 * database pool, whose wait is short on purpose (a lost database must fail fast, decision 0015) and which the
 * staff's requests share: the line leaves them connections. Per server; pure apart from timers.
 */
import { AppError } from './errors';

/** Seconds a refused client is told to wait before sending again. */
export const BUSY_RETRY_AFTER_SECONDS = 10;

export class WaitingLine {
  private running = 0;
  private readonly waiting: { start: () => void; timer: ReturnType<typeof setTimeout> }[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs: number,
    /** Longest line: past it a newcomer is refused at once rather than queued for nothing. */
    private readonly maxWaiting = 20_000,
  ) {
    if (!(limit >= 1)) throw new Error('WaitingLine: limit must be at least 1');
  }

  /** Runs `work` when its turn comes; throws `server_busy` if it waited too long or the line is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await this.wait();
    else this.running++;
    try {
      return await work();
    } finally {
      this.next();
    }
  }

  /** How many run now and how many wait (for logs and tests). */
  get state(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private wait(): Promise<void> {
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(busy());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(busy());
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** Hands the finished turn to the first in line (the count of running work stays the same), or frees it. */
  private next() {
    const first = this.waiting.shift();
    if (first) first.start();
    else this.running--;
  }
}

function busy() {
  return new AppError('server_busy', { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS });
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import { BUSY_RETRY_AFTER_SECONDS, WaitingLine } from './waiting-line';

/** Work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => {
    open = r;
  });
  return { open, done };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a waiting line', () => {
  it('runs at most `limit` at once and the rest in the order they came', async () => {
    const line = new WaitingLine(2, 60_000);
    const order: number[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    const runs = gates.map((g, i) =>
      line.run(async () => {
        order.push(i);
        await g.done;
        return i;
      }),
    );
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect(line.state).toEqual({ running: 2, waiting: 2 });
    gates[1]!.open();
    await runs[1];
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    gates[0]!.open();
    gates[2]!.open();
    gates[3]!.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(line.state).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the turn of work that failed', async () => {
    const line = new WaitingLine(1, 60_000);
    await expect(line.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await line.run(async () => 'next')).toBe('next');
    expect(line.state).toEqual({ running: 0, waiting: 0 });
  });

  it('answers server_busy with Retry-After to one who waited too long, and leaves the line as it was', async () => {
    vi.useFakeTimers();
    const line = new WaitingLine(1, 1_000);
    const g = gate();
    const first = line.run(() => g.done);
    const late = line.run(async () => 'never');
    const caught = late.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_001);
    const e = await caught;
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('server_busy');
    expect((e as AppError).status).toBe(503);
    expect((e as AppError).retryAfterSeconds).toBe(BUSY_RETRY_AFTER_SECONDS);
    expect(line.state).toEqual({ running: 1, waiting: 0 });
    g.open();
    await first;
    expect(line.state).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a newcomer at once when the line is full', async () => {
    const line = new WaitingLine(1, 60_000, 1);
    const g = gate();
    const first = line.run(() => g.done);
    const second = line.run(async () => 2);
    await expect(line.run(async () => 3)).rejects.toMatchObject({ code: 'server_busy' });
    g.open();
    await first;
    expect(await second).toBe(2);
  });
});

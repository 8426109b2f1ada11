import { describe, expect, it } from 'vitest';
import { sharedReads } from './shared-reads';

/** A run the test ends by hand, recording when it started. */
function controlled(log: string[]) {
  const runs: { name: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const run = (name: string) => () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      runs.push({ name, resolve, reject });
    });
  return { runs, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('shared reads', () => {
  it('a read with nothing in progress starts at once and nothing stays after it', async () => {
    const log: string[] = [];
    const { runs, run } = controlled(log);
    const reads = sharedReads<string>();
    const a = reads.read('k', run('a'));
    expect(log).toEqual(['start a']);
    runs[0]!.resolve('A');
    await expect(a).resolves.toBe('A');
    await tick();
    expect(reads.size).toBe(0);
  });

  it('reads arriving during a run share the next one, which starts only after they all arrived', async () => {
    const log: string[] = [];
    const { runs, run } = controlled(log);
    const reads = sharedReads<string>();
    const first = reads.read('k', run('first'));
    log.push('arrive b');
    const b = reads.read('k', run('b'));
    log.push('arrive c');
    const c = reads.read('k', run('c'));
    // Neither b nor c joins the run in progress: it started before they arrived.
    expect(log).toEqual(['start first', 'arrive b', 'arrive c']);
    runs[0]!.resolve('first answer');
    await expect(first).resolves.toBe('first answer');
    await tick();
    expect(log).toEqual(['start first', 'arrive b', 'arrive c', 'start b']);
    runs[1]!.resolve('second answer');
    await expect(b).resolves.toBe('second answer');
    await expect(c).resolves.toBe('second answer');
    expect(runs).toHaveLength(2);
    await tick();
    expect(reads.size).toBe(0);
  });

  it('a read arriving during the second run waits for a third', async () => {
    const log: string[] = [];
    const { runs, run } = controlled(log);
    const reads = sharedReads<string>();
    const one = reads.read('k', run('1'));
    const two = reads.read('k', run('2'));
    runs[0]!.resolve('one');
    await expect(one).resolves.toBe('one');
    await tick();
    expect(log).toEqual(['start 1', 'start 2']);
    const three = reads.read('k', run('3'));
    expect(log).toEqual(['start 1', 'start 2']);
    runs[1]!.resolve('two');
    await expect(two).resolves.toBe('two');
    await tick();
    expect(log).toEqual(['start 1', 'start 2', 'start 3']);
    runs[2]!.resolve('three');
    await expect(three).resolves.toBe('three');
  });

  it('different keys never share', async () => {
    const log: string[] = [];
    const { runs, run } = controlled(log);
    const reads = sharedReads<string>();
    const a = reads.read('a', run('a'));
    const b = reads.read('b', run('b'));
    expect(log).toEqual(['start a', 'start b']);
    runs[1]!.resolve('B');
    runs[0]!.resolve('A');
    await expect(a).resolves.toBe('A');
    await expect(b).resolves.toBe('B');
  });

  it('a failed run fails only the reads it serves; the waiting ones still get their own run', async () => {
    const log: string[] = [];
    const { runs, run } = controlled(log);
    const reads = sharedReads<string>();
    const first = reads.read('k', run('first'));
    const waiting = reads.read('k', run('waiting'));
    runs[0]!.reject(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    expect(log).toEqual(['start first', 'start waiting']);
    runs[1]!.resolve('fine');
    await expect(waiting).resolves.toBe('fine');
    await tick();
    const later = reads.read('k', run('later'));
    expect(log.at(-1)).toBe('start later');
    runs[2]!.resolve('again');
    await expect(later).resolves.toBe('again');
    await tick();
    expect(reads.size).toBe(0);
  });
});

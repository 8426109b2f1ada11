import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serialiseQueries } from './serial-queries';

/** A connection that answers each statement when told to, and counts how many it holds at once. */
function fakeClient() {
  const pending: { text: string; answer: (err: Error | null, rows?: string) => void }[] = [];
  const seen: string[] = [];
  let most = 0;
  const client = {
    query(text: string, ...rest: unknown[]) {
      seen.push(text);
      const cb =
        typeof rest[rest.length - 1] === 'function'
          ? (rest[rest.length - 1] as (...a: unknown[]) => void)
          : null;
      let answer!: (err: Error | null, rows?: string) => void;
      const p = new Promise<string>((resolve, reject) => {
        answer = (err, rows) => (err ? reject(err) : resolve(rows ?? text));
      });
      pending.push({ text, answer });
      most = Math.max(most, pending.length);
      const done = p.finally(() =>
        pending.splice(
          pending.findIndex((q) => q.text === text),
          1,
        ),
      );
      if (cb) {
        done.then(
          (r) => cb(null, r),
          (e) => cb(e),
        );
        return undefined;
      }
      return done;
    },
  };
  return { client: client as unknown as pg.ClientBase, pending, seen, most: () => most };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('serialiseQueries', () => {
  it('sends one statement at a time, in the order asked, each answered with its own result', async () => {
    const f = fakeClient();
    serialiseQueries(f.client);
    const q = f.client.query as unknown as (t: string) => Promise<string>;
    const all = Promise.all([q('a'), q('b'), q('c')]);
    await tick();
    expect(f.seen).toEqual(['a']);
    for (let i = 0; i < 3; i++) {
      f.pending[0]!.answer(null);
      await tick();
    }
    expect(await all).toEqual(['a', 'b', 'c']);
    expect(f.seen).toEqual(['a', 'b', 'c']);
    expect(f.most()).toBe(1);
  });

  it('a failed statement rejects its own caller only; the next one is still sent', async () => {
    const f = fakeClient();
    serialiseQueries(f.client);
    const q = f.client.query as unknown as (t: string) => Promise<string>;
    const a = q('a');
    const b = q('b');
    await tick();
    f.pending[0]!.answer(new Error('current transaction is aborted'));
    await expect(a).rejects.toThrow('aborted');
    await tick();
    expect(f.seen).toEqual(['a', 'b']);
    f.pending[0]!.answer(null);
    expect(await b).toBe('b');
  });

  it('keeps the callback form (pool.query) in the same line as the promise form', async () => {
    const f = fakeClient();
    serialiseQueries(f.client);
    const q = f.client.query as unknown as (...a: unknown[]) => unknown;
    const got: string[] = [];
    const first = q('a') as Promise<string>;
    expect(q('b', [], (_e: Error | null, r: string) => got.push(r))).toBeUndefined();
    const third = q('c') as Promise<string>;
    await tick();
    expect(f.seen).toEqual(['a']);
    f.pending[0]!.answer(null);
    await first;
    await tick();
    expect(f.seen).toEqual(['a', 'b']);
    f.pending[0]!.answer(null);
    await tick();
    expect(got).toEqual(['b']);
    f.pending[0]!.answer(null);
    expect(await third).toBe('c');
    expect(f.most()).toBe(1);
  });

  it('passes a Submittable (cursor, stream) straight through', () => {
    const f = fakeClient();
    serialiseQueries(f.client);
    const submittable = { submit: () => {}, text: 'cursor' };
    const q = f.client.query as unknown as (s: unknown) => unknown;
    q(submittable);
    expect(f.seen).toEqual([submittable]);
  });
});

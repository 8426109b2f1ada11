import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { FiguresCache, homeFiguresKey } from './figures-cache';

const base: Actor = {
  userId: 'u1',
  email: 'a@example.jp',
  displayName: 'A',
  role: 'municipal_staff',
  prefectureCode: '14',
  scope: { kind: 'municipality', municipalityCode: '142051', division: null },
  locale: 'ja',
};
const today = '2026-12-06';

describe('homeFiguresKey', () => {
  it('is the same for users of one scope and differs for every part the scope depends on', () => {
    const same = homeFiguresKey({ ...base, userId: 'u2', email: 'b@example.jp', locale: 'en' }, today);
    expect(same).toBe(homeFiguresKey(base, today));
    const variants: Actor[] = [
      { ...base, role: 'regional_coordinator' },
      { ...base, prefectureCode: '13' },
      { ...base, scope: { kind: 'municipality', municipalityCode: '142077', division: null } },
      {
        ...base,
        scope: { kind: 'municipality', municipalityCode: '142051', division: 'maternal_child_health' },
      },
      { ...base, scope: { kind: 'prefecture' } },
      { ...base, scope: { kind: 'none' } },
      { ...base, scope: { kind: 'regions', regionIds: ['r1'] } },
      { ...base, scope: { kind: 'regions', regionIds: ['r1', 'r2'] } },
      { ...base, scope: { kind: 'organisation', organisationId: 'o1' } },
      { ...base, scope: { kind: 'organisation', organisationId: 'o2' } },
      { ...base, prefectureCode: null, role: 'system_admin', scope: { kind: 'none' } },
    ];
    const keys = new Set([homeFiguresKey(base, today), ...variants.map((a) => homeFiguresKey(a, today))]);
    expect(keys.size).toBe(variants.length + 1);
    expect(homeFiguresKey(base, '2026-12-07')).not.toBe(homeFiguresKey(base, today));
  });

  it('does not depend on the order of the regions', () => {
    const a = homeFiguresKey({ ...base, scope: { kind: 'regions', regionIds: ['r2', 'r1'] } }, today);
    const b = homeFiguresKey({ ...base, scope: { kind: 'regions', regionIds: ['r1', 'r2'] } }, today);
    expect(a).toBe(b);
  });
});

describe('FiguresCache', () => {
  it('keeps a value for the time to live, with the time it was computed', async () => {
    const c = new FiguresCache<number>(60_000);
    let n = 0;
    const compute = async () => ++n;
    expect(await c.get('k', 1_000, compute)).toEqual({ value: 1, at: 1_000 });
    expect(await c.get('k', 60_999, compute)).toEqual({ value: 1, at: 1_000 });
    expect(await c.get('other', 2_000, compute)).toEqual({ value: 2, at: 2_000 });
    expect(await c.get('k', 61_000, compute)).toEqual({ value: 3, at: 61_000 });
    // A clock that went back does not serve a value "from the future".
    expect(await c.get('k', 50_000, compute)).toEqual({ value: 4, at: 50_000 });
  });

  it('computes once for concurrent requests of one key', async () => {
    const c = new FiguresCache<number>(60_000);
    let calls = 0;
    let release: (v: number) => void = () => {};
    const compute = () => {
      calls++;
      return new Promise<number>((r) => {
        release = r;
      });
    };
    const all = Promise.all([c.get('k', 0, compute), c.get('k', 0, compute), c.get('k', 5, compute)]);
    release(7);
    expect((await all).map((r) => r.value)).toEqual([7, 7, 7]);
    expect(calls).toBe(1);
  });

  it('keeps no failure and no value when the time to live is 0', async () => {
    const c = new FiguresCache<number>(60_000);
    await expect(c.get('k', 0, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('k', 1, async () => 5)).toEqual({ value: 5, at: 1 });
    const off = new FiguresCache<number>(0);
    let n = 0;
    await off.get('k', 0, async () => ++n);
    expect((await off.get('k', 0, async () => ++n)).value).toBe(2);
    expect(off.size).toBe(0);
  });

  it('drops the least recently used key past its size', async () => {
    const c = new FiguresCache<string>(60_000, 2);
    await c.get('a', 0, async () => 'a');
    await c.get('b', 0, async () => 'b');
    await c.get('a', 1, async () => 'a2'); // a is used again
    await c.get('c', 2, async () => 'c');
    expect(c.size).toBe(2);
    expect((await c.get('a', 3, async () => 'a3')).value).toBe('a');
    expect((await c.get('b', 3, async () => 'b2')).value).toBe('b2');
  });
});

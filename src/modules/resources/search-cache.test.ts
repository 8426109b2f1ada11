import { describe, expect, it } from 'vitest';
import { SearchCache } from './search-cache';

describe('SearchCache', () => {
  it('answers within its time to live and forgets after it', () => {
    const c = new SearchCache<string>(15_000);
    c.set('a', 'A', 1_000);
    expect(c.get('a', 1_000)).toBe('A');
    expect(c.get('a', 15_999)).toBe('A');
    expect(c.get('a', 16_000)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('keeps nothing with a time to live of 0, and nothing from the future of a clock set back', () => {
    const off = new SearchCache<string>(0);
    off.set('a', 'A', 1);
    expect(off.get('a', 1)).toBeUndefined();
    const c = new SearchCache<string>(10_000);
    c.set('a', 'A', 5_000);
    expect(c.get('a', 4_000)).toBeUndefined();
  });

  it('drops the least recently used entry past its size, and empties on clear', () => {
    const c = new SearchCache<number>(60_000, 2);
    c.set('a', 1, 0);
    c.set('b', 2, 0);
    expect(c.get('a', 1)).toBe(1); // a is now the most recent
    c.set('c', 3, 2);
    expect(c.get('b', 3)).toBeUndefined();
    expect(c.get('a', 3)).toBe(1);
    expect(c.get('c', 3)).toBe(3);
    c.clear();
    expect(c.size).toBe(0);
  });
});

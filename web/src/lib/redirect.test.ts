import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

const ORIGIN = 'https://tsunagu.pref.example.lg.jp';

describe('safeRedirect', () => {
  it.each([
    ['/children?status=at_home', '/children?status=at_home'],
    ['/admin/regions#x', '/admin/regions#x'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['/\\\\evil.example', '/'],
    ['/signin?redirect=/x', '/'],
  ])('%s → %s', (target, expected) => {
    expect(safeRedirect(target, ORIGIN)).toBe(expected);
  });
});

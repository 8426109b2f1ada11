import { describe, expect, it } from 'vitest';
import { findControlCharacter } from './control-characters';

const kind = (s: string, multiline = false) => findControlCharacter(s, multiline)?.kind ?? null;

describe('findControlCharacter', () => {
  it('passes ordinary text in any script, including surrogate pairs', () => {
    for (const s of [
      '',
      '山田 太郎',
      'ﾔﾏﾀﾞ',
      '𠮷野家',
      '👨‍👩‍👧 family',
      'café',
      '090-1234-5678',
      '\u3000全角空白',
      'é\u0301',
    ]) {
      expect(kind(s), s).toBeNull();
    }
  });

  it('refuses NUL wherever it stands', () => {
    expect(findControlCharacter('\u0000', false)).toEqual({ kind: 'nul', index: 0 });
    expect(findControlCharacter('ab\u0000', true)).toEqual({ kind: 'nul', index: 2 });
  });

  it('refuses a lone high or low surrogate, and a pair in the wrong order', () => {
    expect(findControlCharacter('a\ud800', false)).toEqual({ kind: 'lone_surrogate', index: 1 });
    expect(findControlCharacter('\udc00b', false)).toEqual({ kind: 'lone_surrogate', index: 0 });
    expect(kind('\ud800x')).toBe('lone_surrogate');
    expect(kind('\udfff\ud842')).toBe('lone_surrogate');
    expect(kind('𠮷'.slice(0, 1))).toBe('lone_surrogate');
    expect(kind('𠮷'.slice(1))).toBe('lone_surrogate');
    expect(kind('\ud800', true)).toBe('lone_surrogate');
  });

  it('refuses every other C0 control, DEL and every C1 control, even in multi-line fields', () => {
    for (let c = 1; c < 0x20; c++) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      expect(kind(`x${String.fromCharCode(c)}y`), c.toString(16)).toBe('control');
      expect(kind(`x${String.fromCharCode(c)}y`, true), c.toString(16)).toBe('control');
    }
    for (const c of [0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)]) {
      expect(kind(String.fromCharCode(c)), c.toString(16)).toBe('control');
      expect(kind(String.fromCharCode(c), true), c.toString(16)).toBe('control');
    }
    // The characters either side of the C1 block are text.
    expect(kind('~\u00a0¡')).toBeNull();
  });

  it('allows tab, line feed and CRLF only in multi-line fields', () => {
    for (const s of ['a\tb', 'a\nb', 'a\r\nb', 'line\n']) {
      expect(kind(s), JSON.stringify(s)).toBe('line_break');
      expect(kind(s, true), JSON.stringify(s)).toBeNull();
    }
    expect(kind('first line\r\nsecond\tcolumn\n\nthird', true)).toBeNull();
  });

  it('refuses a carriage return that does not start a CRLF', () => {
    expect(kind('a\rb')).toBe('line_break');
    expect(findControlCharacter('a\rb', true)).toEqual({ kind: 'control', index: 1 });
    expect(kind('a\r', true)).toBe('control');
    expect(kind('a\n\r', true)).toBe('control');
  });
});

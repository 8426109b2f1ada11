import { describe, expect, it } from 'vitest';
import { answerRange, contentRange, ifRangeAllows, parseRange, type RangeAnswer } from './range';

const SIZE = 10_000;

describe('parseRange', () => {
  it.each<[string | null, RangeAnswer]>([
    [null, { kind: 'full' }],
    ['bytes=0-499', { kind: 'partial', start: 0, end: 499 }],
    ['bytes=500-999', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=9500-', { kind: 'partial', start: 9500, end: 9999 }],
    ['bytes=0-', { kind: 'partial', start: 0, end: 9999 }],
    // Suffix ranges: the last N bytes; more than the size gives the whole file as a 206.
    ['bytes=-500', { kind: 'partial', start: 9500, end: 9999 }],
    ['bytes=-20000', { kind: 'partial', start: 0, end: 9999 }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    // An end past the last byte is clamped; a start at or past the end cannot be satisfied.
    ['bytes=9000-20000', { kind: 'partial', start: 9000, end: 9999 }],
    ['bytes=9999-9999', { kind: 'partial', start: 9999, end: 9999 }],
    ['bytes=10000-', { kind: 'unsatisfiable' }],
    ['bytes=10000-10005', { kind: 'unsatisfiable' }],
    ['bytes=99999999999999999999-', { kind: 'unsatisfiable' }],
    // Case and whitespace as RFC 9110 allows.
    ['Bytes = 10 - 20', { kind: 'partial', start: 10, end: 20 }],
    // Ignored (the whole representation): several ranges, other units, nonsense, an inverted range.
    ['bytes=0-1,5-6', { kind: 'full' }],
    ['items=0-5', { kind: 'full' }],
    ['bytes=abc', { kind: 'full' }],
    ['bytes=-', { kind: 'full' }],
    ['bytes=20-10', { kind: 'full' }],
    ['bytes=1.5-3', { kind: 'full' }],
    ['bytes=-5-', { kind: 'full' }],
  ])('%s', (header, expected) => {
    expect(parseRange(header, SIZE)).toEqual(expected);
  });

  it('nothing in an empty file can be satisfied', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('If-Range', () => {
  const etag = '"m-3f2a"';
  const modified = new Date('2027-04-01T01:02:03.456Z');
  it.each<[string | null, boolean]>([
    [null, true],
    ['"m-3f2a"', true],
    ['"m-other"', false],
    ['W/"m-3f2a"', false],
    ['Thu, 01 Apr 2027 01:02:03 GMT', true],
    ['Thu, 01 Apr 2027 01:02:04 GMT', false],
    ['not a date', false],
  ])('%s → %s', (value, allowed) => {
    expect(ifRangeAllows(value, etag, modified)).toBe(allowed);
  });

  it('a stale If-Range answers the whole file instead of a piece', () => {
    expect(answerRange({ range: 'bytes=0-9', ifRange: '"old"' }, SIZE, etag, modified)).toEqual({
      kind: 'full',
    });
    expect(answerRange({ range: 'bytes=0-9', ifRange: etag }, SIZE, etag, modified)).toEqual({
      kind: 'partial',
      start: 0,
      end: 9,
    });
    expect(answerRange({ ifRange: etag }, SIZE, etag, modified)).toEqual({ kind: 'full' });
  });
});

describe('contentRange', () => {
  it('names the bytes sent, or the size when none could be', () => {
    expect(contentRange({ kind: 'partial', start: 0, end: 499 }, SIZE)).toBe('bytes 0-499/10000');
    expect(contentRange({ kind: 'unsatisfiable' }, SIZE)).toBe('bytes */10000');
    expect(contentRange({ kind: 'full' }, SIZE)).toBeNull();
  });
});

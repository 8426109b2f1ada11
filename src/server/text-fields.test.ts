import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { isMultiline, matchesAny, multilinePaths, multilineText } from './text-fields';

describe('multilineText', () => {
  it('is a trimmed, bounded string that stays marked through chaining', () => {
    expect(multilineText(5).parse('  ab\ncd  ')).toBe('ab\ncd');
    expect(multilineText(3).safeParse('abcd').success).toBe(false);
    expect(multilineText(10, 1).safeParse('  ').success).toBe(false);
    expect(isMultiline(multilineText(10))).toBe(true);
    expect(isMultiline(multilineText(10).min(2))).toBe(true);
    expect(isMultiline(z.string())).toBe(false);
  });
});

describe('multilinePaths', () => {
  it('finds marked fields through objects, arrays, records, wrappers, pipes, unions and lazy schemas', () => {
    const schema = z.object({
      name: z.string(),
      note: multilineText(100).nullable().optional(),
      items: z.array(z.object({ memo: multilineText(10).optional(), code: z.string() })).default([]),
      byKey: z.record(z.string(), multilineText(10)),
      body: z.union([z.object({ text: multilineText(10) }), z.object({ other: z.string() })]),
      piped: multilineText(10)
        .optional()
        .transform((v) => v ?? ''),
      nested: z.lazy(() => z.object({ deep: multilineText(10) })),
    });
    expect(multilinePaths(schema)).toEqual([
      ['note'],
      ['items', '*', 'memo'],
      ['byKey', '*'],
      ['body', 'text'],
      ['piped'],
      ['nested', 'deep'],
    ]);
    expect(multilinePaths(z.object({ a: z.string(), b: z.array(z.string()) }))).toEqual([]);
  });

  it('matches concrete paths against patterns, `*` standing for one segment', () => {
    const patterns = [['note'], ['items', '*', 'memo']];
    expect(matchesAny(['note'], patterns)).toBe(true);
    expect(matchesAny(['items', 3, 'memo'], patterns)).toBe(true);
    expect(matchesAny(['items', 3, 'code'], patterns)).toBe(false);
    expect(matchesAny(['items', 'memo'], patterns)).toBe(false);
    expect(matchesAny(['note', 'x'], patterns)).toBe(false);
    expect(matchesAny([], patterns)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

const spec = { out: 'string', force: 'boolean' } as const;

describe('parseArgs', () => {
  it.each([
    [['--out', 'a.tsb'], { positionals: [], options: { out: 'a.tsb' } }],
    [['--out=a=b.tsb', '--force'], { positionals: [], options: { out: 'a=b.tsb', force: true } }],
    [['x', '--force', 'y'], { positionals: ['x', 'y'], options: { force: true } }],
    [['--', '--out', '-'], { positionals: ['--out', '-'], options: {} }],
    [['--out', '管理者.tsb'], { positionals: [], options: { out: '管理者.tsb' } }],
  ])('parses %j', (argv, expected) => {
    expect(parseArgs(argv, spec)).toEqual(expected);
  });

  it.each([[['--nope']], [['-x']], [['--out']], [['--out', '--force']], [['--out=']], [['--force=yes']]])(
    'refuses %j as a usage error',
    (argv) => {
      expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    },
  );
});

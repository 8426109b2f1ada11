import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    [
      'simple LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'embedded CRLF',
      '"line1\r\nline2",x\r\ny,z',
      [
        ['line1\r\nline2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['embedded LF', '"a\nb"\nc', [['a\nb'], ['c']]],
    ['empty fields', ',,\nx', [['', '', ''], ['x']]],
    ['all-empty last row dropped', 'x\n,,\n', [['x']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['trailing empty lines', 'a\n1\n\n\r\n\n', [['a'], ['1']]],
    ['blank line in the middle kept', 'a\n\n1', [['a'], [''], ['1']]],
    ['trailing comma', 'a,\n', [['a', '']]],
    ['quote inside unquoted field', 'ab"c,d', [['ab"c', 'd']]],
    ['empty input', '', []],
  ])('%s', (_label, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('takes another delimiter', () => {
    expect(parseCsv('a\tb\n"x\ty"\tz', '\t')).toEqual([
      ['a', 'b'],
      ['x\ty', 'z'],
    ]);
  });
});

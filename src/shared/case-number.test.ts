import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from './case-number';

describe('case numbers', () => {
  it.each([
    [2026, 123, 'R8-0123'],
    [2019, 7, 'R1-0007'],
    [2018, 1, 'H30-0001'],
    [2026, 12345, 'R8-12345'],
  ])('names 年度 %i no. %i as %s', (nendo, serial, text) => {
    expect(formatCaseNumber(nendo, serial)).toBe(text);
  });

  it.each([
    ['R8-0123', { nendo: 2026, serial: 123 }],
    ['r8-123', { nendo: 2026, serial: 123 }],
    ['Ｒ８－０１２３', { nendo: 2026, serial: 123 }],
    ['令和8-123', { nendo: 2026, serial: 123 }],
    ['令和元年度-5', { nendo: 2019, serial: 5 }],
    ['H30-0001', { nendo: 2018, serial: 1 }],
    ['2026-0123', { nendo: 2026, serial: 123 }],
    [' 0123 ', { nendo: null, serial: 123 }],
  ])('reads %s', (input, expected) => {
    expect(parseCaseNumber(input)).toEqual(expected);
  });

  it.each(['', '山田', 'R8', 'R8-0', 'R0-12', 'H40-1', 'X8-1', '0'])('refuses %j', (input) => {
    expect(parseCaseNumber(input)).toBeNull();
  });

  it('reads back what it writes', () => {
    for (const [nendo, serial] of [
      [2019, 1],
      [2026, 9999],
      [2030, 10000],
    ] as const) {
      expect(parseCaseNumber(formatCaseNumber(nendo, serial))).toEqual({ nendo, serial });
    }
  });
});

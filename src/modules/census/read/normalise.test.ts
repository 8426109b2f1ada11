import { describe, expect, it } from 'vitest';
import { cleanText, normaliseKana, normaliseName, parseSex } from './normalise';

describe('normalise', () => {
  it('collapses spaces in names', () => {
    expect(normaliseName('  髙﨑　　太郎 ')).toBe('髙﨑 太郎');
    expect(normaliseName(' 　')).toBeNull();
    expect(cleanText('')).toBeNull();
  });

  it.each([
    ['ﾀｶｻｷ ﾀﾛｳ', 'タカサキ タロウ'],
    ['たかさき　たろう', 'タカサキ タロウ'],
    ['ｶﾞｯｺｳ', 'ガッコウ'],
    ['タナカ', 'タナカ'],
  ])('kana %s → %s', (input, expected) => {
    expect(normaliseKana(input)).toBe(expected);
  });

  it.each([
    ['男', 'male'],
    ['男性', 'male'],
    ['M', 'male'],
    ['m', 'male'],
    ['1', 'male'],
    ['１', 'male'],
    ['女', 'female'],
    ['女性', 'female'],
    ['F', 'female'],
    ['2', 'female'],
    ['', null],
    ['不明', undefined],
    ['3', undefined],
  ])('sex %s → %s', (input, expected) => {
    expect(parseSex(input)).toBe(expected);
  });
});

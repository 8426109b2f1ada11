import { describe, expect, it } from 'vitest';
import { kanaKey, kanjiKey, nameKeys, searchKey, weakKanjiKey } from './names';

describe('kanji name key', () => {
  it.each([
    ['髙橋', '高橋'],
    ['山﨑', '山崎'],
    ['山嵜', '山崎'],
    ['渡邊', '渡辺'],
    ['渡邉', '渡辺'],
    ['小澤', '小沢'],
    ['廣瀬', '広瀬'],
    ['濱田', '浜田'],
    ['櫻井', '桜井'],
    ['𠮷田', '吉田'],
    ['中嶋', '中島'],
    ['齋藤', '斎藤'],
    ['齊藤', '斉藤'],
    ['山田　太郎', '山田太郎'],
    ['山田 太郎', '山田太郎'],
    ['山田・太郎', '山田太郎'],
  ])('%s → %s', (input, key) => {
    expect(kanjiKey(input)).toBe(key);
  });

  it('folds the compatibility ideograph 﨑 (U+FA11) and drops variation selectors', () => {
    expect(kanjiKey('\uFA11')).toBe('崎');
    expect(kanjiKey('辺\u{E0101}')).toBe('辺');
  });

  it('keeps 斎 and 斉 apart unless asked for the weak key', () => {
    expect(kanjiKey('斉藤')).not.toBe(kanjiKey('斎藤'));
    expect(weakKanjiKey('斉藤')).toBe(weakKanjiKey('斎藤'));
    expect(weakKanjiKey('齊藤')).toBe(weakKanjiKey('齋藤'));
    expect(weakKanjiKey('龍之介')).toBe(weakKanjiKey('竜之介'));
  });

  it('does not touch unrelated characters', () => {
    expect(kanjiKey('佐藤花子')).toBe('佐藤花子');
  });
});

describe('kana key and search key', () => {
  it('treats spelling variants of the same reading alike', () => {
    expect(kanaKey('さいとう ゆうと')).toBe(kanaKey('サイトウユート'));
    expect(kanaKey('ｻｲﾄｳ ﾕｳﾄ')).toBe(kanaKey('サイトウ　ユウト'));
    expect(kanaKey('オオノ')).toBe(kanaKey('オーノ'));
  });

  it('builds both keys of a record', () => {
    expect(
      nameKeys({ familyName: '髙橋', givenName: '健', familyKana: 'たかはし', givenKana: 'けん' }),
    ).toEqual({
      nameKey: '高橋健',
      kanaKey: kanaKey('タカハシケン'),
    });
  });

  it('chooses the kana or kanji column from the input', () => {
    expect(searchKey('たかはし')).toEqual({ kind: 'kana', key: kanaKey('タカハシ') });
    expect(searchKey('ﾀｶﾊｼ')?.kind).toBe('kana');
    expect(searchKey('髙橋')).toEqual({ kind: 'kanji', key: '高橋' });
    expect(searchKey('  ')).toBeNull();
  });
});

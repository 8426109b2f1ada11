import { describe, expect, it } from 'vitest';
import {
  isHiragana,
  isKatakana,
  kanaKeyParts,
  normaliseKanaKey,
  toFullwidth,
  toFullwidthKana,
  toHalfwidth,
  toHiragana,
  toKatakana,
} from './kana';

describe('toKatakana / toHiragana', () => {
  it.each([
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ぁぃぅぇぉっゃゅょゎゕゖ', 'ァィゥェォッャュョヮヵヶ'],
    ['ゔ', 'ヴ'],
    ['さゝき みすゞ', 'サヽキ ミスヾ'],
    ['らーめん', 'ラーメン'],
    ['山田たろう', '山田タロウ'],
    ['abc123', 'abc123'],
  ])('toKatakana(%j) → %j', (hira, kata) => {
    expect(toKatakana(hira)).toBe(kata);
    expect(toHiragana(kata)).toBe(hira);
  });

  it('leaves katakana without hiragana, half-width kana and ー alone', () => {
    expect(toHiragana('ヷヸヹヺー')).toBe('ヷヸヹヺー');
    expect(toKatakana('ﾔﾏﾀﾞ')).toBe('ﾔﾏﾀﾞ');
    expect(toHiragana('ﾔﾏﾀﾞ')).toBe('ﾔﾏﾀﾞ');
  });

  it('round-trips every hiragana letter', () => {
    for (let c = 0x3041; c <= 0x3096; c++) {
      const h = String.fromCharCode(c);
      expect(toHiragana(toKatakana(h))).toBe(h);
      expect(isKatakana(toKatakana(h))).toBe(true);
    }
  });
});

describe('toFullwidthKana', () => {
  it.each([
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ｶﾞｷﾞｸﾞｹﾞｺﾞ ﾊﾟﾋﾟ ｳﾞ', 'ガギグゲゴ パピ ヴ'],
    ['ｼｮｳｺ ｰ ･', 'ショウコ ー ・'],
    ['ABC１２３', 'ABC１２３'],
  ])('%j → %j', (half, full) => {
    expect(toFullwidthKana(half)).toBe(full);
  });
});

describe('toHalfwidth / toFullwidth', () => {
  it.each([
    ['０１２３４５６７８９', '0123456789'],
    ['ＡＢＣＸＹＺａｂｃｘｙｚ', 'ABCXYZabcxyz'],
    ['Ｒ１．５．１０', 'R1.5.10'],
    ['２０１９／０４／０５', '2019/04/05'],
    ['（金）－＃＠！～', '(金)-#@!~'],
    ['山田\u3000太郎', '山田 太郎'],
  ])('%j ↔ %j', (full, half) => {
    expect(toHalfwidth(full)).toBe(half);
    expect(toFullwidth(half)).toBe(full);
  });

  it('leaves kana and kanji alone', () => {
    expect(toHalfwidth('ヤマダやまだ山田ﾔﾏﾀﾞ')).toBe('ヤマダやまだ山田ﾔﾏﾀﾞ');
    expect(toFullwidth('ヤマダやまだ山田ﾔﾏﾀﾞ')).toBe('ヤマダやまだ山田ﾔﾏﾀﾞ');
  });

  it('round-trips all printable ASCII', () => {
    let ascii = '';
    for (let c = 0x20; c <= 0x7e; c++) ascii += String.fromCharCode(c);
    expect(toHalfwidth(toFullwidth(ascii))).toBe(ascii);
  });
});

describe('isKatakana / isHiragana', () => {
  it.each([
    ['サッポロシ', true, false],
    ['ヴァイオリン', true, false],
    ['サヽキ', true, false],
    ['ラーメン', true, false],
    ['さっぽろし', false, true],
    ['らーめん', false, true],
    ['ヤマダ タロウ', false, false],
    ['ﾔﾏﾀﾞ', false, false],
    ['山田', false, false],
    ['', false, false],
  ])('%j → katakana %s, hiragana %s', (s, kata, hira) => {
    expect(isKatakana(s)).toBe(kata);
    expect(isHiragana(s)).toBe(hira);
  });
});

describe('normaliseKanaKey', () => {
  it.each([
    // width, script, spaces (§11.3 steps 1–3)
    ['ヤマダタロウ', 'ヤマダタロー'],
    ['やまだ たろう', 'ヤマダタロー'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロー'],
    ['ヤマダ\u3000タロウ', 'ヤマダタロー'],
    ['ヤマダ・タロウ', 'ヤマダタロー'],
    ['ﾔﾏﾀﾞ･ﾀﾛｳ', 'ヤマダタロー'],
    ['ヤマダ,タロウ', 'ヤマダタロー'],
    ['  ヤマダ  タロウ  ', 'ヤマダタロー'],
    ['ヤマタ\u3099', 'ヤマダ'],
    ['ヤマタ゛', 'ヤマダ'],
    ['ハ゜ク', 'パク'],
    // small kana written large (step 4)
    ['ショウ', 'シヨー'],
    ['シヨウ', 'シヨー'],
    ['ハットリ', 'ハツトリ'],
    ['ハツトリ', 'ハツトリ'],
    ['キャサリン', 'キヤサリン'],
    ['ヶ', 'ケ'],
    // variant sounds (step 5)
    ['ヴァイオリン', 'バイオリン'],
    ['ヴィヴィアン', 'ビビアン'],
    ['ヴェ', 'ベ'],
    ['ヴォ', 'ボ'],
    ['ヴ', 'ブ'],
    ['ヴュ', 'ビユ'],
    ['ゔぁ', 'バ'],
    ['ﾁﾂﾞｺ', 'チズコ'],
    ['チヂコ', 'チジコ'],
    ['ミカヅキ', 'ミカズキ'],
    ['ヲノ', 'オノ'],
    ['ヰ', 'イ'],
    ['ヱミ', 'エミ'],
    // long vowels (step 6): folded to one ー
    ['ユウト', 'ユート'],
    ['ユート', 'ユート'],
    ['オオノ', 'オーノ'],
    ['オーノ', 'オーノ'],
    ['オウノ', 'オーノ'],
    ['サトウ', 'サトー'],
    ['サトー', 'サトー'],
    ['サトオ', 'サトー'],
    ['ケイコ', 'ケーコ'],
    ['ケーコ', 'ケーコ'],
    ['シイナ', 'シーナ'],
    ['コウイチ', 'コーイチ'],
    ['オオウチ', 'オーチ'],
    ['ユーート', 'ユート'],
    ['ユ－ト', 'ユート'],
    ['ユ-ト', 'ユート'],
    ['ﾕｰﾄ', 'ユート'],
    ['ユ〜ト', 'ユート'],
    ['ーユト', 'ユト'],
    ['アイ', 'アイ'],
    ['マイ', 'マイ'],
    ['ヨウイチ', 'ヨーイチ'],
    ['ツヨシ', 'ツヨシ'],
    ['ンー', 'ン'],
    // iteration marks
    ['サヽキ', 'ササキ'],
    ['さゝき', 'ササキ'],
    ['ミスヾ', 'ミスズ'],
    ['ヽ', 'ヽ'],
    // Latin, digits, variation selectors
    ['ｙａｍａｄａ', 'YAMADA'],
    ['Yamada Taro', 'YAMADATARO'],
    ['ヤマダ\u{E0100}', 'ヤマダ'],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(normaliseKanaKey(input)).toBe(key);
  });

  it.each([
    ['ショウ', 'シヨウ'],
    ['ユウト', 'ユート'],
    ['オオノ', 'オーノ'],
    ['オーノ', 'オウノ'],
    ['ジュン', 'ヂュン'],
    ['スズキ', 'スヅキ'],
    ['ハットリ', 'ﾊｯﾄﾘ'],
    ['やまだ　ゆうと', 'ﾔﾏﾀﾞ ﾕｰﾄ'],
    ['ヤマダ・ユウト', 'やまだゆーと'],
    ['サイトウ', 'サイトー'],
    ['キョウコ', 'きよう こ'],
    ['ヴァイオリン', 'バイオリン'],
    ['ティナ', 'テイナ'],
  ])('%j matches %j', (a, b) => {
    expect(normaliseKanaKey(a)).toBe(normaliseKanaKey(b));
  });

  it.each([
    ['キョウコ', 'キヨコ'],
    ['サトウ', 'サト'],
    ['オオノ', 'オノ'],
    ['ユウト', 'ユト'],
    ['ヤマダ', 'ヤマタ'],
    ['ハナ', 'ハンナ'],
    ['アイ', 'アー'],
  ])('%j does not match %j', (a, b) => {
    expect(normaliseKanaKey(a)).not.toBe(normaliseKanaKey(b));
  });

  it('is idempotent', () => {
    for (const s of ['ｷｮｳｺ', 'ヴァイオリン', 'オオウチ ユウト', 'サヽキ・ミスヾ', 'ﾕ-ﾄ']) {
      const key = normaliseKanaKey(s);
      expect(normaliseKanaKey(key)).toBe(key);
    }
  });

  it('does not modify its argument', () => {
    const name = 'ﾔﾏﾀﾞ ﾀﾛｳ';
    normaliseKanaKey(name);
    expect(name).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
  });
});

describe('kanaKeyParts', () => {
  it.each([
    ['ヤマダ タロウ', ['ヤマダ', 'タロー']],
    ['やまだ\u3000ゆうと', ['ヤマダ', 'ユート']],
    ['ﾔﾏﾀﾞ ﾕｰﾄ', ['ヤマダ', 'ユート']],
    ['ヤマダ・タロウ', ['ヤマダ', 'タロー']],
    ['スミス, ジョン', ['スミス', 'ジヨン']],
    ['ヤマダタロウ', ['ヤマダタロー']],
    ['  ヤマダ  ', ['ヤマダ']],
    ['', []],
  ])('%j → %j', (input, parts) => {
    expect(kanaKeyParts(input)).toEqual(parts);
  });
});

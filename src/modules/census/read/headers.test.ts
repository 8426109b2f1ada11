import { describe, expect, it } from 'vitest';
import { fieldOfHeader, hasNameColumns, normaliseHeader, recogniseHeaders } from './headers';

describe('fieldOfHeader', () => {
  it.each([
    // The list
    ['氏名', 'name'],
    ['児童氏名', 'name'],
    ['児童生徒氏名', 'name'],
    ['名前', 'name'],
    ['フリガナ', 'kana'],
    ['ふりがな', 'kana'],
    ['カナ', 'kana'],
    ['氏名カナ', 'kana'],
    ['生年月日', 'birthDate'],
    ['性別', 'sex'],
    ['住所', 'address'],
    ['市町村', 'municipality'],
    ['市町名', 'municipality'],
    ['居住市町', 'municipality'],
    ['市町村コード', 'municipality'],
    ['学校名', 'school'],
    ['学年', 'grade'],
    // Others officials write
    ['氏', 'familyName'],
    ['姓', 'familyName'],
    ['名', 'givenName'],
    ['氏（漢字）', 'familyName'],
    ['フリガナ（姓）', 'familyKana'],
    ['フリガナ（名）', 'givenKana'],
    ['生年月日（西暦）', 'birthDate'],
    ['誕生日', 'birthDate'],
    ['男女', 'sex'],
    ['住所地', 'address'],
    ['居住地', 'address'],
    ['市区町村名', 'municipality'],
    ['市町村名', 'municipality'],
    ['学校', 'school'],
    ['在籍校', 'school'],
    ['学年・組', 'grade'],
    ['医療的ケア', 'careItems'],
    ['医療的ケアの内容', 'careItems'],
    ['必要な医療的ケア', 'careItems'],
    ['ケア内容', 'careItems'],
    ['医療的ケア（複数可）', 'careItems'],
    // Width, spaces, notes and unknown bracketed remarks
    ['ﾌﾘｶﾞﾅ', 'kana'],
    [' 氏　名 ', 'name'],
    ['生年月日※和暦可', 'birthDate'],
    ['生年月日(和暦可)', 'birthDate'],
    ['【氏名】', 'name'],
    ['ＮＡＭＥ', 'name'],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each(['保護者氏名', '備考', '', '医療的ケアの有無'])('%s is not recognised', (header) => {
    expect(fieldOfHeader(header)).toBeNull();
  });
});

describe('normaliseHeader', () => {
  it('folds width, removes spaces, brackets and ※ notes', () => {
    expect(normaliseHeader(' フリガナ（姓）※全角 ')).toBe('フリガナ姓');
    expect(normaliseHeader('ｶﾅ')).toBe('カナ');
  });
});

describe('recogniseHeaders', () => {
  it('recognises by synonyms', () => {
    expect(recogniseHeaders(['No.', '児童氏名', 'ふりがな', '生年月日'])).toEqual([
      { header: 'No.', field: null },
      { header: '児童氏名', field: 'name' },
      { header: 'ふりがな', field: 'kana' },
      { header: '生年月日', field: 'birthDate' },
    ]);
  });

  it('lets a hand mapping override, add and ignore columns (matched after normalisation)', () => {
    const cols = recogniseHeaders(['対象者', '住所', 'DOB', '学校名'], {
      対象者: 'name',
      '住 所': null,
      ＤＯＢ: 'birthDate',
    });
    expect(cols.map((c) => c.field)).toEqual(['name', null, 'birthDate', 'school']);
  });

  it('accepts split name columns as a name', () => {
    const cols = recogniseHeaders(['姓', '名', 'セイ', 'メイ']);
    expect(cols.map((c) => c.field)).toEqual(['familyName', 'givenName', 'familyKana', 'givenKana']);
    expect(hasNameColumns(cols)).toBe(true);
    expect(hasNameColumns(recogniseHeaders(['住所', '保護者氏名']))).toBe(false);
  });
});

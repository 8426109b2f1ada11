import { describe, expect, it } from 'vitest';
import { isKatakana } from './kana';
import {
  isValidMunicipalityCode,
  municipalityCheckDigit,
  normaliseMunicipalityCode,
  prefectureOf,
} from './municipality-code';
import data from './reference/municipalities.json';

describe('municipalityCheckDigit (reference-jp §6 worked examples)', () => {
  it.each([
    ['13101', 6], // 千代田区: 27 mod 11 = 5 → 6
    ['01205', 0], // 室蘭市: 23 mod 11 = 1 → 10 → 0
    ['01101', 1], // 札幌市中央区: 11 mod 11 = 0 → 11 → 1
    ['01100', 2], // 札幌市
    ['13000', 1], // 東京都
    ['47000', 7], // 沖縄県
  ])('%s → %i', (first5, digit) => {
    expect(municipalityCheckDigit(first5)).toBe(digit);
  });

  it.each(['1310', '131016', '1310a', '', '１３１０１'])('throws for %j', (bad) => {
    expect(() => municipalityCheckDigit(bad)).toThrow();
  });
});

describe('isValidMunicipalityCode', () => {
  it.each(['131016', '012050', '011011', '011002', '130001', '472018'])('accepts %s', (code) => {
    expect(isValidMunicipalityCode(code)).toBe(true);
  });

  it.each([
    ['131017', 'wrong check digit'],
    ['012051', 'wrong check digit'],
    ['13101', 'five digits'],
    ['1310166', 'seven digits'],
    ['１３１０１６', 'full-width'],
    [' 131016', 'leading space'],
    ['13-101', 'separator'],
    ['000001', 'prefecture 00 (check digit valid)'],
    ['481009', 'prefecture 48'],
    ['991003', 'prefecture 99'],
    ['', 'empty'],
  ])('rejects %j (%s)', (code) => {
    expect(isValidMunicipalityCode(code)).toBe(false);
  });

  it('rejects every other check digit for a valid code', () => {
    for (let d = 0; d <= 9; d++) expect(isValidMunicipalityCode(`13101${d}`)).toBe(d === 6);
  });
});

describe('normaliseMunicipalityCode', () => {
  it.each([
    ['131016', '131016'],
    ['13101', '131016'],
    ['01205', '012050'],
    ['01101', '011011'],
    ['１３１０１', '131016'],
    ['１３１０１６', '131016'],
    ['０１２０５', '012050'],
    ['  13101 ', '131016'],
    ['\t012050\n', '012050'],
  ])('%j → %s', (input, code) => {
    expect(normaliseMunicipalityCode(input)).toBe(code);
  });

  it.each([
    '131017',
    '00000',
    '48001',
    '99999',
    '000001',
    '481009',
    '1310',
    '1310166',
    '13-101',
    '13 101',
    'abcde',
    '',
  ])('%j → null', (input) => {
    expect(normaliseMunicipalityCode(input)).toBeNull();
  });
});

describe('prefectureOf', () => {
  it.each([
    ['131016', '13'],
    ['012050', '01'],
    ['472018', '47'],
  ])('%s → %s', (code, pref) => {
    expect(prefectureOf(code)).toBe(pref);
  });
});

describe('reference/municipalities.json', () => {
  const NORTHERN_TERRITORIES = ['016951', '016969', '016977', '016985', '016993', '017001'];
  const municipalities = data.municipalities;
  const mainland = municipalities.filter((m) => !NORTHERN_TERRITORIES.includes(m.code));

  it('has the 47 prefectures 01–47 with valid 6-digit codes and katakana readings', () => {
    expect(data.prefectures).toHaveLength(47);
    data.prefectures.forEach((p, i) => {
      expect(p.code).toBe(String(i + 1).padStart(2, '0'));
      expect(p.lgCode).toBe(`${p.code}000${municipalityCheckDigit(`${p.code}000`)}`);
      expect(isValidMunicipalityCode(p.lgCode)).toBe(true);
      expect(p.name).toMatch(/^.+[都道府県]$/);
      expect(isKatakana(p.kana)).toBe(true);
    });
  });

  it('has 1,741 municipalities plus the 6 北方領土 villages', () => {
    expect(municipalities).toHaveLength(1747);
    expect(mainland).toHaveLength(1741);
    const northern = municipalities.filter((m) => NORTHERN_TERRITORIES.includes(m.code));
    expect(northern.map((m) => m.name)).toEqual(['色丹村', '泊村', '留夜別村', '留別村', '紗那村', '蘂取村']);
    expect(northern.every((m) => m.kind === 'village')).toBe(true);
  });

  it('splits 792 市 (20 政令市), 743 町, 183 村 and 23 特別区, as reference-jp §6 counts', () => {
    const count = (kind: string) => mainland.filter((m) => m.kind === kind).length;
    expect(count('city') + count('designated_city')).toBe(792);
    expect(count('designated_city')).toBe(20);
    expect(count('town')).toBe(743);
    expect(count('village')).toBe(183);
    expect(count('special_ward')).toBe(23);
  });

  it('every code is unique, passes isValidMunicipalityCode and belongs to a listed prefecture', () => {
    const prefectures = new Set(data.prefectures.map((p) => p.code));
    const invalid = municipalities.filter((m) => !isValidMunicipalityCode(m.code)).map((m) => m.code);
    expect(invalid).toEqual([]);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(municipalities.length);
    for (const m of municipalities) {
      expect(prefectures.has(prefectureOf(m.code))).toBe(true);
      expect(normaliseMunicipalityCode(m.code.slice(0, 5))).toBe(m.code);
    }
  });

  it('every name is non-empty and ends as its kind says, and every reading is katakana', () => {
    const suffix: Record<string, string> = {
      city: '市',
      designated_city: '市',
      town: '町',
      village: '村',
      special_ward: '区',
    };
    const bad = municipalities.filter(
      (m) => m.name.length < 2 || !m.name.endsWith(suffix[m.kind] ?? '?') || !isKatakana(m.kana),
    );
    expect(bad).toEqual([]);
  });

  it('has the 23 特別区 all in Tokyo (13101–13123)', () => {
    const wards = municipalities.filter((m) => m.kind === 'special_ward');
    expect(wards.every((m) => /^131(0\d|1\d|2[0-3])\d$/.test(m.code))).toBe(true);
  });
});

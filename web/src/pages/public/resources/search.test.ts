import { describe, expect, it } from 'vitest';
import { careCodes, nearOf, parsePublicResourceSearch } from './search';

describe('parsePublicResourceSearch', () => {
  it('keeps a shared search as it was written', () => {
    const s = parsePublicResourceSearch({
      where: ' 藤沢市 ',
      care: 'ventilator,suction',
      type: 'child_development_support',
      age: '4',
      q: 'ひまわり',
      page: '2',
    });
    expect(s).toEqual({
      where: '藤沢市',
      municipality: undefined,
      type: 'child_development_support',
      care: 'ventilator,suction',
      age: 4,
      q: 'ひまわり',
      near: undefined,
      radius: undefined,
      page: 2,
    });
    expect(careCodes(s)).toEqual(['ventilator', 'suction']);
  });

  it('drops what a hand-edited URL gets wrong', () => {
    const s = parsePublicResourceSearch({
      municipality: '14205',
      care: 'ventilator,<script>,,oxygen',
      age: '-1',
      page: '1',
      q: '   ',
    });
    expect(s.municipality).toBeUndefined();
    expect(s.care).toBe('ventilator,oxygen');
    expect(s.age).toBeUndefined();
    expect(s.page).toBeUndefined();
    expect(s.q).toBeUndefined();
    expect(careCodes({})).toEqual([]);
  });

  it('accepts numbers as the router parses them', () => {
    expect(parsePublicResourceSearch({ age: 0, municipality: 142051 })).toMatchObject({
      age: 0,
      municipality: '142051',
    });
  });

  it('keeps a near-me point and radius, and drops a malformed one', () => {
    expect(parsePublicResourceSearch({ near: '35.34,139.49', radius: '20' })).toMatchObject({
      near: '35.34,139.49',
      radius: 20,
    });
    for (const near of ['35.34', '91,139', '35,181', 'a,b', '35.1234567,139']) {
      expect(parsePublicResourceSearch({ near }).near, near).toBeUndefined();
    }
    expect(parsePublicResourceSearch({ near: '35,139', radius: 31 }).radius).toBeUndefined();
  });

  it('rounds the device position to about a kilometre for the URL', () => {
    expect(nearOf(35.339_812, 139.487_66)).toBe('35.34,139.49');
    expect(nearOf(-33.8688, 151.2093)).toBe('-33.87,151.21');
  });
});

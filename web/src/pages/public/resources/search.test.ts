import { describe, expect, it } from 'vitest';
import { careCodes, parsePublicResourceSearch } from './search';

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
});

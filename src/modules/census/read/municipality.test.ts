import { describe, expect, it } from 'vitest';
import { resolveMunicipalityCell, resolveMunicipalityFromAddress } from './municipality';

describe('resolveMunicipalityCell', () => {
  it.each([
    ['142051', undefined, '142051'],
    ['14205', undefined, '142051'],
    ['１４２０５', undefined, '142051'],
    ['142050', undefined, null], // wrong check digit
    ['011002', undefined, '011002'],
    ['01100', undefined, '011002'],
    ['1100', undefined, '011002'], // 01100 with its leading 0 lost in a numeric Excel column
    ['11002', undefined, '011002'], // 011002 likewise; 110027 does not exist
    ['13101', undefined, '131016'],
    ['藤沢市', undefined, '142051'],
    ['神奈川県藤沢市', undefined, '142051'],
    ['神奈川県 藤沢市', undefined, '142051'],
    ['府中市', undefined, null], // 東京都 and 広島県: ambiguous without a prefecture
    ['府中市', '13', '132063'],
    ['府中市', '34', '342084'],
    ['広島県府中市', '13', '342084'], // a written prefecture wins
    ['藤沢市', '13', null],
    ['どこか市', undefined, null],
    ['', undefined, null],
  ])('%s (pref %s) → %s', (value, pref, expected) => {
    expect(resolveMunicipalityCell(value, pref)).toBe(expected);
  });
});

describe('resolveMunicipalityFromAddress', () => {
  it.each([
    ['藤沢市鵠沼海岸1-2-3', undefined, '142051'],
    ['神奈川県藤沢市鵠沼海岸1-2-3', undefined, '142051'],
    ['高座郡寒川町宮山1', undefined, '143219'],
    ['神奈川県高座郡寒川町宮山1', undefined, '143219'],
    ['郡山市堂前町1', undefined, '072036'],
    ['横浜市中区本町1', undefined, '141003'],
    ['千代田区霞が関1', undefined, '131016'],
    ['府中市宮西町1', undefined, null],
    ['府中市宮西町1', '13', '132063'],
    ['鵠沼海岸1-2-3', '14', null],
  ])('%s (pref %s) → %s', (address, pref, expected) => {
    expect(resolveMunicipalityFromAddress(address, pref)).toBe(expected);
  });
});

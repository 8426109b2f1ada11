import { describe, expect, it } from 'vitest';
import {
  choosePlace,
  type PlaceCandidate,
  parsePlacesCsv,
  placeKey,
  postalCodeOf,
  townOf,
} from './place-names';

const place = (over: Partial<PlaceCandidate>): PlaceCandidate => ({
  id: over.name ?? 'x',
  municipalityCode: '142051',
  kind: 'town',
  name: '辻堂',
  latitude: 35.3,
  longitude: 139.4,
  source: 'listings',
  ...over,
});

describe('placeKey', () => {
  it('folds kana, width, ヶ and a trailing 駅', () => {
    expect(placeKey('辻堂駅')).toBe(placeKey('辻堂'));
    expect(placeKey('つじどうえき')).toBe(placeKey('ツジドウ'));
    expect(placeKey('ﾂｼﾞﾄﾞｳ')).toBe(placeKey('つじどう'));
    expect(placeKey('茅ヶ崎')).toBe(placeKey('茅ケ崎'));
    expect(placeKey('茅が崎')).toBe(placeKey('茅ヶ崎'));
    expect(placeKey(' 藤沢　駅 ')).toBe(placeKey('藤沢'));
    expect(placeKey('駅')).toBe(placeKey('駅'));
  });
});

describe('townOf and postalCodeOf', () => {
  it('reads the 町字 after the municipality', () => {
    expect(townOf('藤沢市辻堂元町1-2-3', '藤沢市')).toBe('辻堂元町');
    expect(townOf('神奈川県藤沢市鵠沼海岸２丁目', '藤沢市')).toBe('鵠沼海岸');
    expect(townOf('横浜市中区本町2-22', '横浜市')).toBe('本町');
    expect(townOf('藤沢市大字亀井野5', '藤沢市')).toBe('亀井野');
    expect(townOf('藤沢市', '藤沢市')).toBeNull();
    expect(townOf('茅ヶ崎市本町1-1', '藤沢市')).toBeNull();
  });
  it('reads postal codes as typed', () => {
    expect(postalCodeOf('〒251-0047')).toBe('2510047');
    expect(postalCodeOf('２５１００４７')).toBe('2510047');
    expect(postalCodeOf('251')).toBeNull();
  });
});

describe('choosePlace', () => {
  it('takes the one municipality’s best match, stations first when 駅 was typed', () => {
    const station = place({ name: '辻堂駅', kind: 'station', source: 'import' });
    const town = place({ name: '辻堂', kind: 'town' });
    expect(choosePlace([town, station], '辻堂駅')).toEqual({ kind: 'one', place: station });
    expect(
      choosePlace([town, place({ name: '辻堂', latitude: null, longitude: null, source: 'import' })], '辻堂'),
    ).toEqual({ kind: 'one', place: town });
  });
  it('offers the choice across municipalities, or nothing', () => {
    const a = place({ name: '本町', municipalityCode: '142051' });
    const b = place({ name: '本町', municipalityCode: '142077' });
    const chosen = choosePlace([b, a], '本町');
    expect(chosen.kind).toBe('choices');
    expect(chosen.kind === 'choices' && chosen.places.map((p) => p.municipalityCode)).toEqual([
      '142051',
      '142077',
    ]);
    expect(choosePlace([], 'どこか')).toEqual({ kind: 'none' });
    // 駅 typed and one station among 町字 elsewhere: the station.
    const st = place({ name: '本町駅', kind: 'station', municipalityCode: '142034' });
    expect(choosePlace([a, b, st], '本町駅')).toEqual({ kind: 'one', place: st });
  });
});

describe('parsePlacesCsv', () => {
  it('reads English or Japanese headers, quoted cells and kinds in Japanese', () => {
    const { rows, issues } = parsePlacesCsv(
      '\uFEFF名称,よみ,種別,市区町村コード,緯度,経度,郵便番号\r\n"辻堂駅",つじどうえき,駅,142051,35.3362,139.447,\r\n辻堂元町,,町字,142051,,,251-0043\r\n',
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        municipalityCode: '142051',
        kind: 'station',
        name: '辻堂駅',
        kana: 'つじどうえき',
        postalCode: null,
        latitude: 35.3362,
        longitude: 139.447,
      },
      {
        municipalityCode: '142051',
        kind: 'town',
        name: '辻堂元町',
        kana: null,
        postalCode: '2510043',
        latitude: null,
        longitude: null,
      },
    ]);
  });
  it('names the rows it cannot read', () => {
    const { rows, issues } = parsePlacesCsv(
      'name,kind,municipality_code,lat,lon\n,station,142051,35,139\nA,station,999999,35,139\nB,空港,142051,35,139\nC,station,142051,35,\n',
    );
    expect(rows).toEqual([]);
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4, 5]);
    expect(parsePlacesCsv('foo,bar\n1,2').issues[0]?.line).toBe(1);
  });
});

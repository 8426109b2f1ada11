import { describe, expect, it } from 'vitest';
import type { CensusRecord } from '../types';
import { candidatePairs } from './block';
import { clusterPairs } from './cluster';
import { compare, editDistance, isTwinPair } from './compare';
import { generateCensus } from './generate';
import { addressKey, buildKeys } from './keys';
import { linkRecords } from './link';
import { explain } from './model';

let rowOf: Record<string, number> = {};
/** A record of `file`; rows are numbered per file in order of creation. */
function rec(
  file: string,
  name: string,
  kana: string | null,
  birthDate: string,
  extra: Partial<CensusRecord> = {},
) {
  rowOf[file] = (rowOf[file] ?? 0) + 1;
  return {
    file,
    row: rowOf[file]!,
    name,
    kana,
    birthDate,
    sex: 'male',
    address: '藤沢市本町1-2-3',
    municipalityCode: '142051',
    school: null,
    grade: null,
    raw: {},
    ...extra,
  } satisfies CensusRecord as CensusRecord;
}

/** Background population so that the model has something to estimate u and m from. */
function background(): CensusRecord[] {
  return generateCensus({ seed: 11, children: 400 }).records;
}

/** Links `extra` together with the background and returns their cluster numbers. */
function clustersOf(extra: CensusRecord[]): number[] {
  const all = [...background(), ...extra];
  const r = linkRecords(all);
  return r.clusterOf.slice(all.length - extra.length);
}

describe('keys', () => {
  it('folds kana forms, kanji variants and spaces, and splits names', () => {
    rowOf = {};
    const keys = buildKeys([
      rec('a', '髙橋　陽翔', 'たかはし　はると', '2019-04-05'),
      rec('b', '高橋陽翔', 'ﾀｶﾊｼﾊﾙﾄ', '2019-04-05'),
      rec('c', '渡邊 翔太', 'ワタナベ シヨータ', '2019-04-05'),
      rec('d', '渡辺翔太', 'ワタナベショウタ', '2019-04-05'),
    ]);
    expect(keys[0]!.kanji).toBe(keys[1]!.kanji);
    expect(keys[0]!.kana).toBe(keys[1]!.kana);
    expect([keys[1]!.familyKanji, keys[1]!.givenKanji]).toEqual(['高橋', '陽翔']);
    expect([keys[1]!.familyKana, keys[1]!.givenKana]).toEqual(['タカハシ', 'ハルト']);
    expect(keys[2]!.kana).toBe(keys[3]!.kana);
    expect(keys[2]!.kanji).toBe('渡辺翔太');
    expect(keys[0]).toMatchObject({ year: 2019, month: 4, day: 5, municipality: '142051' });
  });

  it('reduces addresses to a comparable key', () => {
    expect(addressKey('本町１丁目２番３号')).toBe(addressKey('本町1-2-3'));
    expect(addressKey(' ')).toBeNull();
  });
});

describe('blocking and comparison', () => {
  it('pairs records through any rule and never all pairs', () => {
    rowOf = {};
    const keys = buildKeys([
      rec('a', '山田 花子', 'ヤマダ ハナコ', '2019-04-05'),
      rec('b', '山田花子', 'ヤマダハナコ', '2019-05-04'), // swapped day/month: name and swap rules
      rec('c', '佐藤 花子', 'サトウ ハナコ', '2019-04-05'), // same date
      rec('d', '鈴木 一郎', 'スズキ イチロウ', '2011-01-20', { municipalityCode: '141003' }),
    ]);
    const pairs = candidatePairs(keys).map((p) => `${p.a}-${p.b}`);
    expect(pairs).toContain('0-1');
    expect(pairs).toContain('0-2');
    expect(pairs).not.toContain('0-3');
  });

  it('grades birth dates: swapped, one day, same month', () => {
    rowOf = {};
    const [a, b, c, d] = buildKeys([
      rec('a', '山田 花子', null, '2019-04-05'),
      rec('b', '山田 花子', null, '2019-05-04'),
      rec('c', '山田 花子', null, '2019-04-06'),
      rec('d', '山田 花子', null, '2019-04-20'),
    ]);
    expect(compare(a!, b!).birthDate).toBe('swapped');
    expect(compare(a!, c!).birthDate).toBe('oneDay');
    expect(compare(a!, d!).birthDate).toBe('yearMonth');
    expect(compare(a!, a!).kana).toBe('missing');
  });

  it('grades names: weak variant, one edit, given name only', () => {
    rowOf = {};
    const [a, b, c, d] = buildKeys([
      rec('a', '斎藤 蓮', 'サイトウ レン', '2019-04-05'),
      rec('b', '斉藤 蓮', 'サイトー レン', '2019-04-05'),
      rec('c', '斎藤 蓮', 'サイトウ ロン', '2019-04-05'),
      rec('d', '小林 蓮', 'コバヤシ レン', '2019-04-05'),
    ]);
    expect(compare(a!, b!)).toMatchObject({ kanji: 'weak', kana: 'exact' });
    expect(compare(a!, c!).kana).toBe('oneEdit');
    expect(compare(a!, d!)).toMatchObject({ kanji: 'given', kana: 'given' });
    expect(editDistance('ユート', 'ユーマ')).toBe(1);
  });
});

describe('linkage rules', () => {
  it('keeps twins apart (same family, birth date and address)', () => {
    rowOf = {};
    const extra = [
      rec('hokenshi.csv', '髙﨑 陽翔', 'たかさき はると', '2019-04-05'),
      rec('hokenshi.csv', '髙﨑 湊', 'たかさき みなと', '2019-04-05'),
      rec('kyouiku.csv', '高崎陽翔', 'タカサキハルト', '2019-04-05'),
      rec('kyouiku.csv', '高崎湊', 'タカサキミナト', '2019-04-05'),
      rec('fukushi.csv', '高崎　湊', null, '2019-04-05'),
    ];
    const [t1, t2, t3, t4, t5] = clustersOf(extra);
    expect(t1).toBe(t3);
    expect(t2).toBe(t4);
    expect(t2).toBe(t5);
    expect(t1).not.toBe(t2);
    const keys = buildKeys(extra);
    expect(isTwinPair(keys[0]!, keys[1]!)).toBe(true);
    expect(isTwinPair(keys[0]!, keys[4]!)).toBe(true);
    expect(isTwinPair(keys[0]!, keys[2]!)).toBe(false);
  });

  it('finds a child whose family name changed between lists', () => {
    rowOf = {};
    const [a, b] = clustersOf([
      rec('hokenshi.csv', '小林 琴音', 'こばやし ことね', '2016-11-30', { sex: 'female' }),
      rec('kyouiku.csv', '中川 琴音', 'ナカガワ コトネ', '2016-11-30', { sex: 'female' }),
    ]);
    expect(a).toBe(b);
  });

  it('links swapped day/month and a one-day slip, and a child who moved', () => {
    rowOf = {};
    const [a, b, c, d] = clustersOf([
      rec('hokenshi.csv', '岡田 律', 'おかだ りつ', '2015-03-07'),
      rec('kyouiku.csv', '岡田律', 'オカダリツ', '2015-07-03'),
      rec('fukushi.csv', '岡田 律', 'ｵｶﾀﾞ ﾘﾂ', '2015-03-08'),
      rec('other.csv', '岡田 律', 'オカダ リツ', '2015-03-07', {
        municipalityCode: '141003',
        address: '横浜市中央5-6-7',
      }),
    ]);
    expect(new Set([a, b, c, d]).size).toBe(1);
  });

  it('keeps a duplicate within one list together, but never joins two children of one list', () => {
    rowOf = {};
    const [a, b, c] = clustersOf([
      rec('hokenshi.csv', '森 結衣', 'もり ゆい', '2012-06-01', { sex: 'female' }),
      rec('hokenshi.csv', '森　結衣', 'モリ ユイ', '2012-06-01', { sex: 'female' }),
      rec('kyouiku.csv', '森結衣', 'モリユイ', '2012-06-01', { sex: 'female' }),
    ]);
    expect(new Set([a, b, c]).size).toBe(1);
    // Two same-list records joined only through a third: refused.
    const clustering = clusterPairs(
      3,
      (i) => (i === 2 ? 'b' : 'a'),
      [
        { a: 0, b: 2, weight: 30, guard: null },
        { a: 1, b: 2, weight: 20, guard: null },
      ],
      { link: 12, review: 6 },
    );
    expect(clustering.clusterOf[0]).toBe(clustering.clusterOf[2]);
    expect(clustering.clusterOf[1]).not.toBe(clustering.clusterOf[0]);
    expect(clustering.review).toHaveLength(1);
  });

  it('explains a pair field by field', () => {
    rowOf = {};
    const all = [
      ...background(),
      rec('x.csv', '岡田 律', 'おかだ りつ', '2015-03-07'),
      rec('y.csv', '岡田律', null, '2015-03-07'),
    ];
    const r = linkRecords(all);
    const pair = r.pairs.find((p) => p.a === all.length - 2 && p.b === all.length - 1)!;
    const e = explain(r.model, pair.comparison);
    expect(e.total).toBeCloseTo(pair.weight);
    expect(e.fields.find((f) => f.field === 'kana')).toMatchObject({ level: 'missing', bits: 0 });
    expect(e.fields.find((f) => f.field === 'birthDate')!.bits).toBeGreaterThan(5);
  });
});

import { describe, expect, it } from 'vitest';
import { discrepanciesOf, discrepancySummary } from './discrepancies';
import { pairKey, recordIdentity } from './pair-key';
import { childInputOf, splitKana, splitName } from './push';
import {
  ageBandOf,
  aggregate,
  type Cluster,
  changeFromLast,
  classifySchool,
  clusterMunicipality,
  isCounted,
} from './results';
import type { RunMember } from './review';

/** Pure parts of results, discrepancies, pair keys and push: school types, age bands, counts, change. */

let nextIdx = 0;
function member(over: Partial<RunMember> = {}): RunMember {
  return {
    idx: nextIdx++,
    cluster: 0,
    kind: 'record',
    recordId: 1,
    row: 1,
    name: '山田 太郎',
    kana: 'ヤマダ タロウ',
    birthDate: '2018-06-01',
    sex: 'male',
    address: null,
    municipalityCode: '142051',
    municipalityName: '藤沢市',
    school: null,
    grade: null,
    careItems: [],
    homeVisitEducation: null,
    nightCare: null,
    sourceName: '藤沢市 母子保健',
    sourceType: 'maternal_child_health',
    fileName: 'a.xlsx',
    childId: null,
    sourceMunicipalityCode: '142051',
    sourceId: 's1',
    importedAt: new Date('2025-05-01T00:00:00Z'),
    childStatus: null,
    childStatusSince: null,
    shareMunicipality: false,
    ...over,
  };
}
const cluster = (n: number, ...members: RunMember[]): Cluster<RunMember> => ({
  cluster: n,
  members: members.map((m) => ({ ...m, cluster: n })),
});

describe('classifySchool', () => {
  it.each([
    ['県立藤沢支援学校', '小学部2年', 'special_support'],
    [null, '高等部1年', 'special_support'],
    ['県立養護学校', null, 'special_support'],
    ['藤沢市立辻堂小学校', '3年', 'elementary'],
    [null, '小3', 'elementary'],
    ['湘南台中学校', null, 'junior_high'],
    [null, '中2', 'junior_high'],
    ['県立鎌倉高等学校', null, 'high_school'],
    ['ＡＢＣ高校', null, 'high_school'],
    ['ひまわり保育園', null, 'preschool'],
    ['認定こども園 みらい', null, 'preschool'],
    ['聖ヨゼフ幼稚園', '年中', 'preschool'],
    ['未就学', null, 'not_enrolled'],
    ['なし', null, 'not_enrolled'],
    [null, null, 'unknown'],
    ['', ' ', 'unknown'],
    ['療育センター', null, 'unknown'],
  ] as const)('%s / %s → %s', (school, grade, expected) => {
    expect(classifySchool(school, grade)).toBe(expected);
  });
});

describe('ageBandOf', () => {
  it.each([
    ['2025-04-02', 2025, '0-2'],
    ['2022-04-02', 2025, '0-2'],
    ['2022-04-01', 2025, '3-5'],
    ['2019-04-02', 2025, '3-5'],
    ['2019-04-01', 2025, '6-11'],
    ['2013-04-01', 2025, '12-14'],
    ['2010-04-01', 2025, '15-17'],
    ['2007-04-01', 2025, '18+'],
    [null, 2025, null],
  ] as const)('%s in %i → %s', (birth, nendo, band) => {
    expect(ageBandOf(birth, nendo)).toBe(band);
  });
});

describe('cluster facts', () => {
  it('takes the registry’s municipality first, else the most frequent, ties to the newest list', () => {
    const older = new Date('2025-04-01T00:00:00Z');
    const newer = new Date('2025-06-01T00:00:00Z');
    expect(
      clusterMunicipality(
        cluster(
          0,
          member({ municipalityCode: '142077' }),
          member({ kind: 'registry', municipalityCode: '142034' }),
        ),
      ),
    ).toBe('142034');
    expect(
      clusterMunicipality(
        cluster(
          0,
          member({ municipalityCode: '142077', importedAt: newer }),
          member({ municipalityCode: '142051', importedAt: older }),
        ),
      ),
    ).toBe('142077');
  });

  it('does not count a cluster of registry children who died or moved away', () => {
    expect(isCounted(cluster(0, member({ kind: 'registry', childStatus: 'deceased' })))).toBe(false);
    expect(isCounted(cluster(0, member({ kind: 'registry', childStatus: 'at_home' })))).toBe(true);
    expect(isCounted(cluster(0, member({ kind: 'registry', childStatus: 'moved_out' }), member()))).toBe(
      true,
    );
  });
});

describe('aggregate', () => {
  it('counts children by municipality, region, age band, care item, school type and sources', () => {
    const region = new Map([['142051', { id: 'r1', name: '湘南東部', nameEn: null }]]);
    const r = aggregate(
      [
        cluster(
          0,
          member({ careItems: ['ventilator'], school: '支援学校', birthDate: '2018-06-01' }),
          member({ sourceType: 'education_board', careItems: ['ventilator', 'tracheostomy'] }),
        ),
        cluster(1, member({ municipalityCode: '142077', birthDate: '2024-01-01', school: '未就学' })),
        cluster(2, member({ kind: 'registry', sourceType: 'registry', childStatus: 'deceased' })),
      ],
      2025,
      region,
    );
    expect(r.children).toBe(2);
    expect(r.byMunicipality.map((c) => [c.key, c.label, c.count])).toEqual([
      ['142051', '藤沢市', 1],
      ['142077', '茅ヶ崎市', 1],
    ]);
    expect(r.byRegion.map((c) => [c.key, c.count])).toEqual([
      ['r1', 1],
      ['none', 1],
    ]);
    expect(r.byAgeBand.map((c) => [c.key, c.count])).toEqual([
      ['0-2', 1],
      ['6-11', 1],
    ]);
    expect(r.byCareItem.map((c) => [c.key, c.count])).toEqual([
      ['ventilator', 1],
      ['tracheostomy', 1],
    ]);
    expect(r.byCareItem[0]!.label).toMatch(/人工呼吸器/);
    expect(r.bySchoolType.map((c) => [c.key, c.count])).toEqual([
      ['special_support', 1],
      ['not_enrolled', 1],
    ]);
    expect(r.bySources.map((c) => [c.key, c.count])).toEqual([
      ['education_board+maternal_child_health', 1],
      ['maternal_child_health', 1],
    ]);
  });
});

describe('changeFromLast', () => {
  it('finds continuing, moved, new, aged-out, deceased and not-found children', () => {
    const p = (name: string, birthDate: string, over: Partial<RunMember> = {}) =>
      member({ name, kana: null, birthDate, ...over });
    const previous = [
      cluster(0, p('伊藤 蓮', '2019-03-04')),
      cluster(1, p('中村 翼', '2014-08-08')),
      cluster(2, p('加藤 大翔', '2007-01-15')),
      cluster(
        3,
        p('渡辺 陽子', '2016-02-02', {
          kind: 'registry',
          childId: 'c1',
          childStatus: 'deceased',
          childStatusSince: '2025-08-01',
        }),
      ),
      cluster(4, p('松本 空', '2015-05-05')),
    ];
    const current = [
      cluster(0, p('伊藤 蓮', '2019-03-04')),
      cluster(1, p('中村 翼', '2014-08-08', { municipalityCode: '142077' })),
      cluster(
        2,
        p('渡辺 陽子', '2016-02-02', {
          kind: 'registry',
          childId: 'c1',
          childStatus: 'deceased',
          childStatusSince: '2025-08-01',
        }),
      ),
      cluster(3, p('山口 新', '2023-07-07')),
    ];
    expect(changeFromLast(current, previous, 2025)).toEqual({
      continuing: 1,
      moved: 1,
      new: 1,
      agedOut: 1,
      deceased: 1,
      notFound: 1,
    });
  });
});

describe('discrepancies', () => {
  it('lists children another source places in the municipality, and conflicts with its own records', () => {
    const own = { sourceMunicipalityCode: '142051' };
    const other = { sourceMunicipalityCode: null, sourceType: 'education_board' as const };
    const clusters = [
      cluster(0, member({ ...other, name: '加藤 大翔' })),
      cluster(1, member({ ...own, birthDate: '2019-03-04' }), member({ ...other, birthDate: '2019-04-03' })),
      cluster(
        2,
        member({ ...own, sex: 'male' }),
        member({ ...other, sex: 'female', municipalityCode: '142077' }),
      ),
      // A registry child without the sharing consent is never shown to the municipality.
      cluster(3, member({ kind: 'registry', sourceMunicipalityCode: null, shareMunicipality: false })),
      cluster(4, member({ ...other, municipalityCode: '142077' })),
    ];
    const items = discrepanciesOf(clusters, '142051');
    expect(items.map((i) => [i.kind, i.cluster])).toEqual([
      ['missing', 0],
      ['birth_date', 1],
      ['sex', 2],
      ['residence', 2],
    ]);
    expect(discrepancySummary(clusters).municipalities).toEqual([
      { code: '142051', name: '藤沢市', missing: 1, conflicts: 3 },
    ]);
  });
});

describe('pair keys', () => {
  it('are stable across files and rows, and independent of the order of the pair', () => {
    const a = {
      name: '髙橋 結衣',
      kana: 'たかはし ゆい',
      birthDate: '2020-05-10',
      sex: 'female' as const,
      municipalityCode: '142051',
    };
    const b = {
      name: '高橋 結衣',
      kana: 'タカハシ ユイ',
      birthDate: '2020-05-11',
      sex: null,
      municipalityCode: '142051',
    };
    expect(pairKey(a, b)).toBe(pairKey(b, a));
    expect(pairKey(a, b)).toMatch(/^[0-9a-f]{64}$/);
    expect(recordIdentity(a)).toBe(recordIdentity({ ...a, name: '高橋　結衣', kana: 'タカハシユイ' }));
    expect(pairKey(a, b)).not.toBe(pairKey(a, { ...b, birthDate: '2020-05-12' }));
  });
});

describe('push input', () => {
  it('splits names on the first space and writes kana in katakana', () => {
    expect(splitName('山田　太郎')).toEqual(['山田', '太郎']);
    expect(splitName('山田太郎')).toBeNull();
    expect(splitKana('やまだ ﾀﾛｳ')).toEqual(['ヤマダ', 'タロウ']);
    expect(splitKana('yamada taro')).toBeNull();
  });

  it('needs a municipality of the prefecture and a birth date; sex is unknown when missing', () => {
    const ok = childInputOf(cluster(0, member({ sex: null })), '14', '2026-01-01');
    expect(ok).toEqual({
      input: expect.objectContaining({
        familyName: '山田',
        givenKana: 'タロウ',
        sex: 'unknown',
        municipalityCode: '142051',
      }),
    });
    expect(childInputOf(cluster(0, member({ municipalityCode: null })), '14', '2026-01-01')).toHaveProperty(
      'skip',
    );
    expect(
      childInputOf(cluster(0, member({ municipalityCode: '431001' })), '14', '2026-01-01'),
    ).toHaveProperty('skip');
    expect(childInputOf(cluster(0, member({ birthDate: null })), '14', '2026-01-01')).toHaveProperty('skip');
  });
});

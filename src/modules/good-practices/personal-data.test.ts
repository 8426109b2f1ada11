import { describe, expect, it } from 'vitest';
import { checkPersonalData, type KnownPersonalData, maskPersonalData, unacknowledged } from './personal-data';

const known: KnownPersonalData = {
  people: [
    { family: '相川', given: '陽翔', familyKana: 'あいかわ', givenKana: 'はると' },
    { family: '相川', given: '美咲' },
  ],
  names: ['茅野 進'],
  birthDates: ['2021-05-10'],
  addresses: ['藤沢市鵠沼海岸3-2-1'],
  phones: ['090-1234-5678'],
};

const kinds = (text: string, k: KnownPersonalData = known) =>
  checkPersonalData(text, k).map((f) => [f.kind, f.text]);

describe('checkPersonalData', () => {
  it.each([
    ['相川陽翔くんが入園した', [['source_name', '相川陽翔']]],
    ['相川 陽翔くん', [['source_name', '相川 陽翔']]],
    ['陽翔くんは毎朝', [['source_name', '陽翔']]],
    ['はるとくんの吸引', [['source_name', 'はると']]],
    ['ハルトくんの吸引', [['source_name', 'ハルト']]],
    ['アイカワさん', [['source_name', 'アイカワ']]],
    ['相川さんのお宅で', [['source_name', '相川']]],
    ['母の美咲さんが', [['source_name', '美咲']]],
    ['相談者の茅野進さん', [['source_name', '茅野進']]],
    ['令和3年5月10日生まれ', [['source_birth_date', '令和3年5月10日']]],
    ['2021/5/10に', [['source_birth_date', '2021/5/10']]],
    ['R3.5.10', [['source_birth_date', 'R3.5.10']]],
    ['２０２１年５月１０日', [['source_birth_date', '2021年5月10日']]],
    ['自宅は鵠沼海岸3-2-1です', [['source_address', '鵠沼海岸3-2-1']]],
    ['連絡は09012345678へ', [['source_phone', '09012345678']]],
  ])('finds the source’s own data in %s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
    expect(checkPersonalData(text, known).every((f) => f.blocking)).toBe(true);
  });

  it.each([
    ['ゆいちゃんは保育園へ', [['honorific_name', 'ゆいちゃん']]],
    ['保健師の佐藤さんが同行', [['honorific_name', '佐藤さん']]],
    ['生年月日は2020年1月2日', [['birth_date', '2020年1月2日']]],
    ['平成30年4月1日生まれの', [['birth_date', '平成30年4月1日']]],
    ['電話 0466-12-3456 まで', [['phone', '0466-12-3456']]],
    ['mail: hanako@example.jp', [['email', 'hanako@example.jp']]],
    ['〒251-0001 の', [['postal_code', '〒251-0001']]],
    ['辻堂元町2丁目5番地', [['address', '辻堂元町2丁目5番地']]],
    ['浅間町1-1 に住む', [['address', '浅間町1-1']]],
  ])('flags patterns of personal data in %s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
    expect(checkPersonalData(text, known).some((f) => f.blocking)).toBe(false);
  });

  it.each([
    'お母さんと看護師さんが保育士さんに手技を伝え、園長先生が受け入れを決めた。',
    '藤沢市さんと茅ヶ崎市さんが連携し、皆さんの協力でたくさんの事業所が手を挙げた。',
    '令和6年4月1日から看護師を加配し、2024年度の予算に計上した。',
    '会議は年4回、第2火曜日に開く。電話相談は平日9-17時。',
    'Aちゃん（3歳）は経管栄養。事業所の職員さんと相談員さんが一緒に考えた。',
  ])('does not flag an anonymised story: %s', (text) => {
    expect(checkPersonalData(text, known)).toEqual([]);
  });

  it('lists each finding once, blocking ones first', () => {
    const flags = checkPersonalData('ゆいちゃんと陽翔くん。陽翔くんとゆいちゃん。', known);
    expect(flags.map((f) => f.key)).toEqual(['source_name:陽翔', 'honorific_name:ゆいちゃん']);
  });

  it('leaves only the unacknowledged pattern flags', () => {
    const flags = checkPersonalData('保健師の佐藤さんと陽翔くん、電話0466-12-3456', known);
    expect(unacknowledged(flags, ['honorific_name:佐藤さん']).map((f) => f.key)).toEqual([
      'phone:0466-12-3456',
    ]);
  });
});

describe('maskPersonalData', () => {
  it('replaces every finding, repeated ones included', () => {
    expect(maskPersonalData('陽翔くんの母（090-1234-5678）。陽翔くんは元気。', known)).toBe(
      '〇〇くんの母(〇〇)。〇〇くんは元気。',
    );
  });

  it('leaves a clean text as it is (folded)', () => {
    expect(maskPersonalData('市の障害福祉課が予算化した。', known)).toBe('市の障害福祉課が予算化した。');
  });
});

import { describe, expect, it } from 'vitest';
import {
  addressKey,
  bigramSimilarity,
  type MatchPerson,
  scoreCandidate,
  swappedDayMonth,
  TWIN_CAP,
} from './match';

const base: MatchPerson = {
  familyName: '高橋',
  givenName: '悠斗',
  familyKana: 'タカハシ',
  givenKana: 'ユウト',
  birthDate: '2024-04-05',
  sex: 'male',
  municipalityCode: '142051',
  address: '藤沢1-2-3',
};
const codes = (r: ReturnType<typeof scoreCandidate>) => r.reasons.map((x) => x.code);

describe('scoreCandidate', () => {
  it('gives 100 to the same person written the same way, with every reason', () => {
    const r = scoreCandidate(base, { ...base });
    expect(r.score).toBe(100);
    expect(codes(r)).toEqual(['kana_same', 'kanji_same', 'dob_same', 'sex_same', 'address_same']);
    for (const reason of r.reasons) {
      expect(reason.ja).toMatch(/[\u3040-\u9fff]/);
      expect(reason.en).toMatch(/[a-z]/);
    }
  });

  it('treats exact kana + date of birth + sex as a strong match on its own (70)', () => {
    const r = scoreCandidate(base, { ...base, familyName: '鷹觜', givenName: '勇人', address: null });
    expect(r.score).toBe(70);
  });

  it.each([
    ['髙橋', '高橋'],
    ['山\uFA11', '山崎'],
    ['渡邊', '渡辺'],
  ])('folds kanji variants: %s = %s', (regFamily, childFamily) => {
    const r = scoreCandidate({ ...base, familyName: regFamily }, { ...base, familyName: childFamily });
    expect(codes(r)).toContain('kanji_variant');
    expect(r.score).toBe(100);
  });

  it.each([
    ['ユウト / ユート', { givenKana: 'ユート' }],
    ['hiragana / katakana', { familyKana: 'たかはし', givenKana: 'ゆうと' }],
    ['half-width', { familyKana: 'ﾀｶﾊｼ', givenKana: 'ﾕｳﾄ' }],
    ['dash for the long vowel', { givenKana: 'ユ－ト' }],
  ] as const)('folds kana spelling: %s', (_label, change) => {
    const r = scoreCandidate({ ...base, ...change }, base);
    expect(codes(r)).toContain('kana_variant');
    expect(r.score).toBe(100);
  });

  it('gives 斎/斉 only a weak kanji point, more when the kana agree', () => {
    const saito = { ...base, familyName: '斎藤', familyKana: 'サイトウ' };
    const withKana = scoreCandidate({ ...saito, familyName: '斉藤' }, saito);
    expect(codes(withKana)).toContain('kanji_weak');
    expect(withKana.reasons.find((r) => r.code === 'kanji_weak')?.points).toBe(15);
    const withoutKana = scoreCandidate({ ...saito, familyName: '斉藤', familyKana: 'セイトウ' }, saito);
    expect(withoutKana.reasons.find((r) => r.code === 'kanji_weak')?.points).toBe(5);
    expect(withKana.score).toBeLessThan(scoreCandidate(saito, saito).score);
  });

  it.each([
    ['day and month swapped', '2024-05-04', 'dob_swapped'],
    ['one day later', '2024-04-06', 'dob_adjacent'],
    ['one day earlier', '2024-04-04', 'dob_adjacent'],
    ['another date', '2023-11-20', 'dob_differs'],
  ] as const)('date of birth %s', (_label, birthDate, code) => {
    const r = scoreCandidate({ ...base, birthDate }, base);
    expect(codes(r)).toContain(code);
    expect(r.score).toBeLessThan(100);
    if (code !== 'dob_differs') expect(r.score).toBeGreaterThanOrEqual(70);
  });

  it('lowers the score when the sex differs', () => {
    const r = scoreCandidate({ ...base, sex: 'female' }, base);
    expect(codes(r)).toContain('sex_differs');
    expect(r.score).toBe(70);
    expect(codes(scoreCandidate({ ...base, sex: 'unknown' }, base))).not.toContain('sex_differs');
  });

  it('suggests a changed family name through the given name', () => {
    const r = scoreCandidate({ ...base, familyName: '佐藤', familyKana: 'サトウ' }, base);
    expect(codes(r)).toContain('given_kana_same');
    expect(r.score).toBeGreaterThanOrEqual(50);
  });

  it('guards twins: same family, birth date and address but another given name', () => {
    const twin = { ...base, givenName: '陽斗', givenKana: 'ハルト' };
    const r = scoreCandidate(twin, base);
    expect(codes(r)).toContain('possible_twin');
    expect(r.score).toBe(TWIN_CAP);
    // The reasons still add up to the score.
    expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(r.score);
    // Without the shared address it is simply a weaker match, not flagged as a twin.
    expect(codes(scoreCandidate({ ...twin, address: '別の住所' }, base))).not.toContain('possible_twin');
  });

  it('scores a different person low', () => {
    const r = scoreCandidate(base, {
      ...base,
      familyName: '佐藤',
      givenName: '花子',
      familyKana: 'サトウ',
      givenKana: 'ハナコ',
      birthDate: '2020-01-01',
      sex: 'female',
      address: null,
    });
    expect(r.score).toBe(0);
  });

  it('stays within 0–100', () => {
    for (const sex of ['male', 'female', 'unknown'] as const) {
      for (const birthDate of ['2024-04-05', '2024-05-04', '1999-01-01']) {
        const r = scoreCandidate({ ...base, sex, birthDate }, base);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('helpers', () => {
  it('swaps day and month only when that is another valid date', () => {
    expect(swappedDayMonth('2024-04-05')).toBe('2024-05-04');
    expect(swappedDayMonth('2024-04-04')).toBeNull();
    expect(swappedDayMonth('2024-04-13')).toBeNull();
  });
  it('compares addresses without width, spaces or dash differences', () => {
    expect(addressKey('藤沢１－２－３')).toBe(addressKey('藤沢 1-2-3'));
    expect(addressKey(null)).toBe('');
  });
  it('measures bigram similarity', () => {
    expect(bigramSimilarity('タカハシユート', 'タカハシユート')).toBe(1);
    expect(bigramSimilarity('タカハシユート', 'タカハシユーキ')).toBeGreaterThan(0.6);
    expect(bigramSimilarity('アイ', 'ウエ')).toBe(0);
  });
});

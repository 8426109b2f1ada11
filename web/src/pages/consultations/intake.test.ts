import { describe, expect, it } from 'vitest';
import { apiParams } from '../../lib/queries/children-list';
import { childSearchOf } from './intake';

describe('childSearchOf', () => {
  it('asks for something to search by', () => {
    expect(childSearchOf('', '')).toBe('empty');
    expect(childSearchOf('  ', ' ')).toBe('empty');
  });

  it('takes a name in kanji or kana alone, trimmed', () => {
    expect(childSearchOf(' 山田 ', '')).toEqual({ q: '山田' });
    expect(childSearchOf('やまだ', '')).toEqual({ q: 'やまだ' });
  });

  it('accepts birth dates in 西暦 and 和暦 and sends them as ISO dates', () => {
    for (const typed of ['2020-04-05', 'R2.4.5', '令和2年4月5日', '２０２０/４/５']) {
      const f = childSearchOf('', typed);
      expect(f, typed).toEqual({ birthDate: typed });
      expect(apiParams(f as { birthDate: string }).birthDate, typed).toBe('2020-04-05');
    }
    expect(childSearchOf('山田', 'H31.4.5')).toEqual({ q: '山田', birthDate: 'H31.4.5' });
  });

  it('refuses a date it cannot read', () => {
    expect(childSearchOf('山田', '2019-02-30')).toBe('badDate');
    expect(childSearchOf('', '平成31年5月1日')).toBe('badDate');
    expect(childSearchOf('', 'あした')).toBe('badDate');
  });
});

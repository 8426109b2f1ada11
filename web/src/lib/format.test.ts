import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatNendo, groupInFours, toWareki } from './format';

describe('和暦 display', () => {
  it.each([
    ['2019-04-05', '平成31年4月5日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2026-03-31', '令和8年3月31日'],
  ])('%s → %s', (iso, expected) => {
    expect(toWareki(iso)).toBe(expected);
  });

  it('rejects impossible dates', () => {
    expect(toWareki('2019-02-30')).toBeNull();
    expect(toWareki('2019-4-5')).toBeNull();
  });

  it('writes the era date in Japanese, day month year in English; both calendars as a variant', () => {
    expect(formatDate('2019-04-05', 'ja')).toBe('平成31年4月5日');
    expect(formatDate('2019-04-05', 'en')).toBe('5 Apr 2019');
    expect(formatDate('2019-04-05', 'ja', { western: true })).toBe('平成31年（2019年）4月5日');
    expect(formatDate('2026-12-06', 'ja', { compact: true })).toBe('R8.12.6');
    expect(formatDate(null, 'ja')).toBe('—');
  });
});

describe('date and time', () => {
  it('writes instants in Japan time to the minute, never 06/12/2026 or seconds', () => {
    expect(formatDateTime('2026-12-06T09:10:37Z', 'ja')).toBe('令和8年12月6日（日）18:10');
    expect(formatDateTime('2026-12-06T09:10:37Z', 'en')).toBe('6 Dec 2026 18:10');
    expect(formatDay('2026-12-06T16:00:00Z', 'en')).toBe('7 Dec 2026');
  });
});

describe('年度 labels', () => {
  it('names the fiscal year by the era year of its 1 April', () => {
    expect(formatNendo(2026, 'ja')).toBe('令和8年度');
    expect(formatNendo(2019, 'ja')).toBe('令和元年度');
    expect(formatNendo(2018, 'ja')).toBe('平成30年度');
    expect(formatNendo(2026, 'en')).toBe('FY2026 (Reiwa 8)');
  });
});

describe('TOTP key grouping', () => {
  it('groups in fours', () => {
    expect(groupInFours('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGH')).toBe(
      'ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567 ABCD EFGH',
    );
    expect(groupInFours('ABCDE')).toBe('ABCD E');
  });
});

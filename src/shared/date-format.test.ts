import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant, formatInstantDate } from './date-format';

describe('calendar dates', () => {
  it.each([
    ['2026-12-06', {}, '令和8年12月6日', '6 Dec 2026'],
    ['2026-12-06', { weekday: true }, '令和8年12月6日（日）', 'Sun 6 Dec 2026'],
    ['2026-12-06', { western: true }, '令和8年（2026年）12月6日', '6 Dec 2026 (Reiwa 8)'],
    ['2026-12-06', { compact: true }, 'R8.12.6', '6 Dec 2026'],
    ['2019-05-01', {}, '令和元年5月1日', '1 May 2019'],
    ['2019-04-30', { weekday: true }, '平成31年4月30日（火）', 'Tue 30 Apr 2019'],
    ['1989-01-07', { western: true }, '昭和64年（1989年）1月7日', '7 Jan 1989 (Showa 64)'],
    ['2024-02-29', { weekday: true }, '令和6年2月29日（木）', 'Thu 29 Feb 2024'],
    ['1872-12-31', { western: true }, '1872年12月31日', '31 Dec 1872'],
  ] as const)('%s %o → %s / %s', (iso, o, ja, en) => {
    expect(formatCalendarDate(iso, 'ja', o)).toBe(ja);
    expect(formatCalendarDate(iso, 'en', o)).toBe(en);
  });

  it('shows an empty value as a dash and never hides a value it cannot read', () => {
    expect(formatCalendarDate(null, 'ja')).toBe('—');
    expect(formatCalendarDate('', 'en')).toBe('—');
    expect(formatCalendarDate('2019-02-30', 'ja')).toBe('2019-02-30');
    expect(formatCalendarDate('2026-13-01T00:00:00Z', 'ja')).toBe('2026-13-01T00:00:00Z');
  });

  it('reads an instant as its day in Japan, never as the machine timestamp', () => {
    // 20:00 UTC on the 6th is 05:00 on the 7th in Japan.
    expect(formatCalendarDate('2026-12-06T20:00:00.000Z', 'ja')).toBe('令和8年12月7日');
    expect(formatCalendarDate('2026-12-06T20:00:00Z', 'en', { weekday: true })).toBe(
      formatInstantDate('2026-12-06T20:00:00Z', 'en', { weekday: true }),
    );
  });
});

describe('instants in Japan time', () => {
  it('writes the date, the weekday in Japanese and the time to the minute, without seconds', () => {
    const at = '2026-12-06T05:05:37Z'; // 14:05:37 in Japan
    expect(formatInstant(at, 'ja')).toBe('令和8年12月6日（日）14:05');
    expect(formatInstant(at, 'en')).toBe('6 Dec 2026 14:05');
    expect(formatInstant(new Date(at), 'ja', { compact: true, weekday: false })).toBe('R8.12.6 14:05');
    expect(formatInstant(at, 'ja', { western: true })).toBe('令和8年（2026年）12月6日（日）14:05');
  });

  it('takes the day in Japan, not in UTC: 23:30 UTC is the next morning', () => {
    expect(formatInstant('2026-12-05T23:30:00Z', 'en')).toBe('6 Dec 2026 08:30');
    expect(formatInstantDate('2026-12-05T23:30:00Z', 'ja')).toBe('令和8年12月6日');
    expect(formatInstant('2026-03-31T15:00:00Z', 'ja')).toBe('令和8年4月1日（水）00:00');
  });

  it('shows an empty instant as a dash and an unreadable one as it is', () => {
    expect(formatInstant(null, 'ja')).toBe('—');
    expect(formatInstant('yesterday', 'en')).toBe('yesterday');
    expect(formatInstantDate(undefined, 'en')).toBe('—');
  });
});

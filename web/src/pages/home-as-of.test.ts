import { describe, expect, it } from 'vitest';
import { asOfText } from './home-as-of';

describe('asOfText', () => {
  it('shows the instant in Japan time to the minute, in 和暦 in Japanese', () => {
    expect(asOfText('2026-12-06T05:05:59.000Z', 'ja')).toBe('令和8年12月6日 14:05');
    expect(asOfText('2026-12-06T05:05:59.000Z', 'en')).toBe('6 Dec 2026 14:05');
  });

  it('moves to the next day in Japan after 15:00 UTC, and to 元年 at an era start', () => {
    expect(asOfText('2026-12-31T15:00:00.000Z', 'ja')).toBe('令和9年1月1日 00:00');
    expect(asOfText('2019-05-01T00:30:00.000Z', 'ja')).toBe('令和元年5月1日 09:30');
    expect(asOfText('2026-12-31T15:00:00.000Z', 'en')).toBe('1 Jan 2027 00:00');
  });

  it('shows a dash for an unreadable time', () => {
    expect(asOfText('not a time', 'en')).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import { instantOf, partsOf, readCoHosts, readDay, readTime } from './form-values';

describe('the session form’s values', () => {
  it('reads times as people type them', () => {
    expect(readTime('9:30')).toBe('09:30');
    expect(readTime('13：05')).toBe('13:05');
    expect(readTime('')).toBeNull();
    expect(readTime('24:00')).toBeUndefined();
    expect(readTime('930')).toBeUndefined();
  });

  it('reads dates in 和暦 and 西暦', () => {
    expect(readDay('令和8年6月12日')).toBe('2026-06-12');
    expect(readDay('R8.6.12')).toBe('2026-06-12');
    expect(readDay('2026/6/12')).toBe('2026-06-12');
    expect(readDay(' ')).toBeNull();
    expect(readDay('令和8年2月30日')).toBeUndefined();
  });

  it('makes the window’s instants in Japan time, a missing time meaning the whole day', () => {
    expect(instantOf('R8.5.1', '', 'start')).toEqual({ value: '2026-05-01T00:00:00+09:00', error: null });
    expect(instantOf('R8.5.31', '', 'end')).toEqual({ value: '2026-05-31T23:59:00+09:00', error: null });
    expect(instantOf('2026-05-31', '17:00', 'end').value).toBe('2026-05-31T17:00:00+09:00');
    expect(instantOf('', '', 'start')).toEqual({ value: null, error: null });
    expect(instantOf('', '17:00', 'end').error).toBe('date');
    expect(instantOf('R8.5.31', '5pm', 'end').error).toBe('time');
  });

  it('shows an instant back as its date and time in Japan', () => {
    expect(partsOf('2026-05-31T08:00:00.000Z')).toEqual({ date: '2026-05-31', time: '17:00' });
    expect(partsOf('2026-05-31T15:30:00.000Z')).toEqual({ date: '2026-06-01', time: '00:30' });
    expect(partsOf(null)).toEqual({ date: '', time: '' });
  });

  it('reads co-hosts one a line or separated by 、, without blanks or repeats', () => {
    expect(readCoHosts('県医師会\n県看護協会、県医師会\n\n 県教育委員会 ')).toEqual([
      '県医師会',
      '県看護協会',
      '県教育委員会',
    ]);
  });
});

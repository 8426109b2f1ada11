import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, utcStamp } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('ics', () => {
  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('leaves a short line alone and folds a long one at 75 octets without splitting a character', () => {
    expect(foldLine('SUMMARY:短い')).toBe('SUMMARY:短い');
    const long = `SUMMARY:${'医療的ケア児支援協議会'.repeat(10)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    // Unfolding gives the line back, character for character.
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });

  it('folds ASCII at exactly 75 octets', () => {
    const lines = foldLine(`DESCRIPTION:${'x'.repeat(200)}`).split('\r\n');
    expect(octets(lines[0]!)).toBe(75);
    expect(octets(lines[1]!)).toBe(75);
  });

  it('writes UTC stamps without separators or milliseconds', () => {
    expect(utcStamp(new Date('2026-12-06T05:30:12.345Z'))).toBe('20261206T053012Z');
  });

  it('builds a calendar with CRLF line ends, timed and all-day events', () => {
    const text = buildCalendar({
      name: '湘南東部圏域協議会',
      now: new Date('2026-12-01T00:00:00Z'),
      events: [
        {
          uid: 'a@tsunagu',
          sequence: 2,
          summary: '第3回 協議会; 議題, その他',
          location: '藤沢市役所\n本庁舎5階',
          status: 'CONFIRMED',
          when: { start: new Date('2026-12-10T05:00:00Z'), end: new Date('2026-12-10T06:30:00Z') },
        },
        { uid: 'b@tsunagu', sequence: 1, summary: '期限: 資料の送付', when: { date: '2026-12-31' } },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(text).toContain('DTSTART:20261210T050000Z\r\nDTEND:20261210T063000Z');
    expect(text).toContain('SUMMARY:第3回 協議会\\; 議題\\, その他');
    expect(text).toContain('LOCATION:藤沢市役所\\n本庁舎5階');
    expect(text).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

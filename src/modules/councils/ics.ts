/**
 * iCalendar (RFC 5545) text for a body's meetings and a user's feed. Written here rather than with a library:
 * the product needs a few VEVENT properties only, and the rules that matter are small and tested
 * (ics.test.ts) — TEXT values escaped (backslash, semicolon, comma, line breaks; §3.3.11), content lines
 * folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF line ends, UTC times.
 */

export type IcsEvent = {
  uid: string;
  /** The event's revision (the meeting's version): calendars replace an older copy. */
  sequence: number;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Timed event (UTC instants), or an all-day event on a date (YYYY-MM-DD). */
  when: { start: Date; end: Date } | { date: string };
  lastModified?: Date;
};

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(v: string): string {
  return v
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 20261206T053000Z */
export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function dateValue(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A whole calendar (VCALENDAR with its VEVENTs), CRLF line ends, folded. */
export function buildCalendar(opts: { name: string; events: readonly IcsEvent[]; now: Date }): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tsunagu//Councils//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    'X-WR-TIMEZONE:Asia/Tokyo',
  ];
  const stamp = utcStamp(opts.now);
  for (const e of opts.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`, `SEQUENCE:${e.sequence}`);
    if ('date' in e.when) {
      lines.push(
        `DTSTART;VALUE=DATE:${dateValue(e.when.date)}`,
        `DTEND;VALUE=DATE:${dateValue(nextDay(e.when.date))}`,
      );
    } else {
      lines.push(`DTSTART:${utcStamp(e.when.start)}`, `DTEND:${utcStamp(e.when.end)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

import { isoDateInJapan } from '../../../../../src/shared/dates';
import { parseJapaneseDate } from '../../../../../src/shared/wareki';

/**
 * Pure conversions between a session's form and its request: dates are typed as officials write them (和暦 or
 * 西暦, as on every screen), times as HH:MM in Japan; the application window is sent as instants with +09:00.
 */

const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** '9:30', '09：30' → '09:30'; '' → null; anything else → undefined (an error). */
export function readTime(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const m = TIME.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
}

/** A typed date (和暦 or 西暦) → ISO date; '' → null; unreadable → undefined. */
export function readDay(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  return parseJapaneseDate(v) ?? undefined;
}

/**
 * The instant of a typed date and time in Japan ('2027-01-10' + '17:00' → '2027-01-10T17:00:00+09:00'); a
 * date without a time is the start of the day for an opening and its end (23:59) for a closing.
 */
export function instantOf(
  date: string,
  time: string,
  edge: 'start' | 'end',
): { value: string | null; error: 'date' | 'time' | null } {
  const day = readDay(date);
  if (day === undefined) return { value: null, error: 'date' };
  const at = readTime(time);
  if (at === undefined) return { value: null, error: 'time' };
  if (day === null) return { value: null, error: at ? 'date' : null };
  return { value: `${day}T${at ?? (edge === 'start' ? '00:00' : '23:59')}:00+09:00`, error: null };
}

/** An instant shown back in the form: its date and time in Japan. */
export function partsOf(instant: string | null): { date: string; time: string } {
  if (!instant) return { date: '', time: '' };
  const d = new Date(instant);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return { date: isoDateInJapan(d), time };
}

/** Co-hosts typed one a line (or separated by 、 or commas), trimmed, without blanks or repeats. */
export function readCoHosts(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n、,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

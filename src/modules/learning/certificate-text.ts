/**
 * The text rules of the certificate of completion (certificate-pdf.ts), pure and without the PDF: line breaking
 * for Japanese with simple 禁則 (Latin words and long addresses handled), the date as officials expect it on a
 * certificate (和暦 with 西暦 beside it, or the English both-calendars form), and the substitution of 〓 for a
 * character the embedded font cannot set, with the characters recorded for the caller to log.
 */
import { formatCalendarDate } from '../../shared/date-format';
import { requireIsoDate } from '../../shared/dates';
import { formatWareki } from '../../shared/wareki';
import type { CertificateLang } from './certificate-pdf';

/** The sign set in place of a character the font cannot show (ゲタ). */
export const MISSING_GLYPH_MARK = '〓';

// Characters that must not begin a line (行頭禁則) and must not end one (行末禁則), the common subset.
const NO_LINE_START = new Set(
  '、。，．,.・：；？！ー）」』】〕〉》’”)]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々',
);
const NO_LINE_END = new Set('（「『【〔〈《‘“([{');

/**
 * Breaks text into lines no wider than `maxWidth` under `measure`. Japanese breaks between any two characters;
 * a run of Latin letters or digits stays whole when it fits on a line; simple 禁則 keeps closing marks off a line's
 * start and opening marks off its end. Pure, for tests.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9@._\-/:]+ ?|\s|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (token === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    const candidate = line + token;
    if (measure(candidate.trimEnd()) <= maxWidth || line === '') {
      line = candidate;
      continue;
    }
    let carry = '';
    const first = [...token][0] ?? '';
    // 行頭禁則: pull the last character of this line down with the closing mark.
    if (NO_LINE_START.has(first) && [...line].length > 1) {
      const chars = [...line];
      carry = chars.pop()!;
      line = chars.join('');
    }
    // 行末禁則: an opening mark at the end goes down to the next line.
    const chars = [...line];
    while (chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
    line = chars.join('');
    lines.push(line.trimEnd());
    line = (carry + token).trimStart();
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  // A single token wider than the line (a long URL): split it by characters.
  return lines.flatMap((l) => (measure(l) <= maxWidth ? [l] : splitByCharacters(l, maxWidth, measure)));
}

function splitByCharacters(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && measure(line + ch) > maxWidth) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') out.push(line);
  return out;
}

/**
 * 令和8年12月6日（2026年12月6日） — the form officials expect on a certificate: 和暦 with 西暦 beside it. In English
 * the date formatter's both-calendars form, 6 Dec 2026 (Reiwa 8).
 */
export function formatCertificateDate(iso: string, lang: CertificateLang = 'ja'): string {
  const { year, month, day } = requireIsoDate(iso);
  if (lang === 'en') return formatCalendarDate(iso, 'en', { western: true });
  return `${formatWareki(iso)}（${year}年${month}月${day}日）`;
}

/** Replaces characters the font cannot set with 〓 and records them. */
export function settable(text: string, supported: Set<number>, missing: Set<string>): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || supported.has(cp)) out += ch;
    else {
      missing.add(ch);
      out += MISSING_GLYPH_MARK;
    }
  }
  return out;
}

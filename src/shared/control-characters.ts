/**
 * Characters no text field may hold: NUL, the other C0 controls, DEL and the C1 controls (U+0080–U+009F),
 * and UTF-16 surrogates that are not part of a pair. PostgreSQL refuses NUL in text, a lone surrogate cannot
 * be encoded as UTF-8, and the others are invisible on screen, in workbooks and in letters. Tab, line feed and
 * the carriage return of a CRLF are text in a multi-line field (a note, a narrative) and nowhere else.
 */

/** Why a string was refused. `line_break` is a tab or line break in a single-line field. */
export type ControlCharacterKind = 'nul' | 'lone_surrogate' | 'control' | 'line_break';

export type ControlCharacterFinding = { kind: ControlCharacterKind; index: number };

// Anything worth a closer look; most strings never match and cost one regular-expression scan.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this file's purpose
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * The first character of `s` that a field may not hold, or null when it is clean. Valid surrogate pairs
 * (𠮷, emoji) are text; `multiline` admits tab, line feed and the CR of a CRLF.
 */
export function findControlCharacter(s: string, multiline: boolean): ControlCharacterFinding | null {
  if (!SUSPECT.test(s)) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { kind: 'lone_surrogate', index: i };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { kind: 'lone_surrogate', index: i };
    if (c === 0) return { kind: 'nul', index: i };
    if (c === 0x09 || c === 0x0a || c === 0x0d) {
      if (!multiline) return { kind: 'line_break', index: i };
      // A carriage return is text only as the first half of a CRLF.
      if (c !== 0x0d || s.charCodeAt(i + 1) === 0x0a) continue;
      return { kind: 'control', index: i };
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return { kind: 'control', index: i };
  }
  return null;
}

/**
 * HTTP range requests for stored media (RFC 9110 §14): what to answer to a `Range` header for a representation
 * of `size` bytes. Pure; the route turns the answer into a 200, 206 or 416 and streams the bytes.
 *
 * One range per request: players (the HTML video element, iOS Safari included) ask for one at a time. A
 * request for several ranges is answered with the whole representation (200), which RFC 9110 allows; a
 * header we cannot parse, or in a unit other than bytes, is ignored the same way. A range starting at or past
 * the end is unsatisfiable (416 with `Content-Range: bytes *\/size`); an end past the last byte is clamped.
 * `If-Range` with a validator that is not the current strong ETag (or a date other than the last modification)
 * means the client's copy is stale: the whole representation, not a piece of a different file.
 */

export type RangeAnswer =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes[ \t]*=[ \t]*([0-9]*)[ \t]*-[ \t]*([0-9]*)[ \t]*$/i;

/**
 * Parses one `Range` header value against a size. `end` in the answer is inclusive, as in `Content-Range`.
 */
export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (header === undefined || header === null) return { kind: 'full' };
  const value = header.trim();
  if (!/^bytes[ \t]*=/i.test(value)) return { kind: 'full' };
  if (value.includes(',')) return { kind: 'full' };
  const m = SINGLE.exec(value);
  if (!m) return { kind: 'full' };
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return { kind: 'full' };
  // Digits beyond what a number holds exactly are not a position in any file we store.
  if (first.length > 15 || last.length > 15)
    return first === '' ? suffix(Number.MAX_SAFE_INTEGER, size) : unsat();
  if (first === '') return suffix(Number(last), size);
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return { kind: 'full' }; // invalid: ignored, as RFC 9110 allows
  if (start >= size) return unsat();
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

function suffix(length: number, size: number): RangeAnswer {
  if (length === 0 || size === 0) return unsat();
  return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
}

function unsat(): RangeAnswer {
  return { kind: 'unsatisfiable' };
}

/**
 * Whether a `Range` header may be honoured given `If-Range`: only when the validator is the current strong
 * ETag, or an HTTP date equal to the last modification (to the second). No `If-Range` → yes.
 */
export function ifRangeAllows(ifRange: string | null | undefined, etag: string, lastModified: Date): boolean {
  if (ifRange === undefined || ifRange === null) return true;
  const v = ifRange.trim();
  if (v.startsWith('W/')) return false; // a weak validator never matches (strong comparison)
  if (v.startsWith('"')) return v === etag;
  const when = Date.parse(v);
  if (Number.isNaN(when)) return false;
  return Math.floor(when / 1000) === Math.floor(lastModified.getTime() / 1000);
}

/** The answer to a request's `Range` and `If-Range` headers. */
export function answerRange(
  headers: { range?: string | null; ifRange?: string | null },
  size: number,
  etag: string,
  lastModified: Date,
): RangeAnswer {
  if (!headers.range) return { kind: 'full' };
  if (!ifRangeAllows(headers.ifRange, etag, lastModified)) return { kind: 'full' };
  return parseRange(headers.range, size);
}

/** The `Content-Range` header value of an answer. */
export function contentRange(answer: RangeAnswer, size: number): string | null {
  if (answer.kind === 'partial') return `bytes ${answer.start}-${answer.end}/${size}`;
  if (answer.kind === 'unsatisfiable') return `bytes */${size}`;
  return null;
}

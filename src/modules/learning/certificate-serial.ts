/**
 * Certificate serial numbers (修了証番号), e.g. `2026-7KQM-3XHT-PWN9`.
 *
 * Layout: the 年度 of the completion (4 digits, 西暦 so that the number does not change with an era), then 11
 * random characters of Crockford's base32 alphabet (0-9 and A-Z without I, L, O, U) and one check character,
 * grouped by four with hyphens.
 *
 * Why random: the public check page answers a holder's name for a serial, so serials must not be guessable or
 * countable. 11 random base32 characters carry 55 bits (3.6 × 10^16 values per 年度); with 10,000 certificates in
 * a 年度, one guess hits a real serial with a probability of about 3 × 10^-13, and the public API is rate-limited.
 * A sequential number (2026-0001, 2026-0002 …) would let anyone list every holder.
 *
 * Why a check character: people type serials from paper. The check character (Luhn mod 32 over the 年度 digits and
 * the random part) catches every single mistyped character and most swaps of two neighbours, so a typo answers
 * "not a valid number" at once instead of looking like an unknown certificate — and costs no database read.
 *
 * Reading is forgiving: full-width characters, lower case, spaces and any kind of hyphen or long-vowel mark are
 * accepted, and the look-alikes O→0, I/L→1 follow Crockford's rule.
 */
import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so that a number read aloud or from paper is not misread. */
export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = SERIAL_ALPHABET.length; // 32
/** Random characters in a serial (55 bits). */
export const SERIAL_RANDOM_LENGTH = 11;
/** Characters of a serial without its hyphens: 4 (年度) + 11 (random) + 1 (check). */
const COMPACT_LENGTH = 4 + SERIAL_RANDOM_LENGTH + 1;
/** The canonical form: `YYYY-XXXX-XXXX-XXXC`. */
export const SERIAL_PATTERN = /^[0-9]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function codeOf(char: string): number {
  return SERIAL_ALPHABET.indexOf(char);
}

/**
 * The check character of a string over the alphabet (Luhn mod N, N = 32): every second character from the right
 * is doubled and folded back into the alphabet. Detects any single wrong character and any swap of two
 * neighbouring characters except the pair 0↔Z (codes 0 and 31).
 */
export function serialCheckCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = codeOf(body[i]!);
    if (code < 0) throw new RangeError(`not a serial character: ${body[i]}`);
    let addend = factor * code;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
  }
  return SERIAL_ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

function format(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}`;
}

/** Random alphabet characters from a byte source; rejection-free since 256 is a multiple of 32. */
function randomCharacters(length: number, bytes: (n: number) => Uint8Array): string {
  const raw = bytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += SERIAL_ALPHABET[raw[i]! % BASE];
  return out;
}

/**
 * A new serial for a completion in `nendo` (the 年度 of the completion date). `bytes` is the random source,
 * crypto-strong by default; tests pass a fixed one. The database column is unique: on the (astronomically rare)
 * collision the caller draws again.
 */
export function newCertificateSerial(
  nendo: number,
  bytes: (n: number) => Uint8Array = (n) => randomBytes(n),
): string {
  if (!Number.isInteger(nendo) || nendo < 1000 || nendo > 9999)
    throw new RangeError(`年度 out of range: ${nendo}`);
  const body = `${nendo}${randomCharacters(SERIAL_RANDOM_LENGTH, bytes)}`;
  return format(body + serialCheckCharacter(body));
}

/** Why a typed serial is not a serial; null when it is one. */
export type SerialProblem = 'length' | 'characters' | 'check';

/**
 * Reads a serial as a person typed it: full-width forms, lower case, spaces, hyphens of any kind and the
 * look-alikes O, I and L are accepted. Returns the canonical form (`2026-7KQM-3XHT-PWN9`) or the problem.
 */
export function parseCertificateSerial(
  input: string,
): { ok: true; serial: string } | { ok: false; problem: SerialProblem } {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―−ー－_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== COMPACT_LENGTH) return { ok: false, problem: 'length' };
  if (!/^[0-9]{4}$/.test(compact.slice(0, 4))) return { ok: false, problem: 'characters' };
  for (const ch of compact) if (codeOf(ch) < 0) return { ok: false, problem: 'characters' };
  const body = compact.slice(0, -1);
  if (serialCheckCharacter(body) !== compact.slice(-1)) return { ok: false, problem: 'check' };
  return { ok: true, serial: format(compact) };
}

/** The 年度 a serial was issued for (its first four digits). */
export function serialNendo(serial: string): number {
  return Number(serial.slice(0, 4));
}

/** The path of the public check page for a serial (the web route; the API is /api/public/learning/certificates/). */
export function certificateCheckPath(serial: string): string {
  return `/public/trainings/certificates/${encodeURIComponent(serial)}`;
}

/** The full check address printed on the certificate: the product's public URL (PUBLIC_URL) and the path. */
export function certificateCheckUrl(publicUrl: string | undefined, serial: string): string {
  const path = certificateCheckPath(serial);
  if (!publicUrl) return path;
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

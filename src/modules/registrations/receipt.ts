import { randomInt } from 'node:crypto';
import { isoDateInJapan } from '../../shared/dates';

/** Crockford base32: no I, L, O or U, so a receipt read over the phone is not misheard or misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 5;

/**
 * A receipt number for a registration: 'R-' + the submission date in Japan + '-' + 5 random characters
 * (about 33 million per day, from the CSPRNG), e.g. R-20261126-7K3Q9. It is a reference for phone calls,
 * not a credential: nothing can be looked up with it publicly.
 */
export function newReceiptNo(at: Date): string {
  let random = '';
  for (let i = 0; i < RANDOM_CHARS; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `R-${isoDateInJapan(at).replaceAll('-', '')}-${random}`;
}

/** The shape of a receipt number (for tests and for search boxes). */
export const RECEIPT_RE = /^R-\d{8}-[0-9A-HJKMNP-TV-Z]{5}$/;

import { findControlCharacter } from '../../shared/control-characters';

/**
 * What may go into a mail header, pure. A line break in a name or subject would let text become a header of its
 * own (header injection: a hidden Bcc); every control character is refused, and addresses are checked for the
 * plain form `local@domain` the product stores.
 */

/** Why a header value cannot be used, or null. */
export function headerProblem(value: string): 'line_break' | 'control_character' | 'too_long' | null {
  const found = findControlCharacter(value, false);
  if (found) return found.kind === 'line_break' ? 'line_break' : 'control_character';
  if (value.length > 300) return 'too_long';
  return null;
}

/** A plain address (`local@domain.tld`) without spaces, brackets or control characters. */
export function isMailAddress(value: string): boolean {
  return (
    value.length <= 254 &&
    /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/.test(value) &&
    headerProblem(value) === null
  );
}

import { randomInt } from 'node:crypto';

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A random password that is easy to type from a start banner: 4 groups of 4 characters without look-alikes
 * (0/o, 1/l/i), about 79 bits. Uses the operating system's CSPRNG, never the seeded demo generator.
 */
export function readablePassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token (256 bits) for session cookies, invitations and resets. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a leaked table cannot be replayed as cookies or links. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function key(secret: string): Buffer {
  return createHash('sha256').update(`tsunagu:totp:${secret}`).digest();
}

/** Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM under the deployment secret. */
export function sealSecret(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

export function openSecret(sealed: string, secret: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

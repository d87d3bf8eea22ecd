import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 32 random bytes as 43 base64url characters. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A fresh session or API token. Show it to its owner once; store only tokenHash(token). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Hex SHA-256 of a token: what the sessions table stores and looks up. A plain hash suffices (no salt,
 * no scrypt) because the token has 256 random bits; a stolen table reveals no usable token.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True for strings in the token format; anything else is rejected before any lookup. */
export function isTokenFormat(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_FORMAT.test(token);
}

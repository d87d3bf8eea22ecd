import { AuthError } from './auth-error.js';

/** Deliberately loose (one @, a dot in the domain, no spaces): the real check is whether mail arrives. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@.]{1,63}$/;

/**
 * Trims and lower-cases an email so that `Ann@Example.COM` and `ann@example.com` are one account
 * (the local part is case-sensitive in theory, never in practice). Throws AuthError('invalid_email').
 */
export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !EMAIL.test(normalized)) {
    throw new AuthError('invalid_email', `'${email.slice(0, 80)}' is not an email address`);
  }
  return normalized;
}

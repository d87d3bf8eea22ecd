import { randomBytes } from 'node:crypto';

/**
 * Every id Cadenza hands out: 128 random bits (crypto.randomBytes) as 22 base64url characters. Never
 * sequential, so an id reveals nothing about how many rows exist and cannot be guessed from another one.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A fresh unguessable id (16 random bytes, base64url, no padding). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** True when `value` has exactly the id format; anything else (paths, NUL bytes, other lengths) is not an id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

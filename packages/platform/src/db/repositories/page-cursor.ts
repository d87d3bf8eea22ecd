import { isId } from '../ids.js';
import type { EpochMs } from '../schema.js';

/** One page of a newest-first listing; pass `nextCursor` back to get the next page (undefined: no more). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

/** Where a page starts: strictly older than (createdAt, id) in newest-first order. */
export interface CursorPosition {
  readonly createdAt: EpochMs;
  readonly id: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/**
 * Keyset pagination cursor: opaque to clients (base64url of `createdAt.id`), stable while rows are inserted,
 * and as fast on page 1000 as on page 1 because it seeks the (owner, created_at, id) index.
 */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.createdAt}.${position.id}`, 'utf8').toString('base64url');
}

/** Throws InvalidCursorError (a 400 for the API) for anything encodeCursor did not produce. */
export function decodeCursor(cursor: string): CursorPosition {
  const fail = (): never => {
    throw new InvalidCursorError(`'${cursor.slice(0, 60)}' is not a page cursor from a previous listing`);
  };
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(cursor)) fail();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,16})\.(.+)$/.exec(text);
  if (!match || !isId(match[2])) return fail();
  return { createdAt: Number(match[1]), id: match[2] };
}

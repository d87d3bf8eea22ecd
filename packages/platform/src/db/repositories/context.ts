import type { Kysely } from 'kysely';
import type { EpochMs, Schema } from '../schema.js';

/** What every repository is built from: the database and a clock (injected so tests control ordering). */
export interface RepositoryContext {
  readonly db: Kysely<Schema>;
  /** Current time in ms since the epoch. */
  readonly now: () => EpochMs;
}

/** Clamps a page size to 1..max (default 50, max 200), so no caller can ask for the whole table. */
export function pageSize(limit: number | undefined, fallback = 50, max = 200): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

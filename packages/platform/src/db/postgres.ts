import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** PostgreSQL type OIDs we parse ourselves. */
const INT8_OID = 20;

/**
 * BIGINT (our millisecond timestamps and byte sizes, and COUNT(*)) arrives from pg as a string by default.
 * Parse it to a number, refusing values a JS number cannot hold exactly. Set per pool, not globally, so
 * no other pg user in the process is affected.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`BIGINT ${text} does not fit a JavaScript number`);
  return value;
}

/** Cadenza never asks pg for binary results, so only text parsers are needed. */
function getTypeParser(oid: number): (value: string) => unknown {
  if (oid === INT8_OID) return parseInt8;
  return pg.types.getTypeParser(oid, 'text') as (value: string) => unknown;
}

const types: pg.CustomTypesConfig = { getTypeParser };

/** A PostgreSQL schema name we are willing to interpolate into SQL. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresOptions {
  /** Put this schema first on search_path (tests isolate themselves with a schema per file). */
  readonly searchPath?: string;
  /** Pool size (default 10). */
  readonly maxConnections?: number;
}

export function createPostgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const { searchPath } = options;
  if (searchPath !== undefined && !SCHEMA_NAME_PATTERN.test(searchPath)) {
    throw new Error(`'${searchPath}' is not a usable PostgreSQL schema name (lower case letters, digits, _)`);
  }
  return new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
}

export function createPostgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool });
}

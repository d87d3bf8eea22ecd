import { CamelCasePlugin, Kysely, sql } from 'kysely';
import type { CadenzaConfig } from '../config/config.js';
import type { DatabaseDialect } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import { createPostgresDialect, createPostgresPool, type PostgresOptions } from './postgres.js';
import type { Schema } from './schema.js';
import { createSqliteDialect, sqlitePathFromUrl, type SqliteOptions } from './sqlite.js';

/** An open, migrated database. Close it once, when the process is done with it. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: DatabaseDialect;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions extends SqliteOptions, PostgresOptions {
  /** Run migrations on open (default true). */
  readonly migrate?: boolean;
}

/**
 * Opens the database named by `config.databaseUrl` (`sqlite:PATH` or `postgres://…`) and migrates it to the
 * latest schema. With `searchPath` on PostgreSQL the schema is created if missing and used for everything.
 */
export async function openDatabase(
  config: Pick<CadenzaConfig, 'databaseUrl'>,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const url = config.databaseUrl;
  let dialect: DatabaseDialect;
  let kysely: Kysely<Schema>;
  if (url.startsWith('sqlite:')) {
    dialect = 'sqlite';
    kysely = new Kysely<Schema>({
      dialect: createSqliteDialect(sqlitePathFromUrl(url), options),
      plugins: [new CamelCasePlugin()],
    });
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    dialect = 'postgres';
    const pool = createPostgresPool(url, options);
    kysely = new Kysely<Schema>({ dialect: createPostgresDialect(pool), plugins: [new CamelCasePlugin()] });
  } else {
    throw new Error(`database URL must start with sqlite: or postgres://, got '${url}'`);
  }
  try {
    if (dialect === 'postgres' && options.searchPath) {
      // The name was checked against SCHEMA_NAME_PATTERN when the pool was made.
      await sql`create schema if not exists ${sql.id(options.searchPath)}`.execute(kysely);
    }
    if (options.migrate ?? true) await migrateToLatest(kysely, dialect, options.searchPath);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  let closed = false;
  return {
    db: kysely,
    dialect,
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
}

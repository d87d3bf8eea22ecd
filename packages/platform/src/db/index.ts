/** Persistence: SQLite or PostgreSQL through Kysely, migrations in code, one repository per table family. */
export * from './database.js';
export type { DatabaseDialect } from './dialect.js';
export * from './ids.js';
export * from './json.js';
export { migrateToLatest, MigrationError } from './migrate.js';
export * from './repositories/index.js';
export * from './schema.js';
export type { SqliteOptions, SqliteSynchronous } from './sqlite.js';
export type { PostgresOptions } from './postgres.js';
export { isUniqueViolation } from './errors.js';

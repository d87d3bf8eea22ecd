import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseDialect } from './dialect.js';
import { initialMigration } from './migrations/0001-initial.js';
import { teacherLinkConsentMigration } from './migrations/0002-teacher-link-consent.js';
import { practiceAttemptsMigration } from './migrations/0003-practice-attempts.js';

/**
 * Migrations live in code (no folder scanning, so they work from dist, a bundle or a test alike). Append a new
 * numbered file and an entry here; never edit one that has shipped.
 */
function migrationsFor(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-teacher-link-consent': teacherLinkConsentMigration(),
    '0003-practice-attempts': practiceAttemptsMigration(),
  };
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock (an advisory lock on PostgreSQL), so several
 * processes starting together migrate once.
 * @param schema PostgreSQL schema for Kysely's own bookkeeping tables (tests use a schema per file).
 */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
  db: Kysely<any>,
  dialect: DatabaseDialect,
  schema?: string,
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrationsFor(dialect)) };
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

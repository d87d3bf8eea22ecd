import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** How hard SQLite syncs commits to disk (PRAGMA synchronous). */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteOptions {
  /**
   * FULL (default): in WAL mode every commit fsyncs the WAL before it returns, so a committed transaction
   * survives a process crash AND an OS crash or power cut. NORMAL also loses nothing on a process crash
   * (the WAL is already in the OS page cache) but a power cut can roll back the last commits. Cadenza's
   * writes are few (saves, logins, job progress) and its blob files are fsynced, so FULL costs little
   * and keeps "the save you saw succeed is on disk" true everywhere.
   */
  readonly synchronous?: SqliteSynchronous;
  /** How long a writer waits for another connection's lock before SQLITE_BUSY, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
}

/** Opens (creating the folder and file if needed) a SQLite database with Cadenza's pragmas. */
export function createSqliteDialect(path: string, options: SqliteOptions = {}): SqliteDialect {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  try {
    // WAL: readers never block the writer and a crash mid-commit leaves the last good state.
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${Math.round(options.busyTimeoutMs ?? 5000)}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return new SqliteDialect({ database });
}

/** The file path in a `sqlite:PATH` URL (`sqlite:///abs/path`, `sqlite:rel/path` and `sqlite::memory:` all work). */
export function sqlitePathFromUrl(url: string): string {
  const rest = url.slice('sqlite:'.length);
  if (rest === ':memory:') return rest;
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path === '') throw new Error(`database URL '${url}' names no SQLite file`);
  return path;
}

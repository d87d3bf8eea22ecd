import type { Selectable } from 'kysely';
import { newId } from '../ids.js';
import type { EpochMs, SessionKind, SessionsTable } from '../schema.js';
import type { RepositoryContext } from './context.js';

/** A login session (cookie) or a named API token. The bearer secret itself is never stored. */
export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly kind: SessionKind;
  readonly name: string | undefined;
  readonly createdAt: EpochMs;
  readonly expiresAt: EpochMs | undefined;
  readonly lastUsedAt: EpochMs | undefined;
}

export interface NewSession {
  readonly userId: string;
  /** Hex SHA-256 of the token (auth/tokens.ts). */
  readonly tokenHash: string;
  readonly kind: SessionKind;
  readonly name?: string;
  /** Undefined: never expires (only sensible for API tokens). */
  readonly expiresAt?: EpochMs;
}

export interface SessionsRepository {
  create(session: NewSession): Promise<Session>;
  /** The session with this token hash if it exists and has not expired at `at` (default now). */
  findValid(tokenHash: string, at?: EpochMs): Promise<Session | undefined>;
  /** Records use at `at` (default now). */
  touch(id: string, at?: EpochMs): Promise<void>;
  /** Deletes one session; with `userId`, only if it is that user's. */
  revoke(id: string, userId?: string): Promise<boolean>;
  revokeByTokenHash(tokenHash: string): Promise<boolean>;
  /** Deletes all of a user's sessions (optionally only one kind); returns how many. */
  revokeAllForUser(userId: string, kind?: SessionKind): Promise<number>;
  listForUser(userId: string, kind?: SessionKind): Promise<Session[]>;
  /** Removes expired rows; returns how many. */
  deleteExpired(at?: EpochMs): Promise<number>;
}

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind,
    name: row.name ?? undefined,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt ?? undefined,
    lastUsedAt: row.lastUsedAt ?? undefined,
  };
}

export function createSessionsRepository({ db, now }: RepositoryContext): SessionsRepository {
  return {
    async create(session) {
      const row: Selectable<SessionsTable> = {
        id: newId(),
        userId: session.userId,
        tokenHash: session.tokenHash,
        kind: session.kind,
        name: session.name ?? null,
        createdAt: now(),
        expiresAt: session.expiresAt ?? null,
        lastUsedAt: null,
      };
      await db.insertInto('sessions').values(row).execute();
      return toSession(row);
    },
    async findValid(tokenHash, at = now()) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', at)]))
        .executeTakeFirst();
      return row && toSession(row);
    },
    async touch(id, at = now()) {
      await db.updateTable('sessions').set({ lastUsedAt: at }).where('id', '=', id).execute();
    },
    async revoke(id, userId) {
      let query = db.deleteFrom('sessions').where('id', '=', id);
      if (userId !== undefined) query = query.where('userId', '=', userId);
      const result = await query.executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async revokeByTokenHash(tokenHash) {
      const result = await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async revokeAllForUser(userId, kind) {
      let query = db.deleteFrom('sessions').where('userId', '=', userId);
      if (kind !== undefined) query = query.where('kind', '=', kind);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async listForUser(userId, kind) {
      let query = db.selectFrom('sessions').selectAll().where('userId', '=', userId);
      if (kind !== undefined) query = query.where('kind', '=', kind);
      const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toSession);
    },
    async deleteExpired(at = now()) {
      const result = await db.deleteFrom('sessions').where('expiresAt', '<=', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

import { sql, type Selectable } from 'kysely';
import { newId } from '../ids.js';
import type { UserRole } from '@cadenza/contracts';
import type { EpochMs, UsersTable } from '../schema.js';
import type { RepositoryContext } from './context.js';

/** A user as the rest of Cadenza sees them: never carries the password hash. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly createdAt: EpochMs;
}

export interface NewUser {
  /** Stored trimmed and lower-cased (auth/normalizeEmail validates it first). */
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: UserRole;
}

export interface UsersRepository {
  /** Throws the driver's unique-constraint error when the email (case-insensitively) exists. */
  create(user: NewUser): Promise<User>;
  findById(id: string): Promise<User | undefined>;
  /** Case-insensitive. */
  findByEmail(email: string): Promise<User | undefined>;
  /** The user and their password hash, for login only. */
  findCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  /** Deletes the user and (by cascade) everything they own. Blob content is the caller's to collect. */
  delete(id: string): Promise<boolean>;
}

const USER_COLUMNS = ['id', 'email', 'displayName', 'role', 'createdAt'] as const;

/** Emails compare case-insensitively: stored lower-case, looked up through the unique lower(email) index. */
function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const lowerEmail = sql<string>`lower(email)`;

function toUser(row: Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    createdAt: row.createdAt,
  };
}

export function createUsersRepository({ db, now }: RepositoryContext): UsersRepository {
  return {
    async create(user) {
      const row = { id: newId(), ...user, email: emailKey(user.email), createdAt: now() };
      await db.insertInto('users').values(row).execute();
      return toUser(row);
    },
    async findById(id) {
      const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findByEmail(email) {
      const row = await db
        .selectFrom('users')
        .select(USER_COLUMNS)
        .where(lowerEmail, '=', emailKey(email))
        .executeTakeFirst();
      return row && toUser(row);
    },
    async findCredentials(email) {
      const row = await db
        .selectFrom('users')
        .select([...USER_COLUMNS, 'passwordHash'])
        .where(lowerEmail, '=', emailKey(email))
        .executeTakeFirst();
      return row && { user: toUser(row), passwordHash: row.passwordHash };
    },
    async setPasswordHash(id, passwordHash) {
      const result = await db
        .updateTable('users')
        .set({ passwordHash })
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async delete(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

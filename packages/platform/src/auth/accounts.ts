import type { UserRole } from '@cadenza/contracts';
import { isUniqueViolation } from '../db/errors.js';
import type { Repositories } from '../db/repositories/index.js';
import type { Session } from '../db/repositories/sessions.js';
import type { User } from '../db/repositories/users.js';
import type { EpochMs } from '../db/schema.js';
import { AuthError } from './auth-error.js';
import { normalizeEmail } from './email.js';
import {
  checkPasswordRules,
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
  type ScryptParams,
} from './password.js';
import { isTokenFormat, newToken, tokenHash } from './tokens.js';

export interface AccountsOptions {
  readonly repositories: Pick<Repositories, 'users' | 'sessions'>;
  /** Current time in ms since the epoch (default Date.now). */
  readonly now?: () => EpochMs;
  /** Lifetime of a login session in ms (default 30 days). */
  readonly sessionTtlMs?: number;
  /** last_used_at is written at most this often per session, in ms (default 60 000), to spare the database. */
  readonly touchIntervalMs?: number;
  readonly scrypt?: ScryptParams;
}

export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly role?: UserRole;
}

/** A bearer secret (shown once) and the session row it opens. */
export interface IssuedToken {
  readonly token: string;
  readonly session: Session;
}

export interface Authenticated {
  readonly user: User;
  readonly session: Session;
}

/** Sign-up, login, bearer tokens and logout. Errors are AuthError with a code and HTTP status. */
export interface Accounts {
  /** Throws AuthError invalid_email | weak_password | email_taken. */
  createAccount(account: NewAccount): Promise<User>;
  /** A login session for the web (cookie). Throws AuthError('invalid_credentials') for any mismatch. */
  login(email: string, password: string): Promise<IssuedToken & { readonly user: User }>;
  /** A named token for scripts; `expiresInMs` undefined: never expires (until revoked). */
  createApiToken(
    userId: string,
    name: string,
    options?: { readonly expiresInMs?: number },
  ): Promise<IssuedToken>;
  /** The user a token belongs to, or undefined for a malformed, unknown, expired or revoked token. */
  authenticate(token: string): Promise<User | undefined>;
  /** Like authenticate, with the session (for logout and token management). */
  resolveToken(token: string): Promise<Authenticated | undefined>;
  /** Revokes the session or API token; false if it was not valid. */
  logout(token: string): Promise<boolean>;
  /** Revokes one of the user's sessions or tokens by id. */
  revokeSession(userId: string, sessionId: string): Promise<boolean>;
  listApiTokens(userId: string): Promise<Session[]>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createAccounts(options: AccountsOptions): Accounts {
  const { users, sessions } = options.repositories;
  const now = options.now ?? Date.now;
  const sessionTtlMs = options.sessionTtlMs ?? 30 * DAY_MS;
  const touchIntervalMs = options.touchIntervalMs ?? 60_000;
  const params = options.scrypt ?? DEFAULT_SCRYPT_PARAMS;
  // Verified against when the email is unknown, so that answer takes as long as a wrong password.
  let decoyHash: Promise<string> | undefined;

  const issue = async (userId: string, kind: Session['kind'], name?: string, expiresAt?: EpochMs) => {
    const token = newToken();
    const session = await sessions.create({
      userId,
      tokenHash: tokenHash(token),
      kind,
      ...(name !== undefined ? { name } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    });
    return { token, session };
  };

  const resolveToken = async (token: string): Promise<Authenticated | undefined> => {
    if (!isTokenFormat(token)) return undefined;
    const at = now();
    const session = await sessions.findValid(tokenHash(token), at);
    if (!session) return undefined;
    const user = await users.findById(session.userId);
    if (!user) return undefined;
    if (session.lastUsedAt === undefined || at - session.lastUsedAt >= touchIntervalMs) {
      await sessions.touch(session.id, at);
    }
    return { user, session };
  };

  return {
    async createAccount(account) {
      const email = normalizeEmail(account.email);
      checkPasswordRules(account.password);
      const displayName = account.displayName.trim();
      if (await users.findByEmail(email))
        throw new AuthError('email_taken', `${email} already has an account`);
      const passwordHash = await hashPassword(account.password, params);
      try {
        return await users.create({ email, displayName, passwordHash, role: account.role ?? 'student' });
      } catch (error) {
        // Two sign-ups with the same email at once: the unique index decides.
        if (isUniqueViolation(error)) throw new AuthError('email_taken', `${email} already has an account`);
        throw error;
      }
    },
    async login(email, password) {
      const invalid = () => new AuthError('invalid_credentials', 'wrong email or password');
      const credentials = await users.findCredentials(email.trim().toLowerCase());
      if (!credentials) {
        decoyHash ??= hashPassword('decoy password', params);
        await verifyPassword(password, await decoyHash);
        throw invalid();
      }
      if (!(await verifyPassword(password, credentials.passwordHash))) throw invalid();
      if (needsRehash(credentials.passwordHash, params)) {
        await users.setPasswordHash(credentials.user.id, await hashPassword(password, params));
      }
      const issued = await issue(credentials.user.id, 'session', undefined, now() + sessionTtlMs);
      return { ...issued, user: credentials.user };
    },
    async createApiToken(userId, name, tokenOptions = {}) {
      const { expiresInMs } = tokenOptions;
      if (expiresInMs !== undefined && !(expiresInMs > 0)) {
        throw new RangeError(`an API token lifetime must be positive, got ${expiresInMs} ms`);
      }
      return issue(userId, 'api', name, expiresInMs === undefined ? undefined : now() + expiresInMs);
    },
    async authenticate(token) {
      return (await resolveToken(token))?.user;
    },
    resolveToken,
    async logout(token) {
      if (!isTokenFormat(token)) return false;
      return sessions.revokeByTokenHash(tokenHash(token));
    },
    revokeSession: (userId, sessionId) => sessions.revoke(sessionId, userId),
    listApiTokens: (userId) => sessions.listForUser(userId, 'api'),
  };
}

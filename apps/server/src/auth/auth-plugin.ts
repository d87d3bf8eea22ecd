import cookie from '@fastify/cookie';
import type { Accounts, Session, User } from '@cadenza/platform';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.js';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (session cookie or bearer API token); undefined when anonymous. */
    user: User | undefined;
    /** The login session or API token the request came with, when it was valid. */
    authSession: Session | undefined;
    /** Why credentials that came with the request were refused (for the 401 message). */
    authProblem: string | undefined;
  }
}

export interface AuthPluginOptions {
  readonly accounts: Accounts;
  /** Mark cookies Secure (config.cookieSecure). */
  readonly cookieSecure: boolean;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Resolves the current user on every request that carries credentials: `Authorization: Bearer
 * <API token>` (scripts) or the `cadenza_session` cookie (the web studio); the bearer wins when both
 * come. Requests without credentials cost no database query. Invalid credentials leave the request
 * anonymous (public routes still work) and clear a stale cookie; routes that need an account add
 * `onRequest: requireUser`.
 *
 * Registered in the root scope (like fastify-plugin's skip-override), so every route registered after
 * it, in any plugin, sees `request.user`: register it before the feature routes.
 */
export function authPlugin(options: AuthPluginOptions): FastifyPluginAsync {
  const { accounts, cookieSecure } = options;
  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(cookie);
    app.decorateRequest('user', undefined);
    app.decorateRequest('authSession', undefined);
    app.decorateRequest('authProblem', undefined);
    app.addHook('onRequest', async (request, reply) => {
      const header = request.headers.authorization;
      const cookieToken = request.cookies[SESSION_COOKIE];
      if (header === undefined && cookieToken === undefined) return;
      if (header !== undefined) {
        const token = BEARER.exec(header)?.[1];
        const found = token === undefined ? undefined : await accounts.resolveToken(token);
        if (found) {
          request.user = found.user;
          request.authSession = found.session;
        } else {
          request.authProblem =
            token === undefined
              ? 'the Authorization header must be "Bearer <API token>"'
              : 'the bearer token is invalid, expired or revoked: create a new one (POST /auth/tokens)';
        }
        return;
      }
      const found = cookieToken ? await accounts.resolveToken(cookieToken) : undefined;
      if (found) {
        request.user = found.user;
        request.authSession = found.session;
        return;
      }
      request.authProblem = 'your session has ended (expired or logged out): log in again';
      clearSessionCookie(reply, cookieSecure);
    });
  };
  return Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: 'cadenza-auth',
  });
}

/**
 * The signed-in user, or a 401 `unauthenticated` in the error shape. Use it as a route's
 * `onRequest: requireUser` (refused before any body is read) and call it in the handler for the type.
 */
export function signedInUser(request: FastifyRequest): User {
  if (request.user) return request.user;
  throw new ApiError(
    401,
    'unauthenticated',
    request.authProblem ??
      'sign in first: log in (POST /auth/login, a session cookie) or send "Authorization: Bearer <API token>"',
  );
}

/** OpenAPI `security` for routes behind requireUser: the session cookie or a bearer API token. */
export const SIGNED_IN: readonly Record<string, readonly string[]>[] = [{ session: [] }, { bearer: [] }];

/** onRequest/preHandler hook: 401 unless the request is signed in. */
// eslint-disable-next-line @typescript-eslint/require-await
export async function requireUser(request: FastifyRequest): Promise<void> {
  signedInUser(request);
}

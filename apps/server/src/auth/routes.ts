import { LoginRequest, NoContent, PublicUser, SignUpRequest } from '@cadenza/contracts';
import type { Accounts } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../errors/error-responses.js';
import { requireUser, SIGNED_IN, signedInUser } from './auth-plugin.js';
import { toPublicUser } from './public-user.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

export interface AuthRoutesOptions {
  readonly accounts: Accounts;
  readonly cookieSecure: boolean;
}

const TAGS = ['auth'];

/**
 * Sign-up, login, logout and "who am I" for the web studio: the session lives in the httpOnly
 * `cadenza_session` cookie. Scripts use bearer tokens instead (see token-routes.ts).
 */
export function authRoutes({ accounts, cookieSecure }: AuthRoutesOptions): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.post(
      '/auth/signup',
      {
        schema: {
          summary: 'Create an account and log in',
          description:
            'Answers the new user and sets the `cadenza_session` cookie (httpOnly, SameSite=Lax). ' +
            'Passwords need 8–1024 characters; emails compare case-insensitively.',
          tags: TAGS,
          body: SignUpRequest,
          response: { 201: PublicUser, ...errorResponses(400, 409, 415) },
        },
      },
      async (request, reply) => {
        const { email, password, displayName, role } = request.body;
        await accounts.createAccount({ email, password, displayName, role });
        const { token, session, user } = await accounts.login(email, password);
        setSessionCookie(reply, token, session.expiresAt, cookieSecure);
        return reply.code(201).send(toPublicUser(user));
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          summary: 'Log in with email and password',
          description:
            'Sets the `cadenza_session` cookie for 30 days. A wrong email or password answers 401 ' +
            '`invalid_credentials` without saying which.',
          tags: TAGS,
          body: LoginRequest,
          response: { 200: PublicUser, ...errorResponses(400, 401, 415) },
        },
      },
      async (request, reply) => {
        const { token, session, user } = await accounts.login(request.body.email, request.body.password);
        setSessionCookie(reply, token, session.expiresAt, cookieSecure);
        return toPublicUser(user);
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          summary: 'Log out: end this session and clear the cookie',
          description:
            'Ends the session (or revokes the API token) the request came with. Answers 204 even when ' +
            'not logged in, so it is always safe to call.',
          tags: TAGS,
          response: { 204: NoContent.describe('Logged out'), ...errorResponses() },
        },
      },
      async (request, reply) => {
        const { user, authSession } = request;
        if (user && authSession) await accounts.revokeSession(user.id, authSession.id);
        clearSessionCookie(reply, cookieSecure);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        onRequest: requireUser,
        schema: {
          summary: 'The signed-in user',
          description: '401 `unauthenticated` when not logged in.',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: PublicUser, ...errorResponses(401) },
        },
      },
      (request) => toPublicUser(signedInUser(request)),
    );
  };
}

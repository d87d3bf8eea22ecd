import {
  ApiTokenList,
  ApiTokenResponse,
  CreateApiTokenRequest,
  NoContent,
  TokenIdParams,
} from '@cadenza/contracts';
import type { Accounts, Session } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { requireUser, SIGNED_IN, signedInUser } from './auth-plugin.js';
import { isoTime } from './public-user.js';

const TAGS = ['auth'];
const DAY_MS = 24 * 60 * 60 * 1000;

const optionalTime = (ms: number | undefined) => (ms === undefined ? {} : { expiresAt: isoTime(ms) });

function tokenInfo(session: Session) {
  return {
    id: session.id,
    name: session.name ?? '',
    createdAt: isoTime(session.createdAt),
    ...optionalTime(session.expiresAt),
    ...(session.lastUsedAt === undefined ? {} : { lastUsedAt: isoTime(session.lastUsedAt) }),
  };
}

/** Named bearer tokens for scripts and the CLI: create (the secret is shown once), list, revoke. */
export function tokenRoutes(accounts: Accounts): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.post(
      '/auth/tokens',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Create an API token for scripts',
          description:
            'Send it as `Authorization: Bearer <token>`. The token is in this answer only: Cadenza stores ' +
            'its SHA-256, so it cannot be shown again.',
          tags: TAGS,
          security: SIGNED_IN,
          body: CreateApiTokenRequest,
          response: { 201: ApiTokenResponse, ...errorResponses(400, 401, 415) },
        },
      },
      async (request, reply) => {
        const user = signedInUser(request);
        const { name, expiresInDays } = request.body;
        const { token, session } = await accounts.createApiToken(
          user.id,
          name,
          expiresInDays === undefined ? {} : { expiresInMs: expiresInDays * DAY_MS },
        );
        return reply.code(201).send({ id: session.id, name, token, ...optionalTime(session.expiresAt) });
      },
    );

    app.get(
      '/auth/tokens',
      {
        onRequest: requireUser,
        schema: {
          summary: "The signed-in user's API tokens (never their secrets)",
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: ApiTokenList, ...errorResponses(401) },
        },
      },
      async (request) => {
        const tokens = await accounts.listApiTokens(signedInUser(request).id);
        return { tokens: tokens.map(tokenInfo) };
      },
    );

    app.delete(
      '/auth/tokens/:id',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Revoke an API token',
          description: "404 for an id that is not one of the signed-in user's tokens.",
          tags: TAGS,
          security: SIGNED_IN,
          params: TokenIdParams,
          response: { 204: NoContent.describe('Revoked'), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const user = signedInUser(request);
        const own = (await accounts.listApiTokens(user.id)).some((t) => t.id === request.params.id);
        if (!own || !(await accounts.revokeSession(user.id, request.params.id))) {
          throw new ApiError(404, 'not_found', 'you have no API token with this id');
        }
        return reply.code(204).send(null);
      },
    );
  };
}

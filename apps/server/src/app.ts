import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.js';
import { convertRoutes } from './convert/routes.js';
import { registerDocs } from './docs/docs.js';
import { ApiError } from './errors/api-error.js';
import { installErrorHandler, sendError } from './errors/error-handler.js';
import { healthRoutes } from './health/routes.js';
import { requestIdFor } from './request-id.js';
import { theoryRoutes } from './theory/routes.js';
import { serverVersion } from './version.js';
import { resolveWebDir } from './web/web-dir.js';
import {
  registerNotBuiltPage,
  registerStudio,
  sendStudioIndex,
  wantsNegotiatedPage,
  wantsStudioPage,
} from './web/routes.js';

/** Largest JSON body, in bytes: theory requests are tiny; uploads go through multipart instead. */
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the HTTP app: the one error shape, docs, CORS, rate limit, health, the API routes, feature
 * plugins from `deps.plugins`, and the web studio. Does not listen; server.ts owns the process and
 * tests call `app.inject`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const version = serverVersion();
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    requestIdHeader: false,
    genReqId: requestIdFor,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    frameworkErrors: (error, request, reply) => {
      void sendError(error, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies are parsed by default: a text/plain body to a JSON route is a 415, not a 400.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandler(app);

  await app.register(cors, {
    // No configured origins: no CORS headers, so browsers allow same-origin requests only.
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    credentials: config.corsOrigins.length > 0,
    exposedHeaders: ['x-request-id', 'content-disposition', 'retry-after'],
  });
  await registerDocs(app, version);

  // Registered before the rate limiter, so static files and the studio page are not counted.
  const web = resolveWebDir(config.webDir);
  if (web.built) await registerStudio(app, web.dir);
  else registerNotBuiltPage(app);
  if (web.built) {
    // /songs and /songs/{id}: the studio page for a browser's navigation, JSON for everyone else.
    app.addHook('onRequest', async (request, reply) => {
      if (wantsNegotiatedPage(request)) return sendStudioIndex(reply);
    });
  }

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'rate_limited',
        `too many requests: the limit is ${context.max} per minute per client; retry in ${context.after}`,
        { limitPerMinute: context.max, retryAfter: context.after },
      ),
  });

  await app.register(
    healthRoutes({
      version,
      checks: deps.readinessChecks ?? [],
      timeoutMs: deps.readinessTimeoutMs ?? 2000,
    }),
  );
  await app.register(theoryRoutes({ soundFont: config.soundFont }));
  await app.register(convertRoutes(config.maxUploadBytes));
  for (const plugin of deps.plugins ?? []) await app.register(plugin);

  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    if (web.built && wantsStudioPage(request)) return sendStudioIndex(reply);
    const path = (request.url.split('?')[0] ?? '').slice(0, 200);
    return sendError(
      new ApiError(404, 'not_found', `no such endpoint: ${request.method} ${path}; see /docs for the API`),
      request,
      reply,
    );
  });
  return app;
}

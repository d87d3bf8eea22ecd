import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * OpenAPI 3 built from the routes' zod schemas (served at /openapi.json) and Swagger UI at /docs.
 * Register before any route so every route is collected.
 */
export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Cadenza API',
        version,
        description:
          'The Cadenza music-learning studio over HTTP. Every error is `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cadenza_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'an API token from POST /auth/tokens' },
        },
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness probes' },
        { name: 'theory', description: 'Chords, scales and roman-numeral analysis (no account needed)' },
        { name: 'convert', description: 'Score file conversion (MIDI, MusicXML, .mxl)' },
        {
          name: 'auth',
          description:
            'Accounts: a session cookie (`cadenza_session`) for the web studio, bearer API tokens for scripts',
        },
        { name: 'library', description: "The signed-in user's saved items and their files" },
        { name: 'teachers', description: "A teacher's linked students and their libraries (read-only)" },
        { name: 'students', description: "A student's teachers: accept or decline invitations, end links" },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

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
      tags: [
        { name: 'health', description: 'Liveness and readiness probes' },
        { name: 'theory', description: 'Chords, scales and roman-numeral analysis (no account needed)' },
        { name: 'convert', description: 'Score file conversion (MIDI, MusicXML, .mxl)' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

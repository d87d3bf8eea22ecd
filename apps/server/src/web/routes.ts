import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * First path segments that belong to the API (and docs): a browser asking for a page under them
 * never gets the studio's index.html, so an unknown API path is a JSON 404, not a web page.
 */
export const API_PREFIXES: readonly string[] = [
  'api',
  'docs',
  'openapi.json',
  'health',
  'ready',
  'convert',
  'jobs',
  'auth',
  'files',
  'students',
  'export',
  // The genre generators: /{genre}/generate and /{genre}/download/{id}.mid.
  'gospel',
  'jazz',
  'blues',
  'classical',
  'neosoul',
  // POST /transcribe (the web page /transcribe is a GET) and the stored results.
  'transcriptions',
  // Stored exercises (the page is /practice?exercise=ID). /practice and /ear-training are pages and API
  // prefixes at once: their API routes are POSTs or deeper paths, which the router matches first.
  'exercises',
  // The song catalogue: /songs and /songs/{id} are pages to a browser and JSON to fetch() (see
  // wantsNegotiatedPage); deeper paths (files, practice) are API only.
  'songs',
];

/**
 * Paths that are a studio page and an API resource at once: a browser's page navigation (Accept names
 * text/html) gets the studio, anything else (fetch() sends Accept "any type", API clients application/json)
 * the JSON. Only the song list and one song: their files and POSTs have paths of their own.
 */
const NEGOTIATED_PAGES: readonly RegExp[] = [/^\/songs\/?$/, /^\/songs\/[^/.]+\/?$/];

/** True for a browser asking for the page of a path NEGOTIATED_PAGES shares with the API. */
export function wantsNegotiatedPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  const path = request.url.split('?')[0] ?? '/';
  return NEGOTIATED_PAGES.some((page) => page.test(path));
}

/**
 * True for a request the studio's client-side router should answer: a GET/HEAD from a browser
 * (Accept names text/html), for a path without a file extension, outside the API prefixes.
 * API routes never reach this: the router matches them first.
 */
export function wantsStudioPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  const path = request.url.split('?')[0] ?? '/';
  const first = path.split('/')[1] ?? '';
  if (API_PREFIXES.includes(first)) return false;
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

/** Serves the built studio: hashed assets cached for a year, everything else revalidated. */
export async function registerStudio(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      const immutable = /[/\\]assets[/\\]/.test(path);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** The SPA fallback: the studio's index.html for a page the client-side router knows. */
export function sendStudioIndex(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cadenza</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Cadenza</h1>
<p>The API is running, but the web studio is not built.</p>
<p>Build it with <code>npm run build -w @cadenza/web</code> (or start with <code>npm start</code>, which
builds it when needed), then reload this page.</p>
<p>API documentation: <a href="/docs">/docs</a> · OpenAPI: <a href="/openapi.json">/openapi.json</a> ·
health: <a href="/health">/health</a></p>
</body>
</html>
`;

/** GET / when the studio is not built: a page saying so and how to build it. */
export function registerNotBuiltPage(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
  );
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, testApp } from './helpers.js';

describe('health and readiness', () => {
  it('GET /health is 200 with status, version and uptime', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/health' });
    await app.close();
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; version: string; uptimeSeconds: number }>();
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.uptimeSeconds).toBeGreaterThan(0);
  });

  it('GET /ready is 200 when every check passes and 503 naming the one that fails', async () => {
    let dbUp = true;
    const app = await testApp(
      {},
      {
        readinessChecks: [
          { name: 'blobs', check: () => Promise.resolve() },
          {
            name: 'database',
            check: () => (dbUp ? Promise.resolve() : Promise.reject(new Error('connection refused'))),
          },
        ],
        readinessTimeoutMs: 200,
      },
    );
    const ready = await app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'blobs', ok: true },
        { name: 'database', ok: true },
      ],
    });
    dbUp = false;
    const down = await app.inject({ url: '/ready' });
    await app.close();
    expect(down.statusCode).toBe(503);
    const error = errorOf(down);
    expect(error.code).toBe('not_ready');
    expect(error.message).toBe('not ready: database: connection refused');
  });

  it('a check that never answers counts as not ready after the timeout', async () => {
    const app = await testApp(
      {},
      {
        readinessChecks: [{ name: 'redis', check: () => new Promise<void>(() => {}) }],
        readinessTimeoutMs: 50,
      },
    );
    const res = await app.inject({ url: '/ready' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(errorOf(res).message).toBe('not ready: redis: no answer within 50 ms');
  });
});

describe('OpenAPI and docs', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(() => app.close());

  it('/openapi.json lists every API route with summary, tags and schemas', async () => {
    const res = await app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'get /health',
        'get /ready',
        'get /theory/chord',
        'get /theory/scale',
        'get /theory/scales',
        'post /theory/analyze',
        'post /convert',
      ].sort(),
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.summary, where).toEqual(expect.any(String));
        expect(op.tags, where).toEqual([expect.any(String)]);
        const responses = op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
        expect(Object.keys(responses), where).toContain('200');
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) < 400) continue;
          const schema = response.content?.['application/json']?.schema as {
            properties?: Record<string, unknown>;
          };
          expect(Object.keys(schema.properties ?? {}), `${where} ${status}`).toEqual(['error']);
        }
      }
    }
    const chord = doc.paths['/theory/chord']!.get!;
    expect((chord.parameters as { name: string }[]).map((p) => p.name)).toEqual(['symbol', 'format']);
    const chordOk = (chord.responses as Record<string, { content: Record<string, unknown> }>)['200']!.content;
    expect(Object.keys(chordOk)).toEqual([
      'application/json',
      'application/vnd.recordare.musicxml+xml',
      'application/vnd.recordare.musicxml',
      'audio/midi',
      'audio/wav',
    ]);
    const analyze = doc.paths['/theory/analyze']!.post!;
    expect(Object.keys((analyze.requestBody as { content: object }).content)).toEqual(['application/json']);
    const convert = doc.paths['/convert']!.post!;
    expect(Object.keys((convert.requestBody as { content: object }).content)).toEqual([
      'multipart/form-data',
    ]);
  });

  it('/docs serves Swagger UI', async () => {
    const res = await app.inject({ url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
  });
});

describe('rate limiting', () => {
  it('answers 429 rate_limited in the error shape past the limit; /health stays exempt', async () => {
    const app = await testApp({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ url: '/theory/scales' })).statusCode);
    const limited = await app.inject({ url: '/theory/chord?symbol=C' });
    const notFound = await app.inject({ url: '/nowhere' });
    const health = await Promise.all([1, 2, 3, 4, 5].map(() => app.inject({ url: '/health' })));
    await app.close();
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const error = errorOf(limited);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/^too many requests: the limit is 3 per minute per client/);
    expect(notFound.statusCode).toBe(429);
    expect(health.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('behind a reverse proxy (CADENZA_TRUST_PROXY)', () => {
  const burst = async (trustProxy: boolean) => {
    const app = await testApp({ rateLimitPerMinute: 2, trustProxy });
    const as = (ip: string) => app.inject({ url: '/theory/scales', headers: { 'x-forwarded-for': ip } });
    const statuses = [];
    for (const ip of ['203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.3'])
      statuses.push((await as(ip)).statusCode);
    await app.close();
    return statuses;
  };

  it('limits each forwarded client separately when the proxy is trusted', async () => {
    expect(await burst(true)).toEqual([200, 200, 200, 200]);
  });

  it('ignores X-Forwarded-For from an untrusted peer (clients cannot dodge the limit)', async () => {
    expect(await burst(false)).toEqual([200, 200, 429, 429]);
  });
});

describe('CORS', () => {
  const preflight = (app: FastifyInstance, origin: string) =>
    app.inject({
      method: 'OPTIONS',
      url: '/theory/analyze',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('allows preflight only from configured origins', async () => {
    const app = await testApp({ corsOrigins: ['https://studio.example.org'] });
    const allowed = await preflight(app, 'https://studio.example.org');
    const other = await preflight(app, 'https://evil.example.com');
    const simple = await app.inject({ url: '/health', headers: { origin: 'https://studio.example.org' } });
    await app.close();
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://studio.example.org');
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-origin']).toBe('https://studio.example.org');
    expect(String(simple.headers['access-control-expose-headers'])).toContain('x-request-id');
  });

  it('sends no CORS headers by default (same origin only)', async () => {
    const app = await testApp();
    const res = await preflight(app, 'https://studio.example.org');
    const get = await app.inject({ url: '/health', headers: { origin: 'https://studio.example.org' } });
    await app.close();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('web studio', () => {
  it('without a build, / says the studio is not built and how to build it', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('web studio is not built');
    expect(res.body).toContain('npm run build -w @cadenza/web');
  });

  it('serves a built studio with an SPA fallback that never shadows the API', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'cadenza-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>studio</title><div id="root"></div>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log("studio")');
    const app = await testApp({ webDir });
    const html = { accept: 'text/html,application/xhtml+xml' };
    const root = await app.inject({ url: '/', headers: html });
    const page = await app.inject({ url: '/practice/scales', headers: html });
    const asset = await app.inject({ url: '/assets/app-1234.js' });
    const missingAsset = await app.inject({ url: '/assets/missing.js', headers: html });
    const api = await app.inject({ url: '/theory/chord?symbol=C', headers: html });
    const unknownApi = await app.inject({ url: '/jobs/xyz', headers: html });
    const unknownExercise = await app.inject({ url: '/exercises/xyz', headers: html });
    const practicePage = await app.inject({ url: '/practice?exercise=xyz', headers: html });
    const jsonClient = await app.inject({ url: '/practice/scales', headers: { accept: 'application/json' } });
    const traversal = await app.inject({ url: '/assets/..%2f..%2f..%2fetc%2fpasswd', headers: html });
    await app.close();
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>studio</title>');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>studio</title>');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(missingAsset.statusCode).toBe(404);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ notes: ['C', 'E', 'G'] });
    expect(unknownApi.statusCode).toBe(404);
    expect(errorOf(unknownApi).code).toBe('not_found');
    expect(unknownExercise.statusCode).toBe(404);
    expect(errorOf(unknownExercise).code).toBe('not_found');
    expect(practicePage.body).toContain('<title>studio</title>');
    expect(jsonClient.statusCode).toBe(404);
    expect(traversal.statusCode).toBeGreaterThanOrEqual(400);
    expect(traversal.statusCode).toBeLessThan(500);
    expect(traversal.body).not.toContain('root:');
  });
});

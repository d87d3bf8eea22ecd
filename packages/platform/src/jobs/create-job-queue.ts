import type { CadenzaConfig } from '../config/config.js';
import { createBullMqJobQueue } from './bullmq/bullmq-job-queue.js';
import { createInProcessJobQueue } from './in-process/in-process-job-queue.js';
import type { JobQueue, RetryDefaults } from './job-queue.js';
import type { JobStore } from './job-store.js';

export interface CreateJobQueueOptions {
  /** URL of the handlers module, usually builtinJobHandlersModule(). */
  readonly handlersModule: URL | string;
  /** Where job state lives (in-process engine) or is mirrored (BullMQ engine); default memory / none. */
  readonly store?: JobStore;
  /** BullMQ queue name and Redis key prefix (defaults 'jobs' and 'cadenza'); `cadenza worker` must match. */
  readonly queueName?: string;
  readonly prefix?: string;
  readonly retry?: Partial<RetryDefaults>;
  readonly onError?: (error: unknown) => void;
}

/**
 * The job queue the configuration asks for: BullMQ when CADENZA_REDIS_URL is set (run `cadenza worker`
 * processes to do the work), otherwise worker threads in this process (config.jobConcurrency of them).
 */
export function createJobQueue(
  config: Pick<CadenzaConfig, 'redisUrl' | 'jobConcurrency'>,
  options: CreateJobQueueOptions,
): Promise<JobQueue> {
  const { handlersModule, store, retry, onError } = options;
  if (config.redisUrl) {
    const location = { redisUrl: config.redisUrl, queueName: options.queueName, prefix: options.prefix };
    return createBullMqJobQueue({ ...location, handlersModule, store, retry, onError });
  }
  return createInProcessJobQueue({
    handlersModule,
    concurrency: config.jobConcurrency,
    store,
    retry,
    onError,
  });
}

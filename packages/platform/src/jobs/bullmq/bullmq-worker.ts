import type { Job } from 'bullmq';
import { WorkerPool } from '../in-process/worker-pool.js';
import { errorMessage } from '../job-queue.js';
import {
  bullMqSettings,
  readyWithin,
  type BullMqJobData,
  type BullMqQueueLocation,
} from './bullmq-options.js';

export interface JobWorkerOptions extends BullMqQueueLocation {
  /** URL of the handlers module (the same one the API process names). */
  readonly handlersModule: URL | string;
  /** Jobs run at once, each on its own worker thread (config.jobConcurrency). */
  readonly concurrency: number;
  /** How long to wait for Redis at start (default 10 000 ms). */
  readonly connectTimeoutMs?: number;
  /** Told about each finished attempt: succeeded, or failed with its error (retried or final). */
  readonly onAttempt?: (outcome: JobAttemptOutcome) => void;
  /** Told about connection and other worker errors (default console.error). */
  readonly onError?: (error: unknown) => void;
}

export interface JobAttemptOutcome {
  readonly id: string;
  readonly kind: string;
  readonly attempt: number;
  readonly ok: boolean;
  readonly error?: string;
}

/** A running BullMQ worker; close() stops taking jobs and waits for the running ones to finish. */
export interface JobWorker {
  readonly kinds: readonly string[];
  readonly concurrency: number;
  close(): Promise<void>;
}

/**
 * Runs jobs from the BullMQ queue on a pool of worker threads, so that CPU-heavy handlers never keep
 * this process from renewing its job locks. Retries and back-off are BullMQ's (attempts + exponential
 * backoff set per job by the API side); a kind this worker lacks fails at once without retries.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const pool = await WorkerPool.start({ handlersModule: options.handlersModule, size: options.concurrency });
  const { name, prefix, connection } = bullMqSettings(options);
  const { UnrecoverableError, Worker } = await import('bullmq');
  const onError = options.onError ?? ((error: unknown) => console.error('cadenza worker:', error));

  const processor = async (job: Job<BullMqJobData>): Promise<unknown> => {
    if (!pool.kinds.includes(job.name)) {
      throw new UnrecoverableError(`this worker has no handler for job kind '${job.name}'`);
    }
    // Progress writes go out in order, and all of them before the job's outcome.
    let progressWrites = Promise.resolve();
    try {
      return await pool.run(
        { kind: job.name, input: job.data.input, attempt: job.attemptsMade + 1 },
        {
          onProgress: (progress, stage) => {
            progressWrites = progressWrites
              .then(() => job.updateProgress({ progress, stage }))
              .catch(onError);
          },
        },
      );
    } finally {
      await progressWrites;
    }
  };
  const worker = new Worker<BullMqJobData>(name, processor, {
    connection,
    prefix,
    concurrency: options.concurrency,
  });
  worker.on('error', onError);
  worker.on('completed', (job) => {
    options.onAttempt?.({ id: String(job.id), kind: job.name, attempt: job.attemptsMade, ok: true });
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const outcome = { id: String(job.id), kind: job.name, attempt: job.attemptsMade, ok: false };
    options.onAttempt?.({ ...outcome, error: errorMessage(error) });
  });
  try {
    await readyWithin(worker.waitUntilReady(), options.redisUrl, options.connectTimeoutMs ?? 10_000);
  } catch (error) {
    await Promise.allSettled([worker.close(true), pool.terminate()]);
    throw error;
  }
  return {
    kinds: pool.kinds,
    concurrency: options.concurrency,
    async close() {
      await worker.close();
      await pool.terminate('the job worker was closed');
    },
  };
}

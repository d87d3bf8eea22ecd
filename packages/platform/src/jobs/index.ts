/** Long jobs: one JobQueue interface, two engines (worker threads in-process, BullMQ on Redis). */
export {
  DEFAULT_RETRY,
  JobQueueClosedError,
  UnknownJobKindError,
  retryDelayMs,
  type EnqueueOptions,
  type JobListener,
  type JobQueue,
  type RetryDefaults,
} from './job-queue.js';
export {
  JobHandlersModuleError,
  loadJobHandlers,
  type JobContext,
  type JobHandler,
  type JobHandlers,
} from './job-handler.js';
export { jobRecordOf, type JobPatch, type JobStore, type PersistedJob } from './job-store.js';
export { createMemoryJobStore } from './memory-job-store.js';
export { createDatabaseJobStore } from './database-job-store.js';
export { createInProcessJobQueue, type InProcessJobQueueOptions } from './in-process/in-process-job-queue.js';
export { createBullMqJobQueue, type BullMqJobQueueOptions } from './bullmq/bullmq-job-queue.js';
export {
  startJobWorker,
  type JobAttemptOutcome,
  type JobWorker,
  type JobWorkerOptions,
} from './bullmq/bullmq-worker.js';
export { DEFAULT_PREFIX, DEFAULT_QUEUE_NAME, type BullMqQueueLocation } from './bullmq/bullmq-options.js';
export { createJobQueue, type CreateJobQueueOptions } from './create-job-queue.js';
export { builtinJobHandlersModule } from './handlers/builtin-handlers.js';

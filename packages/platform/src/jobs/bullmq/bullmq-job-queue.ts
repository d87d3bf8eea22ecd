import type { JobRecord } from '@cadenza/contracts';
import type { Queue, QueueEvents } from 'bullmq';
import { WorkerPool } from '../in-process/worker-pool.js';
import { JobEventHub } from '../job-event-hub.js';
import {
  DEFAULT_RETRY,
  errorMessage,
  JobQueueClosedError,
  resolveEnqueueOptions,
  UnknownJobKindError,
  type EnqueueOptions,
  type JobListener,
  type JobQueue,
  type RetryDefaults,
} from '../job-queue.js';
import { JobRecordWriter } from '../job-record-writer.js';
import { newQueuedJob, type JobStore } from '../job-store.js';
import {
  bullMqSettings,
  readyWithin,
  type BullMqJobData,
  type BullMqQueueLocation,
} from './bullmq-options.js';
import { jobRecordFromBullMq, progressOf } from './bullmq-record.js';

export interface BullMqJobQueueOptions extends BullMqQueueLocation {
  /** URL of the handlers module; read here only for its kinds (workers run the handlers). */
  readonly handlersModule: URL | string;
  /** Mirror of every job's state (e.g. the database `jobs` table), kept up to date from queue events. */
  readonly store?: JobStore;
  readonly retry?: Partial<Pick<RetryDefaults, 'maxAttempts' | 'backoffMs'>>;
  /** How long to wait for Redis at start (default 10 000 ms). */
  readonly connectTimeoutMs?: number;
  /** Told about store and listener failures (default console.error). */
  readonly onError?: (error: unknown) => void;
}

/** Days finished jobs stay readable in Redis (the store, if any, keeps them for good). */
const KEEP_COMPLETED_S = 7 * 24 * 3600;
const KEEP_FAILED_S = 30 * 24 * 3600;

/** The Redis engine's API side: Queue to add jobs, QueueEvents to follow them; workers run elsewhere. */
class BullMqJobQueue implements JobQueue {
  readonly engine = 'bullmq';
  private readonly events: JobEventHub;
  private readonly writer: JobRecordWriter | undefined;
  private readonly mirrors = new Map<string, Promise<void>>();
  private closing = false;

  constructor(
    readonly kinds: readonly string[],
    private readonly queue: Queue<BullMqJobData>,
    private readonly queueEvents: QueueEvents,
    private readonly store: JobStore | undefined,
    private readonly retry: RetryDefaults,
    private readonly onError: (error: unknown) => void,
  ) {
    this.events = new JobEventHub(onError);
    this.writer = store && new JobRecordWriter(store);
    queueEvents.on('progress', ({ jobId, data }) => {
      const reported = progressOf(data);
      if (reported) this.events.emit(jobId, { type: 'progress', ...reported });
      void this.mirror(jobId);
    });
    queueEvents.on('completed', ({ jobId, returnvalue }) => {
      void this.mirror(jobId).then(() => this.events.emit(jobId, { type: 'completed', result: returnvalue }));
    });
    queueEvents.on('failed', ({ jobId, failedReason }) => {
      void this.mirror(jobId).then(() => this.events.emit(jobId, { type: 'failed', error: failedReason }));
    });
    queueEvents.on('active', ({ jobId }) => void this.mirror(jobId));
    queueEvents.on('delayed', ({ jobId }) => void this.mirror(jobId));
    queueEvents.on('waiting', ({ jobId }) => void this.mirror(jobId));
  }

  async enqueue(kind: string, input: unknown, options: EnqueueOptions = {}): Promise<JobRecord> {
    if (this.closing) throw new JobQueueClosedError();
    if (!this.kinds.includes(kind)) throw new UnknownJobKindError(kind, this.kinds);
    const { ownerId, maxAttempts, backoffMs } = resolveEnqueueOptions(options, this.retry);
    const queued = newQueuedJob({ kind, ownerId, maxAttempts, input });
    const id = queued.id;
    // The store row exists before any worker can report on the job.
    await this.store?.create(queued);
    try {
      const job = await this.queue.add(
        kind,
        { input, ownerId },
        {
          jobId: id,
          attempts: maxAttempts,
          backoff: { type: 'exponential', delay: backoffMs },
          removeOnComplete: { age: KEEP_COMPLETED_S },
          removeOnFail: { age: KEEP_FAILED_S },
        },
      );
      return jobRecordFromBullMq(job, 'waiting');
    } catch (error) {
      await this.store?.update(id, {
        status: 'failed',
        error: `could not queue the job: ${errorMessage(error)}`,
      });
      throw error;
    }
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const job = await this.queue.getJob(id);
    if (!job) return this.store?.get(id); // removed from Redis after its retention time
    return jobRecordFromBullMq(job, await job.getState());
  }

  subscribe(id: string, listener: JobListener): () => void {
    return this.events.subscribe(id, listener);
  }

  /** Workers run in their own processes: closing the API side only stops following and adding jobs. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.queueEvents.close();
    await Promise.allSettled([...this.mirrors.values()]);
    await this.writer?.flush();
    await this.queue.close();
    this.events.clear();
  }

  /** Copies the job's Redis state into the store, one copy at a time per job, in event order. */
  private mirror(jobId: string): Promise<void> {
    const writer = this.writer;
    if (!writer) return Promise.resolve();
    const previous = this.mirrors.get(jobId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const job = await this.queue.getJob(jobId);
      if (!job) return;
      const r = jobRecordFromBullMq(job, await job.getState());
      const { status, progress, stage, attempts, error, result } = r;
      await writer.write(jobId, { status, progress, stage, attempts, error, result });
    });
    const settled = next.catch(this.onError);
    this.mirrors.set(jobId, settled);
    void settled.then(() => {
      if (this.mirrors.get(jobId) === settled) this.mirrors.delete(jobId);
    });
    return settled;
  }
}

/** Connects to Redis (rejecting after connectTimeoutMs if it cannot) and learns the handler kinds. */
export async function createBullMqJobQueue(options: BullMqJobQueueOptions): Promise<JobQueue> {
  const probe = await WorkerPool.start({ handlersModule: options.handlersModule, size: 1 });
  await probe.terminate();
  const { name, prefix, connection } = bullMqSettings(options);
  // Loaded on demand: the in-process default should not pay for BullMQ and ioredis at start-up.
  const { Queue, QueueEvents } = await import('bullmq');
  const onError = options.onError ?? ((error: unknown) => console.error('cadenza jobs:', error));
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const queue = new Queue<BullMqJobData>(name, { connection, prefix });
  queue.on('error', onError);
  try {
    await readyWithin(queue.waitUntilReady(), options.redisUrl, timeoutMs);
  } catch (error) {
    await queue.close();
    throw error;
  }
  // Only once Redis answers: a QueueEvents that never connected cannot be closed (BullMQ 5.81).
  const queueEvents = new QueueEvents(name, { connection, prefix });
  queueEvents.on('error', onError);
  try {
    await readyWithin(queueEvents.waitUntilReady(), options.redisUrl, timeoutMs);
  } catch (error) {
    await queue.close();
    void queueEvents.close().catch(onError);
    throw error;
  }
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  return new BullMqJobQueue(probe.kinds, queue, queueEvents, options.store, retry, onError);
}

import type { JobRecord } from '@cadenza/contracts';
import { JobEventHub } from '../job-event-hub.js';
import {
  DEFAULT_RETRY,
  errorMessage,
  JobQueueClosedError,
  resolveEnqueueOptions,
  retryDelayMs,
  UnknownJobKindError,
  type EnqueueOptions,
  type JobListener,
  type JobQueue,
  type RetryDefaults,
} from '../job-queue.js';
import { JobRecordWriter } from '../job-record-writer.js';
import { jobRecordOf, newQueuedJob, type JobPatch, type JobStore } from '../job-store.js';
import { createMemoryJobStore } from '../memory-job-store.js';
import { PoolClosedError, WorkerPool } from './worker-pool.js';

export interface InProcessJobQueueOptions {
  /** URL of the handlers module (exports `handlers`); each worker thread imports it. */
  readonly handlersModule: URL | string;
  /** Worker threads, i.e. jobs running at once (config.jobConcurrency). */
  readonly concurrency: number;
  /** Where job state lives (default: memory). */
  readonly store?: JobStore;
  /** Re-queue the jobs a persistent store holds as queued or running (default true). */
  readonly recover?: boolean;
  readonly retry?: Partial<RetryDefaults>;
  /** Told about store failures during progress writes and listener exceptions (default console.error). */
  readonly onError?: (error: unknown) => void;
}

/** What this process needs to run one of its jobs; the rest of the state is in the store. */
interface OwnJob {
  readonly id: string;
  readonly kind: string;
  readonly input: unknown;
  readonly maxAttempts: number;
  readonly backoffMs: number;
  attempts: number;
}

const INTERRUPTED = 'interrupted: the process stopped while this job was running';

/** The default engine: jobs run on a pool of worker threads inside this process. */
class InProcessJobQueue implements JobQueue {
  readonly engine = 'in-process';
  private readonly events: JobEventHub;
  private readonly writer: JobRecordWriter;
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private readonly attempts = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly store: JobStore,
    private readonly retry: RetryDefaults,
    private readonly onError: (error: unknown) => void,
  ) {
    this.events = new JobEventHub(onError);
    this.writer = new JobRecordWriter(store);
  }

  get kinds(): readonly string[] {
    return this.pool.kinds;
  }

  async enqueue(kind: string, input: unknown, options: EnqueueOptions = {}): Promise<JobRecord> {
    if (this.closing) throw new JobQueueClosedError();
    if (!this.kinds.includes(kind)) throw new UnknownJobKindError(kind, this.kinds);
    const { ownerId, maxAttempts, backoffMs } = resolveEnqueueOptions(options, this.retry);
    const job = newQueuedJob({ kind, ownerId, maxAttempts, input });
    await this.store.create(job);
    this.dispatch({ id: job.id, kind, input, maxAttempts, backoffMs, attempts: 0 });
    return jobRecordOf(job);
  }

  get(id: string): Promise<JobRecord | undefined> {
    return this.store.get(id);
  }

  subscribe(id: string, listener: JobListener): () => void {
    return this.events.subscribe(id, listener);
  }

  async close(options: { readonly timeoutMs?: number } = {}): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear(); // those jobs stay queued in the store, with their last error
    this.pool.stopAccepting();
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    const finished = await Promise.race([this.pool.idle().then(() => false), timedOut]);
    clearTimeout(timer);
    if (finished) {
      // Out of time: ask the handlers to stop, give them a moment, then stop the threads.
      this.pool.abortRunning('the job queue is shutting down');
      await Promise.race([this.pool.idle(), new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
    await this.pool.terminate(INTERRUPTED);
    await Promise.allSettled([...this.attempts]);
    await this.writer.flush();
    this.events.clear();
  }

  /** Re-queues what a previous process left queued or running in a persistent store. */
  async recover(): Promise<void> {
    if (!this.store.persistent) return;
    for (const job of await this.store.listByStatus(['queued', 'running'])) {
      if (job.status === 'running' && job.attempts >= job.maxAttempts) {
        await this.writer.write(job.id, { status: 'failed', error: INTERRUPTED });
        continue;
      }
      if (job.status === 'running') await this.writer.write(job.id, { status: 'queued', stage: 'queued' });
      const { id, kind, input, maxAttempts, attempts } = job;
      this.dispatch({ id, kind, input, maxAttempts, attempts, backoffMs: this.retry.backoffMs });
    }
  }

  private dispatch(job: OwnJob): void {
    const attempt = this.runAttempt(job).catch(this.onError);
    this.attempts.add(attempt);
    void attempt.finally(() => this.attempts.delete(attempt));
  }

  private progress(id: string, patch: JobPatch): void {
    this.writer.write(id, patch).catch(this.onError);
  }

  private async runAttempt(job: OwnJob): Promise<void> {
    const attempt = job.attempts + 1;
    let result: unknown;
    try {
      result = await this.pool.run(
        { kind: job.kind, input: job.input, attempt },
        {
          onStart: () => {
            job.attempts = attempt;
            this.progress(job.id, { status: 'running', attempts: attempt, progress: 0, stage: 'starting' });
          },
          onProgress: (progress, stage) => {
            this.progress(job.id, { progress, stage });
            this.events.emit(job.id, { type: 'progress', progress, stage });
          },
        },
      );
    } catch (error) {
      if (error instanceof PoolClosedError) return; // never started: stays queued for the next start
      await this.attemptFailed(job, attempt, errorMessage(error));
      return;
    }
    await this.writer.write(job.id, {
      status: 'succeeded',
      progress: 100,
      stage: 'done',
      result,
      error: undefined,
    });
    this.events.emit(job.id, { type: 'completed', result });
  }

  private async attemptFailed(job: OwnJob, attempt: number, error: string): Promise<void> {
    if (attempt < job.maxAttempts && !this.closing) {
      await this.writer.write(job.id, { status: 'queued', stage: 'waiting to retry', error });
      const delay = retryDelayMs(attempt, job.backoffMs, this.retry.maxBackoffMs);
      this.retryTimers.set(
        job.id,
        setTimeout(() => {
          this.retryTimers.delete(job.id);
          this.dispatch(job);
        }, delay),
      );
      return;
    }
    if (attempt < job.maxAttempts) {
      // Shutting down: leave it queued so that a persistent store's next start retries it.
      await this.writer.write(job.id, { status: 'queued', stage: 'queued', error });
      return;
    }
    await this.writer.write(job.id, { status: 'failed', error });
    this.events.emit(job.id, { type: 'failed', error });
  }
}

/** Starts the worker threads (rejects if the handlers module cannot be loaded) and recovers old jobs. */
export async function createInProcessJobQueue(options: InProcessJobQueueOptions): Promise<JobQueue> {
  const pool = await WorkerPool.start({ handlersModule: options.handlersModule, size: options.concurrency });
  const queue = new InProcessJobQueue(
    pool,
    options.store ?? createMemoryJobStore(),
    { ...DEFAULT_RETRY, ...options.retry },
    options.onError ?? ((error) => console.error('cadenza jobs:', error)),
  );
  if (options.recover !== false) await queue.recover();
  return queue;
}

import type { JobEvent, JobRecord } from '@cadenza/contracts';

/** Per-job options for {@link JobQueue.enqueue}; the queue's defaults fill in the rest. */
export interface EnqueueOptions {
  /** The user the job belongs to; omit (null) for anonymous work. */
  readonly ownerId?: string | null;
  /** Attempts before the job fails (integer ≥ 1; default 3). */
  readonly maxAttempts?: number;
  /** Wait before the first retry in milliseconds; doubles for each later retry (default 1000). */
  readonly backoffMs?: number;
}

/** Receives the events of one job, in order: progress events, then one completed or failed event. */
export type JobListener = (event: JobEvent) => void;

/**
 * Long work (transcription, rendering, video, batch export) behind one interface with two engines:
 * worker threads in this process (the default) or BullMQ on Redis with `cadenza worker` processes.
 */
export interface JobQueue {
  /** Which engine runs the jobs. */
  readonly engine: 'in-process' | 'bullmq';
  /** The job kinds the handlers module offers. */
  readonly kinds: readonly string[];
  /**
   * Queues a job and returns its record (status queued). Throws UnknownJobKindError for a kind the
   * handlers module lacks, JobQueueClosedError after close(), RangeError for bad options.
   * `input` and the handler's result cross threads and processes: keep them JSON-serialisable.
   */
  enqueue(kind: string, input: unknown, options?: EnqueueOptions): Promise<JobRecord>;
  /** The job's current record, or undefined for an unknown id. */
  get(id: string): Promise<JobRecord | undefined>;
  /**
   * Calls `listener` for the job's future events and returns the function that stops it. Subscribe
   * first and then call get(), so that a job finishing in between is not missed.
   */
  subscribe(id: string, listener: JobListener): () => void;
  /**
   * Stops taking work and lets running jobs finish, waiting at most `timeoutMs` (default 30 000 ms);
   * after that their AbortSignal fires and they are left for the next start (persistent store) to retry.
   */
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
}

/** Defaults the queue applies when enqueue() leaves an option out. */
export interface RetryDefaults {
  readonly maxAttempts: number;
  /** Milliseconds before the first retry. */
  readonly backoffMs: number;
  /** Largest wait between attempts in milliseconds (in-process engine; BullMQ's exponential has no cap). */
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryDefaults = { maxAttempts: 3, backoffMs: 1000, maxBackoffMs: 60_000 };

/** enqueue() named a kind that the handlers module does not export. */
export class UnknownJobKindError extends Error {
  override readonly name = 'UnknownJobKindError';
  constructor(
    readonly kind: string,
    readonly known: readonly string[],
  ) {
    super(`unknown job kind '${kind}': the handlers module offers ${known.map((k) => `'${k}'`).join(', ')}`);
  }
}

/** enqueue() was called after close(). */
export class JobQueueClosedError extends Error {
  override readonly name = 'JobQueueClosedError';
  constructor() {
    super('the job queue is closed: it takes no new jobs while the process shuts down');
  }
}

/** Checks and completes the per-job options; throws RangeError naming a bad value. */
export function resolveEnqueueOptions(
  options: EnqueueOptions,
  defaults: RetryDefaults,
): { ownerId: string | null; maxAttempts: number; backoffMs: number } {
  const maxAttempts = options.maxAttempts ?? defaults.maxAttempts;
  const backoffMs = options.backoffMs ?? defaults.backoffMs;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be an integer ≥ 1, got ${maxAttempts}`);
  }
  if (!Number.isFinite(backoffMs) || backoffMs < 0) {
    throw new RangeError(`backoffMs must be a number of milliseconds ≥ 0, got ${backoffMs}`);
  }
  return { ownerId: options.ownerId ?? null, maxAttempts, backoffMs };
}

/** Wait before retrying after failed attempt number `attempt` (1-based): backoffMs·2^(attempt−1), capped. */
export function retryDelayMs(attempt: number, backoffMs: number, maxBackoffMs: number): number {
  return Math.min(backoffMs * 2 ** (attempt - 1), maxBackoffMs);
}

/** The message a failed attempt records. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : `non-error thrown: ${JSON.stringify(error) ?? String(error)}`;
}

import { randomUUID } from 'node:crypto';
import type { JobRecord, JobStatus } from '@cadenza/contracts';

/** A job as stored: its public record plus the input a restarted process needs to run it again. */
export interface PersistedJob extends JobRecord {
  /** What enqueue() was given (JSON-serialisable). */
  readonly input: unknown;
}

/** A job as it is first stored by enqueue(), on either engine: queued, no attempt yet, a fresh id. */
export function newQueuedJob(fields: {
  readonly kind: string;
  readonly ownerId: string | null;
  readonly maxAttempts: number;
  readonly input: unknown;
}): PersistedJob {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    ...fields,
    status: 'queued',
    progress: 0,
    stage: 'queued',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The fields a queue changes as a job runs. A key that is present is written, even when its value
 * is undefined: `{ error: undefined }` clears the error (NULL in a database).
 */
export type JobPatch = Partial<
  Pick<JobRecord, 'status' | 'progress' | 'stage' | 'attempts' | 'error' | 'result' | 'updatedAt'>
>;

/**
 * Where job state lives. The in-memory store is the default; a database-backed one (the `jobs`
 * table) makes jobs survive a restart: the in-process engine then re-queues jobs a crashed process
 * left queued or running. Every method may be called concurrently for different jobs; the queues
 * never call update() concurrently for the same job.
 */
export interface JobStore {
  /** Whether jobs outlive this process (true for a database, false for memory). */
  readonly persistent: boolean;
  /** Stores a new job. */
  create(job: PersistedJob): Promise<void>;
  /** The job's record (without its input), or undefined. */
  get(id: string): Promise<JobRecord | undefined>;
  /** Applies a patch; resolves false when no job has this id. */
  update(id: string, patch: JobPatch): Promise<boolean>;
  /** The owner's jobs, newest first (`createdAt` descending), at most `limit` (default 50). */
  listByOwner(ownerId: string, options?: { readonly limit?: number }): Promise<JobRecord[]>;
  /** Jobs in any of these states, oldest first, with their input: what a restart must pick up. */
  listByStatus(statuses: readonly JobStatus[]): Promise<PersistedJob[]>;
}

/** The public record of a stored job (drops the input). */
export function jobRecordOf(job: PersistedJob): JobRecord {
  const { input: _input, ...record } = job;
  return record;
}

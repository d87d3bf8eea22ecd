import type { JobRecord } from '@cadenza/contracts';
import type { JsonValue } from '../db/json.js';
import type { JobsRepository, StoredJob } from '../db/repositories/jobs.js';
import type { JobPatch, JobStore, PersistedJob } from './job-store.js';

function recordOf(job: StoredJob): JobRecord {
  const record: JobRecord = {
    id: job.id,
    kind: job.kind,
    ownerId: job.ownerId ?? null,
    status: job.status,
    progress: job.progress,
    stage: job.stage ?? 'queued',
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
  };
  if (job.error !== undefined) record.error = job.error;
  if (job.result !== undefined) record.result = job.result;
  return record;
}

/** A patch in the repository's terms: a present-but-undefined error or result becomes NULL. */
function changesOf(patch: JobPatch): Parameters<JobsRepository['update']>[1] {
  const { status, progress, stage, attempts } = patch;
  return {
    status,
    progress,
    stage,
    attempts,
    error: 'error' in patch ? (patch.error ?? null) : undefined,
    result: 'result' in patch ? ((patch.result as JsonValue | undefined) ?? null) : undefined,
  };
}

/**
 * The `jobs` table (SQLite or PostgreSQL, through the JobsRepository) as a JobStore: jobs survive a
 * restart, and the in-process engine re-queues those a crashed process left queued or running.
 * Timestamps become epoch milliseconds; inputs and results must be JSON.
 */
export function createDatabaseJobStore(jobs: JobsRepository): JobStore {
  return {
    persistent: true,
    async create(job: PersistedJob) {
      const { id, kind, maxAttempts } = job;
      await jobs.create({
        id,
        kind,
        maxAttempts,
        ownerId: job.ownerId ?? undefined,
        input: job.input as JsonValue,
      });
      // The repository starts every job queued at 0 %; carry over anything else the caller set.
      const { status, progress, stage, attempts, error, result } = job;
      if (status !== 'queued' || progress !== 0 || stage !== 'queued' || attempts !== 0 || error || result) {
        await jobs.update(id, changesOf({ status, progress, stage, attempts, error, result }));
      }
    },
    async get(id) {
      const job = await jobs.get(id);
      return job && recordOf(job);
    },
    async update(id, patch) {
      return (await jobs.update(id, changesOf(patch))) !== undefined;
    },
    async listByOwner(ownerId, options = {}) {
      return (await jobs.listByOwner(ownerId, options)).map(recordOf);
    },
    async listByStatus(statuses) {
      return (await jobs.listByStatus(statuses)).map((job) => ({ ...recordOf(job), input: job.input }));
    },
  };
}

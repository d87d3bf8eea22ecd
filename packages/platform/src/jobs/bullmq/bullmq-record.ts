import type { JobRecord, JobStatus } from '@cadenza/contracts';
import type { Job, JobState } from 'bullmq';
import type { BullMqJobData } from './bullmq-options.js';

const STATUS: Record<JobState | 'unknown', JobStatus> = {
  waiting: 'queued',
  delayed: 'queued',
  prioritized: 'queued',
  'waiting-children': 'queued',
  unknown: 'queued',
  active: 'running',
  completed: 'succeeded',
  failed: 'failed',
};

/** The {progress, stage} object the worker stores with job.updateProgress, if that is what it holds. */
export function progressOf(value: unknown): { progress: number; stage: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { progress, stage } = value as { progress?: unknown; stage?: unknown };
  return typeof progress === 'number' && typeof stage === 'string' ? { progress, stage } : undefined;
}

function stageOf(status: JobStatus, attemptsMade: number, reported: { stage: string } | undefined): string {
  if (status === 'succeeded') return 'done';
  if (status === 'queued') return attemptsMade > 0 ? 'waiting to retry' : 'queued';
  return reported?.stage ?? 'starting';
}

/** The JobRecord view of a BullMQ job in state `state` (same fields and stage names as in-process). */
export function jobRecordFromBullMq(job: Job<BullMqJobData>, state: JobState | 'unknown'): JobRecord {
  const status = STATUS[state];
  const reported = progressOf(job.progress);
  const iso = (ms: number): string => new Date(ms).toISOString();
  const record: JobRecord = {
    id: String(job.id),
    kind: job.name,
    ownerId: job.data.ownerId ?? null,
    status,
    progress:
      status === 'succeeded'
        ? 100
        : status === 'queued' && job.attemptsMade === 0
          ? 0
          : (reported?.progress ?? 0),
    stage: stageOf(status, job.attemptsMade, reported),
    // attemptsMade counts finished attempts; a running job's current attempt is attemptsStarted.
    attempts: status === 'running' ? Math.max(job.attemptsStarted, job.attemptsMade + 1) : job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    createdAt: iso(job.timestamp),
    updatedAt: iso(Math.max(job.timestamp, job.processedOn ?? 0, job.finishedOn ?? 0)),
  };
  if (job.failedReason && status !== 'succeeded') record.error = job.failedReason;
  if (status === 'succeeded') record.result = job.returnvalue;
  return record;
}
